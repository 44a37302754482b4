package io.logto.resource.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChallengesTest {

    private static final String METADATA = "https://api.example.com/.well-known/oauth-protected-resource";
    private final Challenges challenges = Challenges.of(LogtoConfig.custom().issuer("https://t.logto.app/oidc")
            .audience("https://api.example.com").build());

    @Test
    void answersAMissingTokenWith401AndNoErrorCode() {
        Challenge challenge = challenges.missingToken();
        assertThat(challenge.status()).isEqualTo(401);
        assertThat(challenge.wwwAuthenticate()).isEqualTo("Bearer resource_metadata=\"" + METADATA + "\"");
        assertThat(challenge.error()).isEmpty();
        assertThat(challenge.body()).isEqualTo("{\"error\":\"unauthorized\",\"error_description\":\"A bearer token is required.\"}");
    }

    @Test
    void answersARefusedTokenWith401InvalidTokenAndAFixedDescription() {
        Challenge challenge = challenges.invalidToken(Rejection.of(RejectionReason.EXPIRED, "m", "exp: secret-ish detail"));
        assertThat(challenge.status()).isEqualTo(401);
        assertThat(challenge.wwwAuthenticate()).isEqualTo("Bearer error=\"invalid_token\", error_description=\"The token has expired.\", "
                + "resource_metadata=\"" + METADATA + "\"");
        assertThat(challenge.body()).isEqualTo("{\"error\":\"invalid_token\",\"error_description\":\"The token has expired.\"}");
        assertThat(challenge.toString()).doesNotContain("secret-ish");
    }

    @Test
    void answersAMissingPermissionWith403InsufficientScopeNamingTheScopes() {
        VerifiedToken token = new VerifiedToken(Map.of(), "i", "s", null, Set.of(), List.of("a"), null, TokenKind.GLOBAL_API, 1L,
                null, null, "k", "ES384");
        Challenge challenge = challenges.insufficientScope(Requirement.global("write:report", "read:report").evaluate(token));
        assertThat(challenge.status()).isEqualTo(403);
        assertThat(challenge.wwwAuthenticate()).isEqualTo("Bearer error=\"insufficient_scope\", "
                + "error_description=\"The token lacks the required scope.\", scope=\"read:report write:report\", "
                + "resource_metadata=\"" + METADATA + "\"");
        assertThat(challenge.body()).contains("\"scope\":\"read:report write:report\"");

        Challenge wrongKind = challenges.insufficientScope(Requirement.organization("o", "read:member").evaluate(token));
        assertThat(wrongKind.wwwAuthenticate()).contains("error_description=\"An organization token is required.\"")
                .contains("scope=\"read:member\"");
        Challenge noScopes = challenges.insufficientScope(Requirement.organization("o").evaluate(token));
        assertThat(noScopes.wwwAuthenticate()).doesNotContain("scope=");
    }

    @Test
    void answersARouteNoRuleAllowsWith403AndNoScope() {
        assertThat(challenges.accessDenied().status()).isEqualTo(403);
        assertThat(challenges.accessDenied().wwwAuthenticate()).isEqualTo("Bearer error=\"insufficient_scope\", "
                + "error_description=\"No access rule allows this request.\", resource_metadata=\"" + METADATA + "\"");
    }

    @Test
    void answersAMalformedRequestWith400InvalidRequest() {
        assertThat(challenges.invalidRequest().status()).isEqualTo(400);
        assertThat(challenges.invalidRequest().wwwAuthenticate()).startsWith("Bearer error=\"invalid_request\"");
    }

    @Test
    void carriesTheRealmFirstAndAnExplicitMetadataUrl() {
        Challenges custom = Challenges.of(LogtoConfig.custom().issuer("https://t.logto.app/oidc").audience("urn:acme:api")
                .realm("acme").resourceMetadataUri("https://acme.test/.well-known/oauth-protected-resource").build());
        assertThat(custom.missingToken().wwwAuthenticate())
                .isEqualTo("Bearer realm=\"acme\", resource_metadata=\"https://acme.test/.well-known/oauth-protected-resource\"");
        Challenges none = Challenges.of(LogtoConfig.custom().issuer("https://t.logto.app/oidc").audience("urn:acme:api").build());
        assertThat(none.missingToken().wwwAuthenticate()).isEqualTo("Bearer");
    }

    @Test
    void aScopeHintNamesTheScopesInEvery401AndNowhereElse() {
        Challenges hinted = challenges.withScopeHint(List.of("write:report", "read:report"));
        assertThat(hinted.missingToken().wwwAuthenticate())
                .isEqualTo("Bearer scope=\"read:report write:report\", resource_metadata=\"" + METADATA + "\"");
        assertThat(hinted.missingToken().body()).contains("\"scope\":\"read:report write:report\"");
        assertThat(hinted.invalidToken(Rejection.of(RejectionReason.EXPIRED, "m", null)).wwwAuthenticate())
                .isEqualTo("Bearer error=\"invalid_token\", error_description=\"The token has expired.\", "
                        + "scope=\"read:report write:report\", resource_metadata=\"" + METADATA + "\"");
        assertThat(hinted.invalidRequest()).usingRecursiveComparison().isEqualTo(challenges.invalidRequest());
        assertThat(hinted.accessDenied()).usingRecursiveComparison().isEqualTo(challenges.accessDenied());
        assertThat(hinted.scopeHint()).contains("read:report write:report");
        assertThat(challenges.scopeHint()).isEmpty();
        assertThat(challenges.missingToken().wwwAuthenticate()).doesNotContain("scope=");
    }

    @Test
    void anEmptyScopeHintIsNoHintAndABadScopeNameIsRefused() {
        assertThat(challenges.withScopeHint(List.of()).missingToken().wwwAuthenticate())
                .isEqualTo(challenges.missingToken().wwwAuthenticate());
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> challenges.withScopeHint(List.of("read report")))
                .withMessageContaining("Invalid scope name");
    }

    @Test
    void mapsTheConvenienceExceptionToItsChallenge() {
        assertThat(challenges.forException(new AccessRefusedException(Rejection.of(RejectionReason.UNKNOWN_KEY, "m", null))).status())
                .isEqualTo(401);
        VerifiedToken token = new VerifiedToken(Map.of(), "i", "s", null, Set.of(), List.of("a"), null, TokenKind.GLOBAL_API, 1L,
                null, null, "k", "ES384");
        assertThat(challenges.forException(new AccessRefusedException(Requirement.global("x").evaluate(token))).status())
                .isEqualTo(403);
    }
}
