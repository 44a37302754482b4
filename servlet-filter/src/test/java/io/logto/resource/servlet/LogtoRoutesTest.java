package io.logto.resource.servlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.logto.resource.core.EndpointRequirement;
import io.logto.resource.core.ScopeMatch;
import io.logto.resource.core.TokenKind;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Route rules: the line syntax, path patterns and which requirement a request gets. */
class LogtoRoutesTest {

    private final LogtoRoutes routes = LogtoRoutes.parse(String.join("\n",
            "GET /api/public = permit-all",
            "GET /api/reports = global read:report",
            "POST /api/reports = global(any) write:report admin",
            "GET /api/organizations/{orgId}/members = organization(orgId) read:member",
            "GET /api/teams/{teamId}/projects/{projectId} = organization-api(teamId, any) read:project",
            "GET /api/organizations/{orgId}/invitations = organization invite:member",
            "* /static/** = permit-all",
            "DELETE /api/*/cache = global admin"));

    @Test
    void theFirstMatchingRuleDecides() {
        LogtoRoutes first = LogtoRoutes.parse("GET /api/** = permit-all; GET /api/reports = global read:report");

        assertThat(first.resolve("GET", "/api/reports")).isEqualTo(LogtoRoutes.Target.PERMIT);
    }

    @Test
    void aGlobalRuleRequiresItsScopes() {
        assertThat(routes.resolve("GET", "/api/reports")).isEqualTo(requires(global(ScopeMatch.ALL, "read:report"), null));
        assertThat(routes.resolve("POST", "/api/reports")).isEqualTo(requires(global(ScopeMatch.ANY, "write:report", "admin"), null));
    }

    @Test
    void anOrganizationRuleTakesTheOrganizationFromItsPathVariable() {
        assertThat(routes.resolve("GET", "/api/organizations/org_42/members"))
                .isEqualTo(requires(EndpointRequirement.organization("orgId", ScopeMatch.ALL, List.of("read:member")), "org_42"));
        assertThat(routes.resolve("GET", "/api/teams/t1/projects/p9"))
                .isEqualTo(requires(EndpointRequirement.organizationApi("teamId", ScopeMatch.ANY, List.of("read:project")), "t1"));
    }

    @Test
    void anOrganizationRuleWithoutVariableUsesOrgId() {
        assertThat(routes.resolve("GET", "/api/organizations/org_7/invitations"))
                .isEqualTo(requires(EndpointRequirement.organization("orgId", ScopeMatch.ALL, List.of("invite:member")), "org_7"));
    }

    @Test
    void wildcardsMatchOneSegmentOrTheRest() {
        assertThat(routes.resolve("DELETE", "/api/anything/cache")).isEqualTo(requires(global(ScopeMatch.ALL, "admin"), null));
        assertThat(routes.resolve("DELETE", "/api/a/b/cache")).isEqualTo(LogtoRoutes.Target.DENY);
        assertThat(routes.resolve("PUT", "/static")).isEqualTo(LogtoRoutes.Target.PERMIT);
        assertThat(routes.resolve("GET", "/static/css/site.css")).isEqualTo(LogtoRoutes.Target.PERMIT);
    }

    @Test
    void aGetRuleCoversHeadButNoOtherMethod() {
        assertThat(routes.resolve("HEAD", "/api/reports")).isEqualTo(requires(global(ScopeMatch.ALL, "read:report"), null));
        assertThat(routes.resolve("PUT", "/api/reports")).isEqualTo(LogtoRoutes.Target.DENY);
        assertThat(routes.resolve("get", "/api/reports")).isEqualTo(LogtoRoutes.Target.DENY);
    }

    @Test
    void aTrailingSlashIsIgnoredAndCaseIsNot() {
        assertThat(routes.resolve("GET", "/api/reports/")).isEqualTo(requires(global(ScopeMatch.ALL, "read:report"), null));
        assertThat(routes.resolve("GET", "/API/reports")).isEqualTo(LogtoRoutes.Target.DENY);
    }

