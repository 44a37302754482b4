package io.logto.resource.core;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Tokens an attacker would send; each must be refused with the right reason, never accepted or thrown. */
class HostileTokenTest {

    private static final JwksServer server = new JwksServer().serving(TestKeys.ES384, TestKeys.RS256);
    private final LogtoTokenVerifier verifier = LogtoTokenVerifier.create(server.config().build());

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

    private static String b64(String text) {
        return Base64URL.encode(text.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private String payload() {
        return server.claims().build().toString();
    }

    private String esHeader() {
        return TestKeys.headerJson(TestKeys.ES384);
    }

    @Test
    void refusesUnsecuredTokensWithAndWithoutKeyId() {
        assertThat(reasonFor(b64("{\"alg\":\"none\",\"typ\":\"at+jwt\"}") + "." + b64(payload()) + ".")).isEqualTo(RejectionReason.MALFORMED);
        assertThat(reasonFor(b64("{\"alg\":\"none\",\"typ\":\"at+jwt\"}") + "." + b64(payload()) + ".AAAA")).isEqualTo(RejectionReason.UNSECURED);
        assertThat(reasonFor(b64("{\"alg\":\"none\",\"typ\":\"at+jwt\",\"kid\":\"" + TestKeys.ES384.getKeyID() + "\"}")
                + "." + b64(payload()) + ".AAAA")).isEqualTo(RejectionReason.UNSECURED);
    }

    @Test
    void refusesHmacTokensSignedWithThePublicKeyAsSecret() throws Exception {
        for (JWSAlgorithm alg : List.of(JWSAlgorithm.HS256, JWSAlgorithm.HS384)) {
            byte[] secret = TestKeys.ES384.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8);
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).type(new JOSEObjectType("at+jwt"))
                    .keyID(TestKeys.ES384.getKeyID()).build(), server.claims().build());
            jwt.sign(new MACSigner(Arrays.copyOf(secret, Math.max(secret.length, 64))));
            assertThat(reasonFor(jwt.serialize())).isEqualTo(RejectionReason.DISALLOWED_ALGORITHM);

            byte[] der = TestKeys.RS256.toRSAPublicKey().getEncoded();
            SignedJWT rsaSecret = new SignedJWT(new JWSHeader.Builder(alg).type(new JOSEObjectType("at+jwt"))
                    .keyID(TestKeys.RS256.getKeyID()).build(), server.claims().build());
            rsaSecret.sign(new MACSigner(der));
            assertThat(reasonFor(rsaSecret.serialize())).isEqualTo(RejectionReason.DISALLOWED_ALGORITHM);
        }
    }

    @Test
    void refusesRs256SignedByAnAttackerUnderTheVictimsKeyId() {
        RSAKey attacker = TestKeys.generateRsa();
        String headerJson = "{\"alg\":\"RS256\",\"typ\":\"at+jwt\",\"kid\":\"" + TestKeys.RS256.getKeyID() + "\"}";
        assertThat(reasonFor(TestKeys.signRaw(attacker, headerJson, payload()))).isEqualTo(RejectionReason.INVALID_SIGNATURE);

        String underEcKid = "{\"alg\":\"RS256\",\"typ\":\"at+jwt\",\"kid\":\"" + TestKeys.ES384.getKeyID() + "\"}";
        assertThat(reasonFor(TestKeys.signRaw(attacker, underEcKid, payload()))).isEqualTo(RejectionReason.DISALLOWED_ALGORITHM);
    }

    @Test
    void refusesEcdsaSignaturesOfZerosOrOfTheWrongLength() {
        String input = b64(esHeader()) + "." + b64(payload());
        assertThat(reasonFor(input + "." + Base64URL.encode(new byte[96]))).isEqualTo(RejectionReason.INVALID_SIGNATURE);
        assertThat(reasonFor(input + "." + Base64URL.encode(new byte[64]))).isEqualTo(RejectionReason.INVALID_SIGNATURE);
        byte[] valid = new Base64URL(TestKeys.signRaw(TestKeys.ES384, esHeader(), payload()).split("\\.")[2]).decode();
        assertThat(reasonFor(input + "." + Base64URL.encode(Arrays.copyOf(valid, 95)))).isEqualTo(RejectionReason.INVALID_SIGNATURE);
    }

    @Test
    void neverFetchesKeysNamedByTheToken() {
        ECKey attacker = TestKeys.generateEc(Curve.P_384);
        server.wireMock.stubFor(get(urlPathMatching("/attacker/.*")).willReturn(JwksServer.json(TestKeys.jwks(attacker))));
        String base = "http://127.0.0.1:" + server.wireMock.port() + "/attacker/";
        List<JWSHeader> headers = List.of(
                new JWSHeader.Builder(JWSAlgorithm.ES384).type(new JOSEObjectType("at+jwt")).keyID(attacker.getKeyID()).jwk(attacker.toPublicJWK()).build(),
                new JWSHeader.Builder(JWSAlgorithm.ES384).type(new JOSEObjectType("at+jwt")).keyID(attacker.getKeyID()).jwkURL(URI.create(base + "jwks")).build(),
                new JWSHeader.Builder(JWSAlgorithm.ES384).type(new JOSEObjectType("at+jwt")).keyID(attacker.getKeyID()).x509CertURL(URI.create(base + "cert")).build(),
                new JWSHeader.Builder(JWSAlgorithm.ES384).type(new JOSEObjectType("at+jwt")).keyID(TestKeys.ES384.getKeyID()).jwk(attacker.toPublicJWK()).build());
        for (JWSHeader header : headers) {
            RejectionReason reason = reasonFor(TestKeys.sign(attacker, header, server.claims().build()));
            assertThat(reason).isIn(RejectionReason.UNKNOWN_KEY, RejectionReason.INVALID_SIGNATURE);
        }
        assertThat(server.requestsTo("/attacker/.*")).isZero();
    }

    @Test
    void refusesUnknownCriticalHeaders() {
        String header = "{\"alg\":\"ES384\",\"typ\":\"at+jwt\",\"kid\":\"" + TestKeys.ES384.getKeyID() + "\",\"crit\":[\"exp\"],\"exp\":1}";
        assertThat(reasonFor(TestKeys.signRaw(TestKeys.ES384, header, payload()))).isEqualTo(RejectionReason.UNSUPPORTED_CRITICAL_HEADER);
        String unencoded = "{\"alg\":\"ES384\",\"typ\":\"at+jwt\",\"kid\":\"" + TestKeys.ES384.getKeyID() + "\",\"b64\":false,\"crit\":[\"b64\"]}";
        assertThat(reasonFor(TestKeys.signRaw(TestKeys.ES384, unencoded, payload()))).isEqualTo(RejectionReason.UNSUPPORTED_CRITICAL_HEADER);
    }

    @Test
    void refusesEncryptedAndWrongPartCounts() {
        assertThat(reasonFor("eyJhbGciOiJSU0EtT0FFUCIsImVuYyI6IkEyNTZHQ00ifQ.a.b.c.d")).isEqualTo(RejectionReason.ENCRYPTED);
        assertThat(reasonFor(b64("{\"alg\":\"RSA-OAEP\",\"enc\":\"A256GCM\"}") + ".AAAA.BBBB")).isEqualTo(RejectionReason.ENCRYPTED);
        String valid = TestKeys.sign(TestKeys.ES384, server.claims().build());
        String[] parts = valid.split("\\.");
        assertThat(reasonFor(parts[0] + "." + parts[1])).isEqualTo(RejectionReason.MALFORMED);
        assertThat(reasonFor(valid + ".AAAA")).isEqualTo(RejectionReason.MALFORMED);
        assertThat(reasonFor(parts[0] + "." + parts[1] + ".")).isEqualTo(RejectionReason.MALFORMED);
        assertThat(reasonFor("")).isEqualTo(RejectionReason.MALFORMED);
        assertThat(reasonFor(null)).isEqualTo(RejectionReason.MALFORMED);
    }

    @Test
    void refusesPartsThatAreNotBase64OrNotJson() {
        String valid = TestKeys.sign(TestKeys.ES384, server.claims().build());
        String[] parts = valid.split("\\.");
        assertThat(reasonFor(parts[0] + ".@@@." + parts[2])).isEqualTo(RejectionReason.MALFORMED);
        assertThat(reasonFor("bm90IGpzb24." + parts[1] + "." + parts[2])).isEqualTo(RejectionReason.MALFORMED);
        assertThat(reasonFor(TestKeys.signRaw(TestKeys.ES384, esHeader(), "not json"))).isEqualTo(RejectionReason.MALFORMED);
        assertThat(reasonFor(TestKeys.signRaw(TestKeys.ES384, esHeader(), "[1,2,3]"))).isEqualTo(RejectionReason.MALFORMED);
        assertThat(reasonFor(valid.replace('.', ' '))).isEqualTo(RejectionReason.MALFORMED);
        assertThat(reasonFor(valid + "é")).isEqualTo(RejectionReason.MALFORMED);
    }

    @Test
    void refusesDeeplyNestedJsonWithoutFailing() {
        String deep = "[".repeat(5000) + "]".repeat(5000);
        String payload = payload().replaceFirst("\\{", "{\"deep\":" + deep + ",");
        assertThat(reasonFor(TestKeys.signRaw(TestKeys.ES384, esHeader(), payload))).isIn(RejectionReason.MALFORMED, RejectionReason.INVALID_CLAIM);
        String header = esHeader().replaceFirst("\\{", "{\"deep\":" + deep + ",");
        assertThat(reasonFor(b64(header) + "." + b64(payload()) + ".AAAA")).isEqualTo(RejectionReason.MALFORMED);
    }

    @Test
    void refusesOversizedTokensBeforeParsing() {
        String payload = server.claims().claim("padding", "x".repeat(60_000)).build().toString();
        assertThat(reasonFor(TestKeys.signRaw(TestKeys.ES384, esHeader(), payload))).isEqualTo(RejectionReason.MALFORMED);
    }

    @Test
    void refusesDuplicateClaims() {
        String payload = payload().replaceFirst("\\{", "{\"sub\":\"admin\",");
        assertThat(payload).contains("\"sub\":\"admin\"").contains("\"sub\":\"user-1\"");
        assertThat(reasonFor(TestKeys.signRaw(TestKeys.ES384, esHeader(), payload))).isEqualTo(RejectionReason.MALFORMED);
    }

    @Test
    void refusesTimesThatAreNotIntegerNumericDates() {
        long future = System.currentTimeMillis() / 1000 + 3600;
        for (Object exp : List.of(String.valueOf(future), future + 0.5, 1e30, new java.math.BigInteger("99999999999999999999999"), -5L)) {
            String token = TestKeys.signRaw(TestKeys.ES384, esHeader(), server.claims().claim("exp", exp).build().toString());
            assertThat(reasonFor(token)).as("exp %s", exp).isEqualTo(RejectionReason.INVALID_CLAIM);
        }
        for (String claim : List.of("nbf", "iat")) {
            String token = TestKeys.signRaw(TestKeys.ES384, esHeader(), server.claims().claim(claim, "yesterday").build().toString());
            assertThat(reasonFor(token)).as(claim).isEqualTo(RejectionReason.INVALID_CLAIM);
        }
    }

    @Test
    void refusesAudiencesOfTheWrongShape() {
        for (Object aud : List.of(42, java.util.Map.of("a", "b"), List.of(), List.of(1))) {
            String token = TestKeys.signRaw(TestKeys.ES384, esHeader(), server.claims().claim("aud", aud).build().toString());
            assertThat(reasonFor(token)).as("aud %s", aud).isEqualTo(RejectionReason.WRONG_AUDIENCE);
        }
    }

    @Test
    void refusesScopesThatAreNotAString() {
        for (Object scope : List.of(List.of("read:report"), 7, Set.of())) {
            String token = TestKeys.signRaw(TestKeys.ES384, esHeader(), server.claims().claim("scope", scope).build().toString());
            assertThat(reasonFor(token)).as("scope %s", scope).isEqualTo(RejectionReason.INVALID_CLAIM);
        }
        String orgNumber = TestKeys.signRaw(TestKeys.ES384, esHeader(), server.claims().claim("organization_id", 42).build().toString());
        assertThat(reasonFor(orgNumber)).isEqualTo(RejectionReason.INVALID_CLAIM);
    }

    @Test
    void refusesARealSignatureMovedOntoAnotherToken() {
        String a = TestKeys.sign(TestKeys.ES384, server.claims().subject("a").build());
        String b = TestKeys.sign(TestKeys.ES384, server.claims().subject("b").build());
        String spliced = b.substring(0, b.lastIndexOf('.')) + a.substring(a.lastIndexOf('.'));
        assertThat(reasonFor(spliced)).isEqualTo(RejectionReason.INVALID_SIGNATURE);
    }

    @Test
    void refusesAStrippedSignature() {
        String valid = TestKeys.sign(TestKeys.ES384, server.claims().build());
        assertThat(reasonFor(valid.substring(0, valid.lastIndexOf('.') + 1))).isEqualTo(RejectionReason.MALFORMED);
    }

    @Test
    void refusesJwtClaimsSetsThatNimbusWouldNormalise() {
        JWTClaimsSet claims = server.claims().claim("exp", 1.7e9).build();
        assertThat(reasonFor(TestKeys.signRaw(TestKeys.ES384, esHeader(), claims.toString()))).isEqualTo(RejectionReason.INVALID_CLAIM);
    }
}
