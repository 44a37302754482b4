package io.logto.resource.micronaut;

import io.logto.resource.core.Requirement;
import io.logto.resource.core.ScopeMatch;
import io.logto.resource.core.TokenRoles;
import io.logto.resource.core.VerifiedToken;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.context.ServerRequestContext;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.rules.SecurityRule;
import jakarta.annotation.security.RolesAllowed;
import java.util.Map;

/**
 * Endpoints exercising what the contract does not: any-of, renamed or missing path variables, Micronaut's own
 * idioms ({@code @Secured} roles, {@code Authentication}).
 */
@Requires(env = FeaturesTest.ENVIRONMENT)
@Controller("/features")
class FeaturesController {

    @Get("/any")
    @RequireScopes(value = {"read:report", "admin"}, match = ScopeMatch.ANY)
    String any() {
        return "any";
    }

    @Get("/teams/{team}/docs")
    @RequireOrganizationScopes(value = "read:doc", organizationIdFrom = "team")
    String teamDocs(String team, VerifiedToken token) {
        return team + ":" + token.organizationId().orElseThrow();
    }

    @Get("/authentication")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    Map<String, Object> authentication(Authentication authentication) {
        return Map.of("name", authentication.getName(), "roles", authentication.getRoles(),
                "scope", authentication.getAttributes().getOrDefault("scope", ""),
                "kind", MicronautLogtoAuthentication.verifiedToken(authentication).orElseThrow().kind().name());
    }

    @Get("/programmatic")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    String programmatic(VerifiedToken token) {
        Requirement.global("admin").check(token);
        return "admin";
    }

    @Get("/optional-token")
    @Secured(SecurityRule.IS_ANONYMOUS)
    String optionalToken(@Nullable VerifiedToken token) {
        return token == null ? "anonymous" : token.subject();
    }

    @Get("/role-and-scope")
    @Secured("ROLE_ADMIN")
    @RequireScopes("read:report")
    String roleAndScope() {
        return "both";
    }

    @Get("/authenticated-and-scope")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @RequireScopes("read:report")
    String authenticatedAndScope() {
        return "both";
    }

    @Get("/secured")
    @Secured("read:report")
    String secured(Authentication authentication) {
        return authentication.getName();
    }

    @Get("/roles-allowed")
    @RolesAllowed("read:report")
    String rolesAllowed(Authentication authentication) {
        return authentication.getName();
    }

    // tag::organization-role[]
    @Get("/organizations/{orgId}/role")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    String organizationRole(String orgId, Authentication authentication) {
        if (!authentication.getRoles().contains(TokenRoles.organization(orgId, "read:member"))) {
            throw new AuthorizationException(authentication);
        }
        return orgId;
    }
    // end::organization-role[]

    @Get("/organizations/org_4/secured")
    @Secured("organization:org_4 read:member")
    String organizationRoleSecured() {
        return "org_4";
    }

    @Get("/without-variable")
    @RequireOrganizationScopes("read:member")
    String withoutVariable() {
        return "never: the path has no orgId";
    }

    @Get("/optional-organization{/orgId}")
    @RequireOrganizationScopes("read:member")
    String optionalOrganization(@Nullable String orgId) {
        return orgId;
    }

    @Get("/thread")
    @RequireScopes("read:report")
    Map<String, Object> thread(HttpRequest<?> request) {
        return Map.of("thread", Thread.currentThread().getName(),
                "sameRequest", ServerRequestContext.currentRequest().map(current -> current == request).orElse(false));
    }

    @Get("/unannotated")
    String unannotated() {
        return "never without a rule";
    }
}
