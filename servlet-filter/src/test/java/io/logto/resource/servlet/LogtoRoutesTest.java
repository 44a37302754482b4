package io.logto.resource.servlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.logto.resource.core.Requirement;
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
        assertThat(routes.resolve("GET", "/api/reports").requirement()).isEqualTo(Requirement.global("read:report"));
        assertThat(routes.resolve("POST", "/api/reports").requirement())
                .isEqualTo(Requirement.global("write:report", "admin").matching(ScopeMatch.ANY));
    }

    @Test
    void anOrganizationRuleTakesTheOrganizationFromItsPathVariable() {
        assertThat(routes.resolve("GET", "/api/organizations/org_42/members").requirement())
                .isEqualTo(Requirement.organization("org_42", "read:member"));
        assertThat(routes.resolve("GET", "/api/teams/t1/projects/p9").requirement())
                .isEqualTo(Requirement.organizationApi("t1", "read:project").matching(ScopeMatch.ANY));
    }

    @Test
    void anOrganizationRuleWithoutVariableUsesOrgId() {
        assertThat(routes.resolve("GET", "/api/organizations/org_7/invitations").requirement())
                .isEqualTo(Requirement.organization("org_7", "invite:member"));
    }

    @Test
    void wildcardsMatchOneSegmentOrTheRest() {
        assertThat(routes.resolve("DELETE", "/api/anything/cache").requirement()).isEqualTo(Requirement.global("admin"));
        assertThat(routes.resolve("DELETE", "/api/a/b/cache")).isEqualTo(LogtoRoutes.Target.DENY);
        assertThat(routes.resolve("PUT", "/static")).isEqualTo(LogtoRoutes.Target.PERMIT);
        assertThat(routes.resolve("GET", "/static/css/site.css")).isEqualTo(LogtoRoutes.Target.PERMIT);
    }

    @Test
    void aGetRuleCoversHeadButNoOtherMethod() {
        assertThat(routes.resolve("HEAD", "/api/reports").requirement()).isEqualTo(Requirement.global("read:report"));
        assertThat(routes.resolve("PUT", "/api/reports")).isEqualTo(LogtoRoutes.Target.DENY);
        assertThat(routes.resolve("get", "/api/reports")).isEqualTo(LogtoRoutes.Target.DENY);
    }

    @Test
    void aTrailingSlashIsIgnoredAndCaseIsNot() {
        assertThat(routes.resolve("GET", "/api/reports/").requirement()).isEqualTo(Requirement.global("read:report"));
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
    void anOrganizationRuleNeedsItsVariableInThePattern() {
        assertThatThrownBy(() -> LogtoRoutes.parse("GET /api/orgs/{id}/members = organization read:member"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has no variable {orgId}");
        assertThatThrownBy(() -> LogtoRoutes.builder().requireOrganizationApiScopes("GET", "/api/x", "orgId"))
                .hasMessageContaining("has no variable {orgId}");
        assertThatThrownBy(() -> LogtoRoutes.builder()
                .require("GET", "/api/{orgId}", TokenKind.ORGANIZATION, null, ScopeMatch.ALL, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LogtoRoutes.builder()
                .require("GET", "/api/{orgId}", TokenKind.GLOBAL_API, "orgId", ScopeMatch.ALL, List.of()))
                .hasMessageContaining("a global rule takes no organization variable");
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
        assertThatThrownBy(() -> LogtoRoutes.builder().requireScopes("GET", "/a", " "))
                .hasMessage("scope names are non-blank and contain no spaces");
    }

    @Test
    void noRulesWithUnmatchedRoutesDeniedIsRefused() {
        assertThatThrownBy(() -> LogtoRoutes.builder().build()).hasMessageStartingWith("no route rules");
        assertThat(LogtoRoutes.builder().unmatched(LogtoRoutes.Unmatched.ALLOW).build().resolve("GET", "/"))
                .isEqualTo(LogtoRoutes.Target.PERMIT);
    }
}
