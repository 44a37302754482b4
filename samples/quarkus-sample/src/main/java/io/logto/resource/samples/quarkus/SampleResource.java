package io.logto.resource.samples.quarkus;

import io.logto.resource.core.VerifiedToken;
import io.logto.resource.quarkus.RequireOrganizationApiScopes;
import io.logto.resource.quarkus.RequireOrganizationScopes;
import io.logto.resource.quarkus.RequireScopes;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.jboss.resteasy.reactive.RestPath;

/** The contract's API: one endpoint per row, each declaring what it needs. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class SampleResource {

    // tag::endpoints[]
    @Inject
    VerifiedToken token;

    /** Needs a global API token with {@code read:report}. */
    @GET
    @Path("/reports")
    @RequireScopes("read:report")
    public Map<String, Object> reports() {
        return Map.of("sub", token.subject());
    }

    /** Needs an organization token for {@code orgId} with {@code read:member}. */
    @GET
    @Path("/organizations/{orgId}/members")
    @RequireOrganizationScopes("read:member")
    public Map<String, Object> members(@RestPath String orgId) {
        return organizationAnswer(orgId);
    }

    /** Needs an organization-level API token with {@code organization_id} = {@code orgId} and {@code read:project}. */
    @GET
    @Path("/organizations/{orgId}/projects")
    @RequireOrganizationApiScopes("read:project")
    public Map<String, Object> projects(@RestPath String orgId) {
        return organizationAnswer(orgId);
    }
    // end::endpoints[]

    /** Needs nothing. */
    @GET
    @Path("/public")
    public Map<String, Object> open() {
        return Map.of("message", "public");
    }

    /** Needs a global API token with {@code write:report}. */
    @POST
    @Path("/reports")
    @RequireScopes("write:report")
    public Map<String, Object> createReport() {
        return Map.of("sub", token.subject());
    }

    /** Needs an organization token for {@code orgId} with {@code invite:member}. */
    @POST
    @Path("/organizations/{orgId}/members")
    @RequireOrganizationScopes("invite:member")
    public Map<String, Object> inviteMember(@RestPath String orgId) {
        return organizationAnswer(orgId);
    }

    private Map<String, Object> organizationAnswer(String orgId) {
        return Map.of("organizationId", orgId, "sub", token.subject());
    }
}
