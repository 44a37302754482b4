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
 * {@code EndpointRequirement.organizationApi(...)} decides.
 *
 * <pre>{@code
 * @GET
 * @Path("/organizations/{orgId}/projects")
 * @RequireOrganizationApiScopes("read:project")
 * public Projects projects(@RestPath String orgId) { ... }
 * }</pre>
 *
 * <p>The method declares the path parameter (as {@code @RestPath}, {@code @PathParam} or by name); a method without
 * it gets a build warning and refuses every request with the core's 403, like a request without the organization id.
 *
 * <p>On a class, the annotation covers every public method that carries no security annotation of its own (a method's
 * {@code @Require*}, {@code @RolesAllowed}, {@code @PermitAll} and the like win). Scope names are checked by the core
 * at build time; a bad one fails the build with the core's message.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
public @interface RequireOrganizationApiScopes {

    /** The scopes; none means any organization-level API token for that organization. */
    String[] value() default {};

    /** How the scopes combine; default {@link ScopeMatch#ALL}. */
    ScopeMatch match() default ScopeMatch.ALL;

    /** The path parameter holding the organization id; default {@code orgId}. */
    String organizationIdFrom() default "orgId";
}
