package io.logto.resource.micronaut;

import io.logto.resource.core.ScopeMatch;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Requires a global API token (audience = this API, no {@code organization_id}) granting the listed
 * scopes; anything else is answered with the core's challenges (401 without or with a refused token, 403
 * {@code insufficient_scope} naming the scopes).
 *
 * <pre>{@code
 * @Get("/api/reports")
 * @RequireScopes("read:report")
 * Map<String, String> reports(VerifiedToken token) { ... }
 * }</pre>
 *
 * <p>On a controller class it applies to every endpoint that declares none of the three requirement
 * annotations itself. Read from compile-time annotation metadata; an endpoint that also carries
 * {@code @Secured} must satisfy both. A scope name the core refuses stops startup with the core's message.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RequireScopes {

    /**
     * The scopes the token must grant; none means any global API token.
     *
     * @return scope names, e.g. {@code read:report}
     */
    String[] value() default {};

    /**
     * How the scopes combine.
     *
     * @return {@link ScopeMatch#ALL} (the default) or {@link ScopeMatch#ANY}
     */
    ScopeMatch match() default ScopeMatch.ALL;
}
