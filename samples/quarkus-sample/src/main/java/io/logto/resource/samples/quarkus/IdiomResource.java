package io.logto.resource.samples.quarkus;

import io.logto.resource.core.VerifiedToken;
import io.quarkus.security.PermissionsAllowed;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/**
 * Routes guarded only by Quarkus's own checks for the global scope {@code read:report}: a global API token with the
 * scope passes them, organization and organization-level API tokens carrying the same scope do not (the roles and
 * permissions come from the core's role policy).
 */
@Path("/api/idiom")
@Produces(MediaType.APPLICATION_JSON)
public class IdiomResource {

    @Inject
    VerifiedToken token;

    // tag::idioms[]
    /** Needs the role {@code read:report}: a global API token with that scope. */
    @GET
    @Path("/roles-allowed")
    @RolesAllowed("read:report")
    public Map<String, Object> rolesAllowed() {
        return Map.of("sub", token.subject());
    }

    /** Needs the permission {@code read:report}: a global API token with exactly that scope. */
    @GET
    @Path("/permissions-allowed")
    @PermissionsAllowed("read:report")
    public Map<String, Object> permissionsAllowed() {
        return Map.of("sub", token.subject());
    }
    // end::idioms[]
}
