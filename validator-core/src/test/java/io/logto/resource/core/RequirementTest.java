package io.logto.resource.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RequirementTest {

    private static VerifiedToken token(TokenKind kind, String organizationId, String... scopes) {
        return new VerifiedToken(Map.of(), "https://t.logto.app/oidc", "user-1", "app-1", Set.of(scopes),
                List.of("https://api.example.com"), organizationId, kind, 4_000_000_000L, null, null, "kid", "ES384");
    }

    private static final VerifiedToken GLOBAL = token(TokenKind.GLOBAL_API, null, "read:report", "write:report");
    private static final VerifiedToken ORGANIZATION = token(TokenKind.ORGANIZATION, "org_42", "read:member");
    private static final VerifiedToken ORGANIZATION_API = token(TokenKind.ORGANIZATION_API, "org_42", "read:project");

    @Test
    void grantsEachScenarioItsOwnRequirement() {
        assertThat(Requirement.global("read:report").evaluate(GLOBAL).isGranted()).isTrue();
        assertThat(Requirement.organization("org_42", "read:member").evaluate(ORGANIZATION).isGranted()).isTrue();
        assertThat(Requirement.organizationApi("org_42", "read:project").evaluate(ORGANIZATION_API).isGranted()).isTrue();
    }

    @Test
    void deniesEveryCrossScenarioConfusion() {
        VerifiedToken orgTokenWithGlobalScope = token(TokenKind.ORGANIZATION, "org_42", "read:report");
        VerifiedToken orgApiTokenWithGlobalScope = token(TokenKind.ORGANIZATION_API, "org_42", "read:report");
        VerifiedToken globalWithOrgScopes = token(TokenKind.GLOBAL_API, null, "read:member", "read:project");

        assertThat(Requirement.global("read:report").evaluate(orgTokenWithGlobalScope).outcome())
                .isEqualTo(Decision.Outcome.WRONG_TOKEN_KIND);
        assertThat(Requirement.global("read:report").evaluate(orgApiTokenWithGlobalScope).outcome())
                .isEqualTo(Decision.Outcome.WRONG_TOKEN_KIND);
        assertThat(Requirement.organization("org_42", "read:member").evaluate(globalWithOrgScopes).outcome())
                .isEqualTo(Decision.Outcome.WRONG_TOKEN_KIND);
        assertThat(Requirement.organizationApi("org_42", "read:project").evaluate(globalWithOrgScopes).outcome())
                .isEqualTo(Decision.Outcome.WRONG_TOKEN_KIND);
        assertThat(Requirement.organization("org_42", "read:project").evaluate(ORGANIZATION_API).outcome())
                .isEqualTo(Decision.Outcome.WRONG_TOKEN_KIND);
        assertThat(Requirement.organizationApi("org_42", "read:member").evaluate(ORGANIZATION).outcome())
                .isEqualTo(Decision.Outcome.WRONG_TOKEN_KIND);
    }

    @Test
    void deniesTokensOfAnotherOrganization() {
        Decision decision = Requirement.organization("org_7", "read:member").evaluate(ORGANIZATION);
        assertThat(decision.outcome()).isEqualTo(Decision.Outcome.WRONG_ORGANIZATION);
        assertThat(decision.missingScopes()).containsExactly("read:member");
        assertThat(Requirement.organizationApi("org_7", "read:project").evaluate(ORGANIZATION_API).outcome())
                .isEqualTo(Decision.Outcome.WRONG_ORGANIZATION);
        assertThat(Requirement.organization("", "read:member").evaluate(ORGANIZATION).isGranted()).isFalse();
    }

    @Test
    void allOfNeedsEveryScopeAndNamesTheMissingOnes() {
        Decision decision = Requirement.global("read:report", "delete:report", "admin").evaluate(GLOBAL);
        assertThat(decision.isGranted()).isFalse();
        assertThat(decision.outcome()).isEqualTo(Decision.Outcome.MISSING_SCOPES);
        assertThat(decision.missingScopes()).containsExactlyInAnyOrder("delete:report", "admin");
        assertThat(Requirement.global("read:report", "write:report").evaluate(GLOBAL).isGranted()).isTrue();
    }

    @Test
    void anyOfNeedsOneScope() {
        assertThat(Requirement.global("admin", "write:report").matching(ScopeMatch.ANY).evaluate(GLOBAL).isGranted()).isTrue();
        Decision denied = Requirement.global("admin", "root").matching(ScopeMatch.ANY).evaluate(GLOBAL);
        assertThat(denied.isGranted()).isFalse();
        assertThat(denied.missingScopes()).containsExactlyInAnyOrder("admin", "root");
    }

    @Test
    void noScopesMeansAnyTokenOfTheRightKindAndOrganization() {
        assertThat(Requirement.organization("org_42").evaluate(ORGANIZATION).isGranted()).isTrue();
        assertThat(Requirement.organization("org_42").matching(ScopeMatch.ANY).evaluate(ORGANIZATION).isGranted()).isTrue();
        assertThat(Requirement.organization("org_7").evaluate(ORGANIZATION).isGranted()).isFalse();
    }

    @Test
    void throwsTheConvenienceExceptionWhenDenied() {
        Requirement.global("read:report").check(GLOBAL);
        assertThatThrownBy(() -> Requirement.global("admin").check(GLOBAL))
                .isInstanceOf(AccessRefusedException.class)
                .satisfies(e -> assertThat(((AccessRefusedException) e).decision().orElseThrow().missingScopes()).containsExactly("admin"));
    }

    @Test
    void refusesMalformedRequirements() {
        assertThatThrownBy(() -> Requirement.global("read report")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Requirement.global(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Requirement.of(TokenKind.ORGANIZATION, null, ScopeMatch.ALL, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Requirement.of(TokenKind.GLOBAL_API, "org", ScopeMatch.ALL, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Requirement.global("a", "a").scopes()).containsExactly("a");
    }
}
