package io.logto.resource.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TokenVerificationTest {

    private static final JwksServer server = new JwksServer().serving(TestKeys.ES384, TestKeys.ES256, TestKeys.RS256);
    private LogtoTokenVerifier verifier = LogtoTokenVerifier.create(server.config().build());

    @AfterEach
    void closeVerifier() {
        verifier.close();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private RejectionReason reasonFor(String token) {
        VerificationResult result = verifier.verify(token);
        assertThat(result.isVerified()).as("token must be refused").isFalse();
        return result.rejection().orElseThrow().reason();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ES384", "ES256", "RS256"})
    void acceptsGlobalApiTokensSignedWithEachLogtoAlgorithm(String alg) {
        JWK key = alg.equals("ES384") ? TestKeys.ES384 : alg.equals("ES256") ? TestKeys.ES256 : TestKeys.RS256;

        VerifiedToken token = verifier.verifyOrThrow(TestKeys.sign(key, server.claims().build()));

        assertThat(token.kind()).isEqualTo(TokenKind.GLOBAL_API);
        assertThat(token.algorithm()).isEqualTo(alg);
        assertThat(token.keyId()).isEqualTo(key.getKeyID());
        assertThat(token.subject()).isEqualTo("user-1");
        assertThat(token.clientId()).hasValue("app-1");
        assertThat(token.scopes()).containsExactly("read:report");
        assertThat(token.organizationId()).isEmpty();
        assertThat(token.audiences()).containsExactly(JwksServer.AUDIENCE);
        assertThat(token.issuer()).isEqualTo(server.issuer());
        assertThat(token.jwtId()).hasValue("jti-1");
    }

    @Test
    void recognisesOrganizationTokensByTheirUrnAudience() {
        VerifiedToken token = verifier.verifyOrThrow(TestKeys.sign(TestKeys.ES384,
                server.claims().audience("urn:logto:organization:org_42").claim("scope", "read:member invite:member").build()));

        assertThat(token.kind()).isEqualTo(TokenKind.ORGANIZATION);
        assertThat(token.organizationId()).hasValue("org_42");
        assertThat(token.scopes()).containsExactlyInAnyOrder("read:member", "invite:member");
    }

    @Test
    void recognisesOrganizationLevelApiTokensByTheirOrganizationIdClaim() {
        VerifiedToken token = verifier.verifyOrThrow(TestKeys.sign(TestKeys.ES384,
                server.claims().claim("organization_id", "org_42").claim("scope", "read:project").build()));

        assertThat(token.kind()).isEqualTo(TokenKind.ORGANIZATION_API);
        assertThat(token.organizationId()).hasValue("org_42");
    }

    @Test
    void treatsAMissingOrEmptyScopeClaimAsNoScopes() {
        assertThat(verifier.verifyOrThrow(TestKeys.sign(TestKeys.ES384, server.claims().claim("scope", null).build())).scopes()).isEmpty();
        assertThat(verifier.verifyOrThrow(TestKeys.sign(TestKeys.ES384, server.claims().claim("scope", "").build())).scopes()).isEmpty();
        assertThat(verifier.verifyOrThrow(TestKeys.sign(TestKeys.ES384, server.claims().claim("scope", " a  b ").build())).scopes())
                .containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void recognisesMachineToMachineTokens() {
        VerifiedToken token = verifier.verifyOrThrow(TestKeys.sign(TestKeys.ES384,
                server.claims().subject("app-1").claim("client_id", "app-1").build()));
        assertThat(token.isMachineToMachine()).isTrue();
    }

    @Test
    void exposesEveryClaimReadOnly() {
        VerifiedToken token = verifier.verifyOrThrow(TestKeys.sign(TestKeys.ES384,
                server.claims().claim("extra", Map.of("nested", List.of("x"))).build()));

        assertThat(token.claim("extra")).hasValue(Map.of("nested", List.of("x")));
        assertThatThrownBy(() -> token.claims().put("sub", "admin")).isInstanceOf(UnsupportedOperationException.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> nested = (Map<String, Object>) token.claims().get("extra");
        assertThatThrownBy(() -> nested.put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> token.scopes().add("admin")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(token.toString()).doesNotContain("user-1").doesNotContain("read:report");
    }

    @ParameterizedTest
    @ValueSource(strings = {"at+jwt", "AT+JWT", "application/at+jwt", "Application/AT+JWT"})
    void acceptsTheAccessTokenTypeInAnyCase(String typ) {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.ES384).type(new JOSEObjectType(typ)).keyID(TestKeys.ES384.getKeyID()).build();
        assertThat(verifier.verify(TestKeys.sign(TestKeys.ES384, header, server.claims().build())).isVerified()).isTrue();
    }

    @Test
    void refusesIdTokensAndTokensWithoutType() {
        JWSHeader jwt = new JWSHeader.Builder(JWSAlgorithm.ES384).type(JOSEObjectType.JWT).keyID(TestKeys.ES384.getKeyID()).build();
        JWSHeader none = new JWSHeader.Builder(JWSAlgorithm.ES384).keyID(TestKeys.ES384.getKeyID()).build();

        assertThat(reasonFor(TestKeys.sign(TestKeys.ES384, jwt, server.claims().build()))).isEqualTo(RejectionReason.WRONG_TYPE);
        assertThat(reasonFor(TestKeys.sign(TestKeys.ES384, none, server.claims().build()))).isEqualTo(RejectionReason.WRONG_TYPE);
    }

    @Test
    void acceptsTokensWithoutTypeWhenTheCheckIsTurnedOff() {
        verifier.close();
        verifier = LogtoTokenVerifier.create(server.config().requireAccessTokenType(false).build());
        JWSHeader none = new JWSHeader.Builder(JWSAlgorithm.ES384).keyID(TestKeys.ES384.getKeyID()).build();
        assertThat(verifier.verify(TestKeys.sign(TestKeys.ES384, none, server.claims().build())).isVerified()).isTrue();
    }

    @Test
    void refusesAnotherIssuerIncludingATrailingSlashOrOtherCase() {
        assertThat(reasonFor(TestKeys.sign(TestKeys.ES384, server.claims().issuer("https://evil.example.com/oidc").build())))
                .isEqualTo(RejectionReason.WRONG_ISSUER);
        assertThat(reasonFor(TestKeys.sign(TestKeys.ES384, server.claims().issuer(server.issuer() + "/").build())))
                .isEqualTo(RejectionReason.WRONG_ISSUER);
        assertThat(reasonFor(TestKeys.sign(TestKeys.ES384, server.claims().issuer(server.issuer().toUpperCase()).build())))
                .isEqualTo(RejectionReason.WRONG_ISSUER);
        assertThat(reasonFor(TestKeys.sign(TestKeys.ES384, server.claims().issuer(null).build())))
                .isEqualTo(RejectionReason.WRONG_ISSUER);
    }

    @Test
    void acceptsAConfiguredCustomDomainIssuer() {
        verifier.close();
        verifier = LogtoTokenVerifier.create(server.config().additionalIssuers("https://auth.example.com/oidc").build());
        assertThat(verifier.verify(TestKeys.sign(TestKeys.ES384, server.claims().issuer("https://auth.example.com/oidc").build()))
                .isVerified()).isTrue();
    }

    @Test
    void refusesExpiredTokensBeyondTheClockSkewButAcceptsThemWithinIt() {
        Instant now = Instant.now();
        String justExpired = TestKeys.sign(TestKeys.ES384, server.claims().expirationTime(Date.from(now.minusSeconds(30))).build());
        String longExpired = TestKeys.sign(TestKeys.ES384, server.claims().expirationTime(Date.from(now.minusSeconds(90))).build());

        assertThat(verifier.verify(justExpired).isVerified()).isTrue();
        assertThat(reasonFor(longExpired)).isEqualTo(RejectionReason.EXPIRED);
    }

    @Test
    void usesTheConfiguredClock() {
        verifier.close();
        Clock later = Clock.fixed(Instant.now().plus(Duration.ofHours(2)), ZoneOffset.UTC);
        verifier = LogtoTokenVerifier.create(server.config().clock(later).build());
        assertThat(reasonFor(TestKeys.sign(TestKeys.ES384, server.claims().build()))).isEqualTo(RejectionReason.EXPIRED);
    }

    @Test
    void refusesTokensWithoutExpiry() {
        assertThat(reasonFor(TestKeys.sign(TestKeys.ES384, server.claims().expirationTime(null).build())))
                .isEqualTo(RejectionReason.MISSING_EXPIRY);
    }

    @Test
    void refusesTokensNotValidYetOrIssuedInTheFuture() {
        Instant future = Instant.now().plusSeconds(600);
        assertThat(reasonFor(TestKeys.sign(TestKeys.ES384, server.claims().notBeforeTime(Date.from(future)).build())))
                .isEqualTo(RejectionReason.NOT_YET_VALID);
        assertThat(reasonFor(TestKeys.sign(TestKeys.ES384, server.claims().issueTime(Date.from(future)).build())))
                .isEqualTo(RejectionReason.ISSUED_IN_FUTURE);
        assertThat(verifier.verify(TestKeys.sign(TestKeys.ES384,
                server.claims().issueTime(Date.from(Instant.now().plusSeconds(30))).build())).isVerified()).isTrue();
    }

    @Test
    void refusesAnotherAudience() {
        assertThat(reasonFor(TestKeys.sign(TestKeys.ES384, server.claims().audience("https://other.example.com").build())))
                .isEqualTo(RejectionReason.WRONG_AUDIENCE);
        assertThat(reasonFor(TestKeys.sign(TestKeys.ES384, server.claims().audience((String) null).build())))
                .isEqualTo(RejectionReason.WRONG_AUDIENCE);
    }

    @Test
    void acceptsAnAudienceArrayContainingTheResource() {
        assertThat(verifier.verify(TestKeys.sign(TestKeys.ES384,
                server.claims().audience(List.of("https://other.example.com", JwksServer.AUDIENCE)).build())).isVerified()).isTrue();
    }

    @Test
    void refusesOrganizationUrnsWithoutIdAmbiguousAudiencesAndDisabledOrganizationTokens() {
        assertThat(reasonFor(TestKeys.sign(TestKeys.ES384, server.claims().audience("urn:logto:organization:").build())))
                .isEqualTo(RejectionReason.WRONG_AUDIENCE);
        assertThat(reasonFor(TestKeys.sign(TestKeys.ES384,
                server.claims().audience(List.of("urn:logto:organization:a", "urn:logto:organization:b")).build())))
                .isEqualTo(RejectionReason.WRONG_AUDIENCE);
        assertThat(reasonFor(TestKeys.sign(TestKeys.ES384,
                server.claims().audience(List.of("urn:logto:organization:a", JwksServer.AUDIENCE)).build())))
                .isEqualTo(RejectionReason.WRONG_AUDIENCE);

        verifier.close();
        verifier = LogtoTokenVerifier.create(server.config().acceptOrganizationTokens(false).build());
        assertThat(reasonFor(TestKeys.sign(TestKeys.ES384, server.claims().audience("urn:logto:organization:org_42").build())))
                .isEqualTo(RejectionReason.WRONG_AUDIENCE);
    }

    @Test
    void refusesAnOrganizationTokenWhoseOrganizationIdClaimContradictsItsAudience() {
        assertThat(reasonFor(TestKeys.sign(TestKeys.ES384, server.claims().audience("urn:logto:organization:a")
                .claim("organization_id", "b").build()))).isEqualTo(RejectionReason.INVALID_CLAIM);
    }

    @Test
    void refusesTokensWithoutSubject() {
        assertThat(reasonFor(TestKeys.sign(TestKeys.ES384, server.claims().subject(null).build())))
                .isEqualTo(RejectionReason.INVALID_CLAIM);
        assertThat(reasonFor(TestKeys.sign(TestKeys.ES384, server.claims().subject("").build())))
                .isEqualTo(RejectionReason.INVALID_CLAIM);
    }

    @Test
    void refusesTokensSignedByAnUnknownKey() {
        JWK stranger = TestKeys.generateEc(com.nimbusds.jose.jwk.Curve.P_384);
        assertThat(reasonFor(TestKeys.sign(stranger, server.claims().build()))).isEqualTo(RejectionReason.UNKNOWN_KEY);
    }

    @Test
    void refusesTokensWithoutKeyId() {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.ES384).type(new JOSEObjectType("at+jwt")).build();
        assertThat(reasonFor(TestKeys.sign(TestKeys.ES384, header, server.claims().build()))).isEqualTo(RejectionReason.UNKNOWN_KEY);
    }

    @Test
    void refusesATamperedPayload() {
        String token = TestKeys.sign(TestKeys.ES384, server.claims().build());
        String[] parts = token.split("\\.");
        String forged = TestKeys.sign(TestKeys.ES384, server.claims().claim("scope", "admin").build()).split("\\.")[1];
        assertThat(reasonFor(parts[0] + "." + forged + "." + parts[2])).isEqualTo(RejectionReason.INVALID_SIGNATURE);
    }

    @Test
    void refusesAnAlgorithmThatDoesNotMatchTheKey() {
        // ES256 claimed in the header for the P-384 key: the key decides, not the header
        String headerJson = "{\"alg\":\"ES256\",\"typ\":\"at+jwt\",\"kid\":\"" + TestKeys.ES384.getKeyID() + "\"}";
        String token = TestKeys.signRaw(TestKeys.ES256, headerJson, server.claims().build().toString());
        assertThat(reasonFor(token)).isEqualTo(RejectionReason.DISALLOWED_ALGORITHM);
    }

    @Test
    void throwsTheOneConvenienceExceptionWithoutTokenContent() {
        String token = TestKeys.sign(TestKeys.ES384, server.claims().issuer("https://evil.example.com/oidc").build());
        assertThatThrownBy(() -> verifier.verifyOrThrow(token))
                .isInstanceOf(AccessRefusedException.class)
                .hasMessageContaining("wrong_issuer")
                .hasMessageNotContaining("evil")
                .satisfies(e -> assertThat(((AccessRefusedException) e).rejection().orElseThrow().detail()).contains("evil"));
    }

    @Test
    void explainsEachCheckWithExpectedAndFoundValuesAndNeverTheSignature() {
        String token = TestKeys.sign(TestKeys.ES384, server.claims().audience("https://other.example.com")
                .expirationTime(Date.from(Instant.now().minusSeconds(3600))).build());

        TokenExplanation explanation = verifier.explain(token);

        assertThat(explanation.result().isVerified()).isFalse();
        assertThat(explanation.result().rejection().orElseThrow().reason()).isEqualTo(RejectionReason.EXPIRED);
        assertThat(explanation.failures()).extracting(TokenExplanation.Check::name).containsExactly("expiry", "audience");
        assertThat(explanation.checks()).extracting(TokenExplanation.Check::name)
                .contains("format", "alg", "typ", "kid", "signature", "issuer", "expiry", "audience");
        assertThat(explanation.firstFailure().orElseThrow().found()).matches("\\d{4}-.*Z");
        String signature = token.substring(token.lastIndexOf('.') + 1);
        assertThat(explanation.checks().toString()).doesNotContain(signature);
    }

    @Test
    void explainsAnUnknownKey() {
        JWK stranger = TestKeys.generateEc(com.nimbusds.jose.jwk.Curve.P_384);
        TokenExplanation explanation = verifier.explain(TestKeys.sign(stranger, server.claims().build()));

        TokenExplanation.Check kid = explanation.firstFailure().orElseThrow();
        assertThat(kid.name()).isEqualTo("kid");
        assertThat(kid.found()).isEqualTo(stranger.getKeyID());
        assertThat(kid.expected()).contains(TestKeys.ES384.getKeyID());
    }

    @Test
    void keepsTheVerifiedAlgorithmAllowListToTheKeysOwnAlgorithm() {
        Set<String> algs = Set.of(verifier.verifyOrThrow(TestKeys.sign(TestKeys.RS256, server.claims().build())).algorithm());
        assertThat(algs).containsExactly("RS256");
    }
}
