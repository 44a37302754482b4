package io.logto.resource.spring;

import io.logto.resource.core.ScopeMatch;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Requires a global API token (Logto's API resource scenario: no {@code organization_id}) granting these
 * scopes, as {@code Requirement.global(...)} decides. Without a token the request gets 401; with a token of
 * another kind or without the scopes, 403 {@code insufficient_scope} naming them.
 *
 * <pre>{@code
 * @GetMapping("/api/reports")
 * @RequireScopes("read:report")
 * Map<String, Object> reports(VerifiedToken token) { ... }
 * }</pre>
 *
 * <p>On a class it applies to every method that carries no Logto annotation of its own. Enforced by Spring
 * method security around any Spring bean, and combinable with {@code @PreAuthorize}. An invalid scope name
 * fails application startup with the core's message.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface RequireScopes {

    /** The scope names; none means any global API token. */
    String[] value() default {};

    /** Whether every scope ({@link ScopeMatch#ALL}, the default) or any one ({@link ScopeMatch#ANY}) is needed. */
    ScopeMatch match() default ScopeMatch.ALL;
}