    @Test
    void unmatchedRequestsAreDeniedUnlessAllowed() {
        LogtoRoutes allowing = LogtoRoutes.builder().requireScopes("GET", "/api/reports", "read:report")
                .unmatched(LogtoRoutes.Unmatched.ALLOW).build();

        assertThat(routes.unmatched()).isEqualTo(LogtoRoutes.Unmatched.DENY);
        assertThat(routes.resolve("GET", "/api/other")).isEqualTo(LogtoRoutes.Target.DENY);
        assertThat(allowing.resolve("GET", "/api/other")).isEqualTo(LogtoRoutes.Target.PERMIT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/publi%63", "/api/public;jsessionid=1", "/api/public/..", "/api/reports/../public",
        "/api/./public", "/api//public", "/static\\..\\api", "/static/%2e%2e/api", "/static/a b", "api/public"})
    void aPathThatIsNotCanonicalIsDeniedEvenWhenUnmatchedRoutesAreAllowed(String path) {
        LogtoRoutes allowing = LogtoRoutes.builder().permitAll("*", "/**").unmatched(LogtoRoutes.Unmatched.ALLOW).build();

        assertThat(allowing.resolve("GET", path)).isEqualTo(LogtoRoutes.Target.DENY);
    }

    @Test
    void theContextRootIsAPath() {
        LogtoRoutes root = LogtoRoutes.parse("GET / = permit-all");

        assertThat(root.resolve("GET", "")).isEqualTo(LogtoRoutes.Target.PERMIT);
        assertThat(root.resolve("GET", "/")).isEqualTo(LogtoRoutes.Target.PERMIT);
        assertThat(root.resolve("GET", "/x")).isEqualTo(LogtoRoutes.Target.DENY);
    }

    @Test
    void theBuilderAndTheLineSyntaxAreEquivalent() {
        LogtoRoutes built = LogtoRoutes.builder()
                .permitAll("GET", "/api/public")
                .requireScopes("GET", "/api/reports", "read:report")
                .require("POST", "/api/reports", TokenKind.GLOBAL_API, null, ScopeMatch.ANY, List.of("write:report", "admin"))
                .requireOrganizationScopes("GET", "/api/organizations/{orgId}/members", "orgId", "read:member")
                .require("GET", "/api/teams/{teamId}/projects/{projectId}", TokenKind.ORGANIZATION_API, "teamId",
                        ScopeMatch.ANY, List.of("read:project"))
                .requireOrganizationScopes("GET", "/api/organizations/{orgId}/invitations", "orgId", "invite:member")
                .permitAll("*", "/static/**")
                .requireScopes("DELETE", "/api/*/cache", "admin")
                .build();

        assertThat(built.toString()).isEqualTo(routes.toString());
        assertThat(LogtoRoutes.parse(routes.toString().replaceAll("\\(unmatched: deny\\)", ""))).hasToString(routes.toString());
    }

    @Test
    void scopesListsEveryScopeOfEveryRule() {
        assertThat(routes.scopes()).containsExactly("admin", "invite:member", "read:member", "read:project", "read:report",
                "write:report");
    }

    @Test
    void commentsAndBlankLinesAreSkipped() {
        LogtoRoutes parsed = LogtoRoutes.parse("\n  # public\nGET /a = permit-all\n\n");

        assertThat(parsed.resolve("GET", "/a")).isEqualTo(LogtoRoutes.Target.PERMIT);
    }

    @Test
    void anOrganizationRuleWhosePatternLacksItsVariableGivesRequestsNoOrganization() {
        LogtoRoutes lacking = LogtoRoutes.parse("GET /api/orgs/{id}/members = organization read:member");

        assertThat(lacking.resolve("GET", "/api/orgs/org_42/members"))
                .isEqualTo(requires(EndpointRequirement.organization("orgId", ScopeMatch.ALL, List.of("read:member")), null));
    }

