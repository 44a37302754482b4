package io.logto.resource.quarkus;

import io.logto.resource.core.ScopeMatch;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Requires a global API token (an access token for this API without {@code organization_id}) that grants
 * the listed scopes; the core's {@code EndpointRequirement.global(...)} decides.
 *
 * <pre>{@code
 * @GET
 * @Path("/reports")
 * @RequireScopes("read:report")
 * public Report reports() { ... }
 * }</pre>
 *
 * <p>A request without a token is answered 401, a refused token 401 {@code invalid_token}, and a verified
 * token of another kind or without the scopes 403 {@code insufficient_scope} naming the scopes. The check runs
 * in Quarkus security before the request body is read. Place it on Quarkus REST resource methods; it is a
 * security annotation and cannot be combined with {@code @RolesAllowed} or the like on the same method.
 *
 * <p>On a class, the annotation covers every public method that carries no security annotation of its own (a method's
 * {@code @Require*}, {@code @RolesAllowed}, {@code @PermitAll} and the like win). Scope names are checked by the core
 * at build time; a bad one fails the build with the core's message.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
public @interface RequireScopes {

    /** The scopes; none means any global API token. */
    String[] value() default {};

    /** How the scopes combine; default {@link ScopeMatch#ALL}. */
    ScopeMatch match() default ScopeMatch.ALL;
}
