package io.logto.resource.micronaut;

import io.logto.resource.core.ScopeMatch;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Requires an organization token (audience {@code urn:logto:organization:<id>}) for the organization named by
 * a path variable, granting the listed scopes; anything else is answered with the core's challenges
 * (401 without or with a refused token, 403 {@code insufficient_scope} naming the scopes for another kind
 * of token, another organization or missing scopes).
 *
 * <pre>{@code
 * @Get("/api/organizations/{orgId}/members")
 * @RequireOrganizationScopes("read:member")
 * Map<String, String> list(String orgId, VerifiedToken token) { ... }
 * }</pre>
 *
 * <p>On a controller class it applies to every endpoint that declares none of the three requirement
 * annotations itself. A request without a value for {@link #organizationIdFrom()} is answered with the
 * core's 403 ({@code accessDenied()}); a scope name the core refuses stops startup with the core's message.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RequireOrganizationScopes {

    /**
     * The scopes the token must grant; none means any organization token for that organization.
     *
     * @return scope names, e.g. {@code read:member}
     */
    String[] value() default {};

    /**
     * How the scopes combine.
     *
     * @return {@link ScopeMatch#ALL} (the default) or {@link ScopeMatch#ANY}
     */
    ScopeMatch match() default ScopeMatch.ALL;

    /**
     * The path variable holding the organization id.
     *
     * @return the variable name; default {@code orgId}
     */
    String organizationIdFrom() default "orgId";
}
