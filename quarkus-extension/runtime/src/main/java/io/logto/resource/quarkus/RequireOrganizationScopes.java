package io.logto.resource.quarkus;

import io.logto.resource.core.ScopeMatch;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Requires an organization token ({@code aud} = {@code urn:logto:organization:<id>}) for the organization
 * named by a path parameter, granting the listed scopes; the core's {@code Requirement.organization(...)}
 * decides.
 *
 * <pre>{@code
 * @GET
 * @Path("/organizations/{orgId}/members")
 * @RequireOrganizationScopes("read:member")
 * public Members members(@RestPath String orgId) { ... }
 * }</pre>
 *
 * <p>The method must declare the path parameter (as {@code @RestPath}, {@code @PathParam} or by name); the build
 * fails otherwise. Anonymous requests are answered 401 before the body is read; a token for another organization,
 * of another kind or without the scopes 403 {@code insufficient_scope}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RequireOrganizationScopes {

    /** The organization scopes; none means any organization token for that organization. */
    String[] value() default {};

    /** How the scopes combine; default {@link ScopeMatch#ALL}. */
    ScopeMatch match() default ScopeMatch.ALL;

    /** The path parameter holding the organization id; default {@code orgId}. */
    String organizationIdFrom() default "orgId";
}
