package io.logto.resource.benchmarks.http.peer.quarkus;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The peer of the quarkus sample: Quarkus REST with {@code quarkus-smallrye-jwt} configured by
 * {@code mp.jwt.verify.*} in {@code application.properties} (environment {@code LOGTO_ISSUER},
 * {@code LOGTO_AUDIENCE}, {@code PORT}), and {@code @RolesAllowed("read:report")} with groups taken from
 * the {@code scope} claim.
 */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class ApiResource {

    @Inject
    JsonWebToken jwt;

    /** Creates the resource; Quarkus calls it. */
    public ApiResource() {
    }

    /**
     * {@code GET /api/public}: open.
     *
     * @return the same body as the samples
     */
    @GET
    @Path("/public")
    @PermitAll
    public Map<String, String> publicRoute() {
        return Map.of("message", "Anyone can read this.");
    }

    /**
     * {@code GET /api/reports}: needs the {@code read:report} scope.
     *
     * @return {@code {"sub": ...}}
     */
    @GET
    @Path("/reports")
    @RolesAllowed("read:report")
    public Map<String, String> reports() {
        return Map.of("sub", jwt.getSubject());
    }
}
