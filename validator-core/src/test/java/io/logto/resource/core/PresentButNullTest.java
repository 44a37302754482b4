package io.logto.resource.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A member that is present with an empty or JSON {@code null} value is not the same as an absent one
 * wherever absence would grant more (issue 14 item 6): an {@code organization_id: null} token must not
 * pass as a global API token, a {@code nbf: null} token must not skip the not-before check, an empty
 * {@code crit} list is forbidden by RFC 7515 section 4.1.11.
 */
class PresentButNullTest {

    private static final JwksServer server = new JwksServer().serving(TestKeys.ES384);
    private final LogtoTokenVerifier verifier = LogtoTokenVerifier.create(server.config().build());

    @AfterEach
    void closeVerifier() {
        verifier.close();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private String token(String extraClaims) {
        String payload = server.claims().build().toString();
        return TestKeys.signRaw(TestKeys.ES384, TestKeys.headerJson(TestKeys.ES384),
                payload.substring(0, payload.length() - 1) + extraClaims + "}");
    }

    private String tokenWithHeader(String header) {
        return TestKeys.signRaw(TestKeys.ES384, header, server.claims().build().toString());
    }

    private Rejection rejection(String token) {
        VerificationResult result = verifier.verify(token);
        assertThat(result.isVerified()).as("token must be refused").isFalse();
        Rejection rejection = result.rejection().orElseThrow();
        Rejection explained = verifier.explain(token).result().rejection().orElseThrow();
        assertThat(explained.reason()).isEqualTo(rejection.reason());
        assertThat(explained.detail()).isEqualTo(rejection.detail());
        return rejection;
    }

    @Test
    void theSameTokenWithoutTheNullsIsAccepted() {
        assertThat(verifier.verify(token("")).isVerified()).isTrue();
    }

    @Test
    void refusesANullOrganizationIdInsteadOfTreatingTheTokenAsGlobal() {
        Rejection rejection = rejection(token(",\"organization_id\":null"));
        assertThat(rejection.reason()).isEqualTo(RejectionReason.INVALID_CLAIM);
        assertThat(rejection.detail()).isEqualTo("organization_id must be a non-empty string");
    }

    @ParameterizedTest
    @ValueSource(strings = {"client_id", "scope", "jti"})
    void refusesOtherNullStringClaims(String claim) {
        String token = server.claims().build().toString().replaceFirst("\"" + claim + "\":\"[^\"]*\"",
                "\"" + claim + "\":null");
        Rejection rejection = rejection(TestKeys.signRaw(TestKeys.ES384, TestKeys.headerJson(TestKeys.ES384), token));
        assertThat(rejection.reason()).isEqualTo(RejectionReason.INVALID_CLAIM);
        assertThat(rejection.detail()).startsWith(claim + " must be");
    }

    @ParameterizedTest
    @ValueSource(strings = {"nbf", "iat"})
    void refusesNullTimeClaimsInsteadOfSkippingTheirCheck(String claim) {
        String payload = server.claims().build().toString().replaceFirst(",?\"" + claim + "\":\\d+", "");
        String token = TestKeys.signRaw(TestKeys.ES384, TestKeys.headerJson(TestKeys.ES384),
                payload.substring(0, payload.length() - 1) + ",\"" + claim + "\":null}");
        Rejection rejection = rejection(token);
        assertThat(rejection.reason()).isEqualTo(RejectionReason.INVALID_CLAIM);
        assertThat(rejection.detail()).isEqualTo(claim + ": null");
    }

    @Test
    void nullClaimsThatAreRequiredStayRefused() {
        String claims = server.claims().build().toString();
        for (String claim : new String[] {"sub", "iss", "aud"}) {
            String token = TestKeys.signRaw(TestKeys.ES384, TestKeys.headerJson(TestKeys.ES384),
                    claims.replaceFirst("\"" + claim + "\":\"[^\"]*\"", "\"" + claim + "\":null"));
            assertThat(verifier.verify(token).isVerified()).as(claim).isFalse();
        }
    }

    @Test
    void refusesAnEmptyCriticalHeaderList() {
        String header = "{\"alg\":\"ES384\",\"typ\":\"at+jwt\",\"kid\":\"" + TestKeys.ES384.getKeyID() + "\",\"crit\":[]}";
        Rejection rejection = rejection(tokenWithHeader(header));
        assertThat(rejection.reason()).isEqualTo(RejectionReason.UNSUPPORTED_CRITICAL_HEADER);
        assertThat(rejection.detail()).isEqualTo("crit: []");
    }

    @Test
    void refusesANullCriticalHeader() {
        String header = "{\"alg\":\"ES384\",\"typ\":\"at+jwt\",\"kid\":\"" + TestKeys.ES384.getKeyID() + "\",\"crit\":null}";
        assertThat(rejection(tokenWithHeader(header)).reason()).isEqualTo(RejectionReason.UNSUPPORTED_CRITICAL_HEADER);
    }
}
