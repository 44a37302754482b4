package io.logto.resource.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EndpointRequirementTest {

    private static VerifiedToken token(TokenKind kind, String organizationId, String... scopes) {
        return new VerifiedToken(Map.of(), "https://t.logto.app/oidc", "user-1", "app-1", Set.of(scopes),
                List.of("https://api.example.com"), organizationId, kind, 4_000_000_000L, null, null, "kid", "ES384");
    }

    private static final EndpointRequirement MEMBERS =
            EndpointRequirement.organization("orgId", ScopeMatch.ALL, List.of("read:member"));

    @Test
    void decidesWithTheOrganizationFromTheRequest() {
        VerifiedToken member = token(TokenKind.ORGANIZATION, "org_42", "read:member");

        assertThat(MEMBERS.evaluate(member, "org_42").isGranted()).isTrue();
        assertThat(MEMBERS.evaluate(member, "org_7").outcome()).isEqualTo(Decision.Outcome.WRONG_ORGANIZATION);
        assertThat(MEMBERS.forOrganization("org_42")).isEqualTo(Requirement.organization("org_42", "read:member"));
    }

    @Test
    void deniesARequestWithoutOrganizationWithTheAccessDeniedAnswer() {
        VerifiedToken member = token(TokenKind.ORGANIZATION, "org_42", "read:member");
        Challenges challenges = Challenges.of(LogtoConfig.custom().issuer("https://t.logto.app/oidc")
                .audience("https://api.example.com").build());

        for (String missing : new String[] {null, ""}) {
            Decision decision = MEMBERS.evaluate(member, missing);
            assertThat(decision.outcome()).isEqualTo(Decision.Outcome.MISSING_ORGANIZATION);
            assertThat(challenges.insufficientScope(decision)).isEqualTo(challenges.accessDenied());
        }
        Decision api = EndpointRequirement.organizationApi("orgId", ScopeMatch.ALL, List.of("read:project"))
                .evaluate(token(TokenKind.ORGANIZATION_API, "org_42", "read:project"), "");
        assertThat(api.outcome()).isEqualTo(Decision.Outcome.MISSING_ORGANIZATION);
    }

    @Test
    void aGlobalRequirementIgnoresTheOrganizationAndRefusesOrganizationTokens() {
        EndpointRequirement reports = EndpointRequirement.global(ScopeMatch.ANY, List.of("read:report", "admin"));

        assertThat(reports.evaluate(token(TokenKind.GLOBAL_API, null, "admin"), null).isGranted()).isTrue();
        assertThat(reports.evaluate(token(TokenKind.ORGANIZATION_API, "org_42", "read:report"), "org_42").outcome())
                .isEqualTo(Decision.Outcome.WRONG_TOKEN_KIND);
        assertThat(reports.organizationVariable()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"read report", "", "say\"hi", "back\\slash", "line\nbreak", "cr\r", "tab\t", "caf\u00e9"})
    void refusesScopeNamesOutsideTheScopeGrammarWithOneMessage(String scope) {
        assertThatThrownBy(() -> EndpointRequirement.global(ScopeMatch.ALL, List.of(scope)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Invalid scope name \"")
                .hasMessageContaining("RFC 6749 scope-token")
                .hasMessageNotContaining("\n").hasMessageNotContaining("\r");
        assertThatThrownBy(() -> Requirement.global(scope))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Invalid scope name \"");
    }

    @Test
    void acceptsEveryPrintableScopeToken() {
        EndpointRequirement odd = EndpointRequirement.global(ScopeMatch.ALL,
                List.of("read:report", "a,b", "https://api.example.com/read", "!#$%&'()*+-./:;<=>?@[]^_`{|}~"));
        assertThat(odd.scopes()).hasSize(4);
    }

    @Test
    void refusesAnOrganizationVariableThatDoesNotFitTheKind() {
        assertThatThrownBy(() -> EndpointRequirement.organization(" ", ScopeMatch.ALL, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("request variable");
        assertThatThrownBy(() -> EndpointRequirement.of(TokenKind.ORGANIZATION_API, null, ScopeMatch.ALL, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EndpointRequirement.of(TokenKind.GLOBAL_API, "orgId", ScopeMatch.ALL, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
