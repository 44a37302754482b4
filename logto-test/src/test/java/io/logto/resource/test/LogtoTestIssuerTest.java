package io.logto.resource.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.logto.resource.core.LogtoConfig;
import io.logto.resource.core.LogtoTokenVerifier;
import io.logto.resource.core.RejectionReason;
import io.logto.resource.core.TokenKind;
import io.logto.resource.core.VerificationResult;
import io.logto.resource.core.VerifiedToken;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LogtoTestIssuerExtension.class)
class LogtoTestIssuerTest {

    private static final String AUDIENCE = "https://api.example.com";
    private static LogtoTokenVerifier verifier;

    @BeforeAll
    static void createVerifier(LogtoTestIssuer logto) {
        verifier = LogtoTokenVerifier.create(LogtoConfig.custom().issuer(logto.issuer()).audience(AUDIENCE).build());
    }

    @AfterAll
    static void closeVerifier() {
        verifier.close();
    }

    @Test
    void servesDiscoveryThatPointsAtItsJwks(LogtoTestIssuer logto) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(logto.issuer() + "/.well-known/openid-configuration")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"issuer\":\"" + logto.issuer() + "\"")
                .contains("\"jwks_uri\":\"" + logto.jwksUri() + "\"");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-cache");
    }

    @Test
    void mintsTokensOfTheThreeScenariosThatTheCoreAccepts(LogtoTestIssuer logto) {
        VerifiedToken global = verifier.verifyOrThrow(logto.globalToken(AUDIENCE).subject("u7").scopes("read:report").sign());
        VerifiedToken organization = verifier.verifyOrThrow(logto.organizationToken("org_42").scopes("read:member").sign());
        VerifiedToken organizationApi = verifier.verifyOrThrow(logto.organizationApiToken(AUDIENCE, "org_42").scopes("read:project").sign());

        assertThat(global.kind()).isEqualTo(TokenKind.GLOBAL_API);
        assertThat(global.subject()).isEqualTo("u7");
        assertThat(global.scopes()).containsExactly("read:report");
        assertThat(organization.kind()).isEqualTo(TokenKind.ORGANIZATION);
        assertThat(organization.organizationId()).hasValue("org_42");
        assertThat(organizationApi.kind()).isEqualTo(TokenKind.ORGANIZATION_API);
        assertThat(organizationApi.organizationId()).hasValue("org_42");
        assertThat(global.algorithm()).isEqualTo("ES384");
        assertThat(global.keyId()).isEqualTo(logto.minter().keyId());
    }

    @Test
    void mintsTheBrokenVariantsThatTheCoreRefuses(LogtoTestIssuer logto) {
        assertThat(reason(logto.globalToken(AUDIENCE).expired().sign())).isEqualTo(RejectionReason.EXPIRED);
        assertThat(reason(logto.globalToken("https://other.example.com").sign())).isEqualTo(RejectionReason.WRONG_AUDIENCE);
        assertThat(reason(logto.globalToken(AUDIENCE).signedWithUnknownKey().sign())).isEqualTo(RejectionReason.UNKNOWN_KEY);
        assertThat(reason(logto.globalToken(AUDIENCE).issuer("https://evil.example.com/oidc").sign())).isEqualTo(RejectionReason.WRONG_ISSUER);
        assertThat(reason(logto.globalToken(AUDIENCE).type("JWT").sign())).isEqualTo(RejectionReason.WRONG_TYPE);
        assertThat(reason(logto.globalToken(AUDIENCE).withoutClaim("exp").sign())).isEqualTo(RejectionReason.MISSING_EXPIRY);
        assertThat(reason(logto.globalToken(AUDIENCE).claim("scope", java.util.List.of("a")).sign())).isEqualTo(RejectionReason.INVALID_CLAIM);
    }

    @Test
    void keepsThePreviousKeyInTheJwksAfterARotation(LogtoTestIssuer logto) {
        String before = logto.globalToken(AUDIENCE).sign();
        String oldKid = logto.minter().keyId();

        logto.rotateKey();
        String after = logto.globalToken(AUDIENCE).sign();

        assertThat(logto.minter().keyId()).isNotEqualTo(oldKid);
        assertThat(logto.minter().jwksJson()).contains(oldKid).contains(logto.minter().keyId());
        assertThat(verifier.verify(before).isVerified()).isTrue();
        assertThat(verifier.verify(after).isVerified()).isTrue();
    }

    @Test
    void countsJwksRequests(LogtoTestIssuer logto) throws Exception {
        int before = logto.jwksRequestCount();
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(logto.jwksUri())).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(logto.jwksRequestCount()).isEqualTo(before + 1);
    }

    private static RejectionReason reason(String token) {
        VerificationResult result = verifier.verify(token);
        assertThat(result.isVerified()).as("token should be refused").isFalse();
        return result.rejection().get().reason();
    }
}
