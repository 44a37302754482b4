package com.example.api;

import io.logto.resource.core.VerifiedToken;
import io.logto.resource.micronaut.RequireScopes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import java.util.Map;

@Controller("/api")
class ApiController {

    @Get("/reports")
    @RequireScopes("read:report")
    Map<String, String> reports(VerifiedToken token) {
        return Map.of("sub", token.subject());
    }
}
