package io.logto.resource.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Pins what {@code verify} and {@code explain} answer, check by check, for a catalogue of good and bad
 * tokens: the expected text is {@code explain-golden.txt}, so a change to any check's order, name,
 * expected or found value, or to any rejection's reason, message or detail shows up as a diff. Keys are
 * generated per run with fixed key ids; the clock is fixed; the issuer's port is written as {@code PORT}.
 * The actual text is written to {@code target/explain-actual.txt} for review. {@code verifyAsync} must
 * answer every token exactly as {@code verify} does.
 */
class ExplainGoldenTest {

    private static final long NOW = 1_893_456_000L; // 2030-01-01T00:00:00Z
    private static final ECKey ES384 = ec(Curve.P_384, "es384-key");
    private static final RSAKey RS256 = rsa("rs256-key");
    private static final ECKey STRANGER = ec(Curve.P_384, "stranger-key");

    private static final JwksServer server = new JwksServer().serving(ES384, RS256);

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void explainAndVerifyAnswerExactlyAsPinned() throws IOException {
        String actual = render();
        Path out = Path.of("target", "explain-actual.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, actual, StandardCharsets.UTF_8);
        String expected;
        try (InputStream in = ExplainGoldenTest.class.getResourceAsStream("/explain-golden.txt")) {
            expected = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(actual).isEqualTo(expected);
    }

    private String render() {
        StringBuilder text = new StringBuilder();
        MutableClock clock = new MutableClock(Instant.ofEpochSecond(NOW));
        try (LogtoTokenVerifier strict = LogtoTokenVerifier.create(server.config().clock(clock).build());
             LogtoTokenVerifier organizations = LogtoTokenVerifier.create(server.config().clock(clock)
                     .acceptOrganizationTokens(true).build())) {
            for (Map.Entry<String, String> c : cases().entrySet()) {
                render(text, "strict " + c.getKey(), strict, c.getValue());
                render(text, "org " + c.getKey(), organizations, c.getValue());
            }
        }
        try (JwksServer down = new JwksServer().failWith(500);
             LogtoTokenVerifier unavailable = LogtoTokenVerifier.create(down.config().clock(clock).build())) {
            render(text, "keys-unavailable", unavailable, sign(ES384, header("ES384", "at+jwt", ES384.getKeyID()),
                    payload(down.issuer(), "")));
        }
        return text.toString().replaceAll("127\\.0\\.0\\.1:\\d+", "127.0.0.1:PORT");
    }

    private static void render(StringBuilder text, String name, LogtoTokenVerifier verifier, String token) {
        TokenExplanation explanation = verifier.explain(token);
        VerificationResult verified = verifier.verify(token);
        text.append("== ").append(name).append('\n');
        for (TokenExplanation.Check check : explanation.checks()) {
            text.append(check).append('\n');
        }
        text.append("explain: ").append(describe(explanation.result())).append('\n');
        text.append("verify:  ").append(describe(verified)).append('\n');
        VerificationResult async = verifier.verifyAsync(token).toCompletableFuture().join();
        assertThat(describe(async)).as(name + ": verifyAsync answers as verify").isEqualTo(describe(verified));
    }

    private static String describe(VerificationResult result) {
        if (result.isVerified()) {
            VerifiedToken t = result.token().orElseThrow();
            return "VERIFIED " + t.kind() + " org=" + t.organizationId().orElse("-") + " scopes="
                    + new java.util.TreeSet<>(t.scopes()) + " iss=" + t.issuer() + " sub=" + t.subject()
                    + " client=" + t.clientId().orElse("-") + " aud=" + t.audiences() + " exp=" + t.expiresAt()
                    + " iat=" + t.issuedAt().map(Object::toString).orElse("-") + " jti=" + t.jwtId().orElse("-")
                    + " kid=" + t.keyId() + " alg=" + t.algorithm() + " claims=" + new TreeMap<>(t.claims());
        }
        Rejection r = result.rejection().orElseThrow();
        return "REJECTED " + r.reason() + " | " + r.message() + " | " + r.detail();
    }

    private static Map<String, String> cases() {
        String iss = server.issuer();
        String aud = JwksServer.AUDIENCE;
        String es = header("ES384", "at+jwt", ES384.getKeyID());
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("valid-global", sign(ES384, es, payload(iss, "")));
        cases.put("valid-rsa", sign(RS256, header("RS256", "at+jwt", RS256.getKeyID()), payload(iss, "")));
        cases.put("valid-media-type", sign(ES384, header("ES384", "application/at+JWT", ES384.getKeyID()), payload(iss, "")));
        cases.put("valid-organization", sign(ES384, es, claims(iss, "\"urn:logto:organization:org_1\"", "")));
        cases.put("valid-organization-api", sign(ES384, es, payload(iss, ",\"organization_id\":\"org_1\"")));
        cases.put("org-in-aud-and-claim", sign(ES384, es,
                claims(iss, "\"urn:logto:organization:org_1\"", ",\"organization_id\":\"org_1\"")));
        cases.put("extra-claims", sign(ES384, es, payload(iss,
                ",\"nbf\":" + (NOW - 10) + ",\"roles\":[\"a\",null],\"meta\":{\"x\":1.5,\"y\":null},\"n\":null")));
        // shape
        cases.put("empty", "");
        cases.put("too-long", "a".repeat(20_000));
        cases.put("illegal-char", "abc.d+f.ghi");
        cases.put("two-parts", "abc.def");
        cases.put("empty-part", "abc..ghi");
        cases.put("jwe", "a.b.c.d.e");
        // header
        cases.put("header-not-json", b64("not json") + "." + b64(payload(iss, "")) + ".AAAA");
        cases.put("header-not-object", b64("[1]") + "." + b64(payload(iss, "")) + ".AAAA");
        cases.put("alg-none", b64("{\"alg\":\"none\",\"typ\":\"at+jwt\"}") + "." + b64(payload(iss, "")) + ".AAAA");
        cases.put("jwe-header", b64("{\"alg\":\"RSA-OAEP\",\"enc\":\"A256GCM\"}") + "." + b64(payload(iss, "")) + ".AAAA");
        cases.put("alg-hs256", b64(header("HS256", "at+jwt", ES384.getKeyID())) + "." + b64(payload(iss, "")) + ".AAAA");
        cases.put("alg-missing", b64("{\"typ\":\"at+jwt\",\"kid\":\"es384-key\"}") + "." + b64(payload(iss, "")) + ".AAAA");
        cases.put("typ-jwt", sign(ES384, header("ES384", "JWT", ES384.getKeyID()), payload(iss, "")));
        cases.put("typ-missing", sign(ES384, "{\"alg\":\"ES384\",\"kid\":\"es384-key\"}", payload(iss, "")));
        cases.put("crit-exp", sign(ES384, "{\"alg\":\"ES384\",\"typ\":\"at+jwt\",\"kid\":\"es384-key\",\"crit\":[\"exp\"],\"exp\":1}",
                payload(iss, "")));
        cases.put("crit-empty", sign(ES384, "{\"alg\":\"ES384\",\"typ\":\"at+jwt\",\"kid\":\"es384-key\",\"crit\":[]}",
                payload(iss, "")));
        cases.put("crit-null", sign(ES384, "{\"alg\":\"ES384\",\"typ\":\"at+jwt\",\"kid\":\"es384-key\",\"crit\":null}",
                payload(iss, "")));
        cases.put("b64-false", sign(ES384, "{\"alg\":\"ES384\",\"typ\":\"at+jwt\",\"kid\":\"es384-key\",\"b64\":false,\"crit\":[\"b64\"]}",
                payload(iss, "")));
        cases.put("kid-missing", sign(ES384, "{\"alg\":\"ES384\",\"typ\":\"at+jwt\"}", payload(iss, "")));
        cases.put("kid-empty", sign(ES384, header("ES384", "at+jwt", ""), payload(iss, "")));
        cases.put("kid-unknown", sign(STRANGER, header("ES384", "at+jwt", STRANGER.getKeyID()), payload(iss, "")));
        cases.put("typ-jwt-and-kid-unknown", sign(STRANGER, header("ES384", "JWT", STRANGER.getKeyID()), payload(iss, "")));
        cases.put("alg-key-mismatch", sign(RS256, header("RS384", "at+jwt", ES384.getKeyID()), payload(iss, "")));
        cases.put("signature-invalid", sign(STRANGER, es, payload(iss, "")));
        cases.put("signature-invalid-and-typ", sign(STRANGER, header("ES384", "JWT", ES384.getKeyID()),
                payload("https://evil.example.com/oidc", "")));
        cases.put("signature-garbage", b64(es) + "." + b64(payload(iss, "")) + ".AAAA");
        cases.put("payload-not-json", sign(ES384, es, "not json"));
        cases.put("payload-array", sign(ES384, es, "[1,2]"));
        // claims
        cases.put("iss-wrong", sign(ES384, es, payload("https://evil.example.com/oidc", "")));
        cases.put("iss-missing", sign(ES384, es, "{\"sub\":\"user-1\",\"aud\":\"" + aud + "\",\"exp\":" + (NOW + 3600) + "}"));
        cases.put("iss-number", sign(ES384, es, "{\"iss\":5,\"sub\":\"user-1\",\"aud\":\"" + aud + "\",\"exp\":" + (NOW + 3600) + "}"));
        cases.put("exp-missing", sign(ES384, es, "{\"iss\":\"" + iss + "\",\"sub\":\"user-1\",\"aud\":\"" + aud + "\"}"));
        cases.put("exp-past", sign(ES384, es, claimsAt(iss, "\"" + aud + "\"", NOW - 3600, "")));
        cases.put("exp-within-skew", sign(ES384, es, claimsAt(iss, "\"" + aud + "\"", NOW - 30, "")));
        cases.put("exp-string", sign(ES384, es, raw(iss, "\"" + aud + "\"", "\"soon\"", "")));
        cases.put("exp-float", sign(ES384, es, raw(iss, "\"" + aud + "\"", (NOW + 3600) + ".5", "")));
        cases.put("exp-negative", sign(ES384, es, raw(iss, "\"" + aud + "\"", "-5", "")));
        cases.put("exp-huge", sign(ES384, es, raw(iss, "\"" + aud + "\"", "99999999999999", "")));
        cases.put("nbf-future", sign(ES384, es, payload(iss, ",\"nbf\":" + (NOW + 600))));
        cases.put("nbf-string", sign(ES384, es, payload(iss, ",\"nbf\":\"x\"")));
        cases.put("iat-future", sign(ES384, es, claimsAt(iss, "\"" + aud + "\"", NOW + 3600, "", NOW + 600)));
        cases.put("everything-late", sign(ES384, header("ES384", "JWT", ES384.getKeyID()),
                "{\"iss\":\"https://evil.example.com/oidc\",\"sub\":\"u\",\"aud\":\"https://other\",\"exp\":" + (NOW - 600)
                        + ",\"nbf\":" + (NOW + 600) + ",\"iat\":" + (NOW + 600) + "}"));
        cases.put("aud-missing", sign(ES384, es, raw(iss, null, String.valueOf(NOW + 3600), "")));
        cases.put("aud-wrong", sign(ES384, es, claims(iss, "\"https://other.example.com\"", "")));
        cases.put("aud-empty-string", sign(ES384, es, claims(iss, "\"\"", "")));
        cases.put("aud-empty-list", sign(ES384, es, claims(iss, "[]", "")));
        cases.put("aud-list", sign(ES384, es, claims(iss, "[\"https://other.example.com\",\"" + aud + "\"]", "")));
        cases.put("aud-list-with-number", sign(ES384, es, claims(iss, "[\"" + aud + "\",5]", "")));
        cases.put("aud-number", sign(ES384, es, claims(iss, "5", "")));
        cases.put("aud-org-empty-id", sign(ES384, es, claims(iss, "\"urn:logto:organization:\"", "")));
        cases.put("aud-two-orgs", sign(ES384, es, claims(iss, "[\"urn:logto:organization:a\",\"urn:logto:organization:b\"]", "")));
        cases.put("aud-org-and-resource", sign(ES384, es, claims(iss, "[\"urn:logto:organization:a\",\"" + aud + "\"]", "")));
        cases.put("sub-missing", sign(ES384, es, "{\"iss\":\"" + iss + "\",\"aud\":\"" + aud + "\",\"exp\":" + (NOW + 3600) + "}"));
        cases.put("sub-empty", sign(ES384, es, "{\"iss\":\"" + iss + "\",\"sub\":\"\",\"aud\":\"" + aud + "\",\"exp\":" + (NOW + 3600) + "}"));
        cases.put("sub-number", sign(ES384, es, "{\"iss\":\"" + iss + "\",\"sub\":1,\"aud\":\"" + aud + "\",\"exp\":" + (NOW + 3600) + "}"));
        cases.put("client-id-number", sign(ES384, es, payload(iss, ",\"client_id\":5")));
        cases.put("scope-array", sign(ES384, es, payload(iss, ",\"scope\":[\"read:report\"]")));
        cases.put("scope-blank", sign(ES384, es, payload(iss, ",\"scope\":\"  \"")));
        cases.put("scope-spaces", sign(ES384, es, payload(iss, ",\"scope\":\" a  b a \"")));
        cases.put("jti-number", sign(ES384, es, payload(iss, ",\"jti\":5")));
        cases.put("organization-id-number", sign(ES384, es, payload(iss, ",\"organization_id\":5")));
        cases.put("organization-id-empty", sign(ES384, es, payload(iss, ",\"organization_id\":\"\"")));
        cases.put("organization-id-differs", sign(ES384, es,
                claims(iss, "\"urn:logto:organization:org_1\"", ",\"organization_id\":\"org_2\"")));
        cases.put("expired-and-aud-wrong", sign(ES384, es, claimsAt(iss, "\"https://other.example.com\"", NOW - 3600, "")));
        cases.put("expired-and-claim-invalid", sign(ES384, es, claimsAt(iss, "\"" + aud + "\"", NOW - 3600, ",\"scope\":5")));
        // JSON null where absence matters
        cases.put("null-organization-id", sign(ES384, es, payload(iss, ",\"organization_id\":null")));
        cases.put("null-client-id", sign(ES384, es, payload(iss, ",\"client_id\":null")));
        cases.put("null-scope", sign(ES384, es, payload(iss, ",\"scope\":null")));
        cases.put("null-jti", sign(ES384, es, payload(iss, ",\"jti\":null")));
        cases.put("null-nbf", sign(ES384, es, payload(iss, ",\"nbf\":null")));
        cases.put("null-iat", sign(ES384, es, claimsAt(iss, "\"" + aud + "\"", NOW + 3600, ",\"iat\":null", null)));
        cases.put("null-exp", sign(ES384, es, raw(iss, "\"" + aud + "\"", "null", "")));
        cases.put("null-sub", sign(ES384, es, "{\"iss\":\"" + iss + "\",\"sub\":null,\"aud\":\"" + aud + "\",\"exp\":" + (NOW + 3600) + "}"));
        cases.put("null-aud", sign(ES384, es, claims(iss, "null", "")));
        cases.put("null-iss", sign(ES384, es, "{\"iss\":null,\"sub\":\"u\",\"aud\":\"" + aud + "\",\"exp\":" + (NOW + 3600) + "}"));
        cases.put("null-kid", sign(ES384, "{\"alg\":\"ES384\",\"typ\":\"at+jwt\",\"kid\":null}", payload(iss, "")));
        cases.put("null-typ", sign(ES384, "{\"alg\":\"ES384\",\"typ\":null,\"kid\":\"es384-key\"}", payload(iss, "")));
        return cases;
    }

    private static String header(String alg, String typ, String kid) {
        return "{\"alg\":\"" + alg + "\",\"typ\":\"" + typ + "\",\"kid\":\"" + kid + "\"}";
    }

    /** A global API token's claims plus {@code extra} (a JSON fragment starting with a comma, or empty). */
    private static String payload(String iss, String extra) {
        return claims(iss, "\"" + JwksServer.AUDIENCE + "\"", extra);
    }

    private static String claims(String iss, String audJson, String extra) {
        return claimsAt(iss, audJson, NOW + 3600, extra);
    }

    private static String claimsAt(String iss, String audJson, long exp, String extra) {
        return claimsAt(iss, audJson, exp, extra, NOW - 60);
    }

    private static String claimsAt(String iss, String audJson, long exp, String extra, Long iat) {
        StringBuilder json = new StringBuilder("{\"iss\":\"" + iss + "\",\"sub\":\"user-1\",\"aud\":" + audJson
                + ",\"exp\":" + exp);
        if (iat != null && !extra.contains("\"iat\":")) {
            json.append(",\"iat\":").append(iat);
        }
        // defaults that {@code extra} does not replace (JSON objects must not repeat a name)
        for (String[] claim : new String[][] {{"client_id", "\"app-1\""}, {"scope", "\"read:report write:report\""},
                {"jti", "\"jti-1\""}}) {
            if (!extra.contains("\"" + claim[0] + "\":")) {
                json.append(",\"").append(claim[0]).append("\":").append(claim[1]);
            }
        }
        return json.append(extra).append('}').toString();
    }

    private static String raw(String iss, String audJson, String expJson, String extra) {
        return "{\"iss\":\"" + iss + "\",\"sub\":\"user-1\"" + (audJson == null ? "" : ",\"aud\":" + audJson)
                + ",\"exp\":" + expJson + extra + "}";
    }

    private static String sign(JWK key, String headerJson, String payloadJson) {
        return TestKeys.signRaw(key, headerJson, payloadJson);
    }

    private static String b64(String text) {
        return Base64URL.encode(text.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static ECKey ec(Curve curve, String kid) {
        try {
            return new ECKeyGenerator(curve).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey rsa(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

}
