package io.logto.resource.quarkus;

import io.logto.resource.core.ScopeMatch;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Requires an organization-level API token (an access token for this API whose {@code organization_id} equals
 * the organization named by a path parameter) granting the listed scopes; the core's
 * {@code Requirement.organizationApi(...)} decides.
 *
 * <pre>{@code
 * @GET
 * @Path("/organizations/{orgId}/projects")
 * @RequireOrganizationApiScopes("read:project")
 * public Projects projects(@RestPath String orgId) { ... }
 * }</pre>
 *
 * <p>The method must declare the path parameter (as {@code @RestPath}, {@code @PathParam} or by name); the build
 * fails otherwise.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RequireOrganizationApiScopes {

    /** The scopes; none means any organization-level API token for that organization. */
    String[] value() default {};

    /** How the scopes combine; default {@link ScopeMatch#ALL}. */
    ScopeMatch match() default ScopeMatch.ALL;

    /** The path parameter holding the organization id; default {@code orgId}. */
    String organizationIdFrom() default "orgId";
}
