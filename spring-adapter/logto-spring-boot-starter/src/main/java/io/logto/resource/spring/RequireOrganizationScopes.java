package io.logto.resource.spring;

import io.logto.resource.core.ScopeMatch;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Requires an organization token (Logto's organization scenario: {@code aud} =
 * {@code urn:logto:organization:<id>}) for the organization named by a path variable, granting these
 * scopes, as {@code Requirement.organization(...)} decides. A global token, or a token for another
 * organization, gets 403 {@code insufficient_scope}.
 *
 * <pre>{@code
 * @GetMapping("/api/organizations/{orgId}/members")
 * @RequireOrganizationScopes("read:member")
 * Map<String, Object> members(@PathVariable String orgId, VerifiedToken token) { ... }
 * }</pre>
 *
 * <p>On a class it applies to every method that carries no Logto annotation of its own. A request without the
 * path variable (or with an empty one) is denied with 403 {@code insufficient_scope}, the core's answer for a
 * missing organization; an invalid scope name or a blank {@code organizationIdFrom} fails application startup
 * with the core's message.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface RequireOrganizationScopes {

    /** The organization scope names; none means any organization token for the organization. */
    String[] value() default {};

    /** Whether every scope ({@link ScopeMatch#ALL}, the default) or any one ({@link ScopeMatch#ANY}) is needed. */
    ScopeMatch match() default ScopeMatch.ALL;

    /** The name of the path variable holding the organization id; default {@code orgId}. */
    String organizationIdFrom() default "orgId";
}
