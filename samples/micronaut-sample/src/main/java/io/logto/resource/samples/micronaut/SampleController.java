package io.logto.resource.samples.micronaut;

import io.logto.resource.core.VerifiedToken;
import io.logto.resource.micronaut.RequireOrganizationApiScopes;
import io.logto.resource.micronaut.RequireOrganizationScopes;
import io.logto.resource.micronaut.RequireScopes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The sample contract: one public endpoint, one protected endpoint per Logto scenario, and
 * {@code /api/idiom/secured} guarded only by {@code @Secured("read:report")}. The metadata document at
 * {@code /.well-known/oauth-protected-resource} comes with the adapter.
 */
@Controller("/api")
final class SampleController {

    /** The answer of a global endpoint. */
    @Serdeable
    record Caller(String sub) {
    }

    /** The answer of an organization endpoint. */
    @Serdeable
    record Member(String organizationId, String sub) {
    }

    /** The answer of the public endpoint. */
    @Serdeable
    record Message(String message) {
    }

    @Get("/public")
    @Secured(SecurityRule.IS_ANONYMOUS)
    Message publicEndpoint() {
        return new Message("Anyone may read this.");
    }

    // tag::endpoints[]
    @Get("/reports")
    @RequireScopes("read:report")
    Caller readReports(VerifiedToken token) {
        return new Caller(token.subject());
    }

    @Get("/organizations/{orgId}/members")
    @RequireOrganizationScopes("read:member")
    Member members(@PathVariable String orgId, VerifiedToken token) {
        return new Member(orgId, token.subject());
    }

    @Get("/organizations/{orgId}/projects")
    @RequireOrganizationApiScopes("read:project")
    Member projects(@PathVariable String orgId, VerifiedToken token) {
        return new Member(orgId, token.subject());
    }
    // end::endpoints[]

    @Post("/reports")
    @RequireScopes("write:report")
    Caller writeReport(VerifiedToken token) {
        return new Caller(token.subject());
    }

    /**
     * Guarded only by Micronaut's own idiom: the roles are the core's {@code VerifiedToken.roles()}, so this grants a
     * global API token with {@code read:report} and refuses organization and organization-API tokens carrying it.
     */
    // tag::idiom[]
    @Get("/idiom/secured")
    @Secured("read:report")
    Caller securedIdiom(Authentication authentication) {
        return new Caller(authentication.getName());
    }
    // end::idiom[]

    @Post("/organizations/{orgId}/members")
    @RequireOrganizationScopes("invite:member")
    Member invite(@PathVariable String orgId, VerifiedToken token) {
        return new Member(orgId, token.subject());
    }
}
