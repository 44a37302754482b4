package com.example.api;

import io.logto.resource.core.VerifiedToken;
import io.logto.resource.quarkus.RequireScopes;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.Map;

@Path("/api")
public class ApiResource {

    @Inject
    VerifiedToken token;

    @GET
    @Path("/reports")
    @RequireScopes("read:report")
    public Map<String, Object> reports() {
        return Map.of("sub", token.subject());
    }
}