    @Test
    void theKindAndTheOrganizationVariableMustFitWithTheCoreMessage() {
        String noVariable = messageOf(() -> EndpointRequirement.of(TokenKind.ORGANIZATION, null, ScopeMatch.ALL, List.of()));
        String globalVariable = messageOf(() -> EndpointRequirement.of(TokenKind.GLOBAL_API, "orgId", ScopeMatch.ALL, List.of()));

        assertThatThrownBy(() -> LogtoRoutes.builder()
                .require("GET", "/api/{orgId}", TokenKind.ORGANIZATION, null, ScopeMatch.ALL, List.of()))
                .hasMessage(noVariable);
        assertThatThrownBy(() -> LogtoRoutes.builder()
                .require("GET", "/api/{orgId}", TokenKind.GLOBAL_API, "orgId", ScopeMatch.ALL, List.of()))
                .hasMessage(globalVariable);
    }

    @Test
    void anAuthenticatedRuleNeedsAnyVerifiedTokenAndNamesNoScope() {
        LogtoRoutes authenticated = LogtoRoutes.parse("GET /api/me = authenticated; GET /api/reports = global read:report");

        assertThat(authenticated.resolve("GET", "/api/me")).isEqualTo(LogtoRoutes.Target.AUTHENTICATED);
        assertThat(authenticated.scopes()).containsExactly("read:report");
        assertThat(authenticated.toString()).startsWith("GET /api/me = authenticated\n");
        assertThat(LogtoRoutes.builder().authenticated("GET", "/api/me").build().toString())
                .isEqualTo(LogtoRoutes.parse("GET /api/me = authenticated").toString());
        assertThatThrownBy(() -> LogtoRoutes.parse("GET /api/me = authenticated read:report"))
                .hasMessage("route rule 'GET /api/me = authenticated read:report': authenticated takes no options and no scopes");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "GET /api/reports global read:report",
        "/api/reports = global read:report",
        "GET /api/reports = globl read:report",
        "GET /api/reports = global(orgId) read:report",
        "GET /api/{orgId} = organization(orgId, teamId) read:member",
        "GET /api/{orgId} = organization(orgId read:member",
        "GET /api/reports = permit-all read:report",
        "get /api/reports = global",
        "GET api/reports = global",
        "GET /api/**/reports = global",
        "GET /api/{orgId}/{orgId} = organization",
        "GET /api/re*ports = global",
        "GET /api/%72eports = global",
        "GET /api/../reports = global",
        "GET /api/{} = global",
        "GET /api/{a.b} = global"})
    void anUnreadableRuleIsRefusedNamingIt(String line) {
        assertThatThrownBy(() -> LogtoRoutes.parse(line))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("route rule '" + line + "': ");
    }

    @Test
    void anInvalidScopeNameIsRefusedWithTheCoreMessage() {
        for (String invalid : List.of(" ", "read report", "say\"hi\"", "back\\slash", "line\nbreak", "")) {
            String coreMessage = messageOf(() -> EndpointRequirement.global(ScopeMatch.ALL, List.of(invalid)));

            assertThatThrownBy(() -> LogtoRoutes.builder().requireScopes("GET", "/a", invalid)).hasMessage(coreMessage);
        }
        assertThatThrownBy(() -> LogtoRoutes.parse("GET /a = global say\"hi\""))
                .hasMessageEndingWith(messageOf(() -> EndpointRequirement.global(ScopeMatch.ALL, List.of("say\"hi\""))));
    }

    @Test
    void noRulesWithUnmatchedRoutesDeniedIsRefused() {
        assertThatThrownBy(() -> LogtoRoutes.builder().build()).hasMessageStartingWith("no route rules");
        assertThat(LogtoRoutes.builder().unmatched(LogtoRoutes.Unmatched.ALLOW).build().resolve("GET", "/"))
                .isEqualTo(LogtoRoutes.Target.PERMIT);
    }

    private static LogtoRoutes.Target requires(EndpointRequirement requirement, String organizationId) {
        return new LogtoRoutes.Target(LogtoRoutes.Action.REQUIRE, requirement, organizationId);
    }

    private static EndpointRequirement global(ScopeMatch match, String... scopes) {
        return EndpointRequirement.global(match, List.of(scopes));
    }

    private static String messageOf(Runnable invalid) {
        try {
            invalid.run();
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        throw new AssertionError("expected an IllegalArgumentException");
    }
}
