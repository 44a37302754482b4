package io.logto.resource.micronaut;

import io.logto.resource.core.VerifiedToken;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import java.util.Map;

/** The sample contract of DESIGN.md and the framework idiom route, written the way a user would. */
@Controller("/api")
class ContractController {

    @Get("/public")
    @Secured(SecurityRule.IS_ANONYMOUS)
    Map<String, String> publicEndpoint() {
        return Map.of("message", "public");
    }

    @Get("/reports")
    @RequireScopes("read:report")
    Map<String, String> readReports(VerifiedToken token) {
        return Map.of("sub", token.subject());
    }

    @Post("/reports")
    @RequireScopes("write:report")
    Map<String, String> writeReport(VerifiedToken token) {
        return Map.of("sub", token.subject());
    }

    @Get("/organizations/{orgId}/members")
    @RequireOrganizationScopes("read:member")
    Map<String, String> members(@PathVariable String orgId, VerifiedToken token) {
        return Map.of("organizationId", orgId, "sub", token.subject());
    }

    @Post("/organizations/{orgId}/members")
    @RequireOrganizationScopes("invite:member")
    Map<String, String> invite(@PathVariable String orgId, VerifiedToken token) {
        return Map.of("organizationId", orgId, "sub", token.subject());
    }

    @Get("/idiom/secured")
    @Secured("read:report")
    Map<String, String> securedIdiom(Authentication authentication) {
        return Map.of("sub", authentication.getName());
    }

    @Get("/organizations/{orgId}/projects")
    @RequireOrganizationApiScopes("read:project")
    Map<String, String> projects(@PathVariable String orgId, VerifiedToken token) {
        return Map.of("organizationId", token.organizationId().orElseThrow(), "sub", token.subject());
    }
}
