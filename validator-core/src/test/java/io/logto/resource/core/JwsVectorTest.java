package io.logto.resource.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Project Wycheproof's whole-JWS vectors through the verifier's real path: each group's keys are served
 * as the issuer's JWKS over HTTP, and each JWS is checked up to and including its signature. Payloads
 * are not Logto claims, so only the signature stage is judged (with {@code typ} checking off).
 */
class JwsVectorTest {

    private static final List<String> SIGNATURE_STAGE = List.of("header", "alg", "crit", "kid", "alg matches key", "signature");

    @Test
    void jsonWebSignatureVectors() {
        assertVectors("json_web_signature_test.json", 401, 21);
    }

    @Test
    void jsonWebKeyVectors() {
        assertVectors("json_web_key_test.json", 26, 4);
    }

    @SuppressWarnings("unchecked")
    private static void assertVectors(String file, int expectedCount, int expectedPolicyRefusals) {
        List<String> falseAccepts = new ArrayList<>();
        List<String> falseRejects = new ArrayList<>();
        List<String> policyRefusals = new ArrayList<>();
        int count = 0;
        for (Map<String, Object> group : Wycheproof.groups(file)) {
            Map<String, Object> keys = (Map<String, Object>) group.get("private");
            String jwks = keys.containsKey("keys") ? JSONObjectUtils.toJSONString(keys)
                    : "{\"keys\":[" + JSONObjectUtils.toJSONString(keys) + "]}";
            try (JwksServer server = new JwksServer()) {
                server.respond(JwksServer.json(jwks));
                try (LogtoTokenVerifier verifier = LogtoTokenVerifier.create(server.config().requireAccessTokenType(false).build())) {
                    for (Map<String, Object> test : Wycheproof.tests(group)) {
                        count++;
                        TokenExplanation explanation = verifier.explain((String) test.get("jws"));
                        boolean signatureAccepted = explanation.checks().stream().anyMatch(c -> c.name().equals("signature") && c.passed())
                                && explanation.checks().stream().noneMatch(c -> !c.passed() && SIGNATURE_STAGE.contains(c.name()));
                        String label = group.get("type") + "/" + group.get("comment") + " tcId " + test.get("tcId") + " ("
                                + test.get("comment") + ")";
                        String result = (String) test.get("result");
                        if (result.equals("invalid") && signatureAccepted) {
                            falseAccepts.add(label);
                        } else if (result.equals("valid") && !signatureAccepted) {
                            (refusedByPolicy(explanation) ? policyRefusals : falseRejects)
                                    .add(label + ": " + explanation.firstFailure().map(Object::toString).orElse("?"));
                        }
                    }
                }
            }
        }
        assertThat(count).isEqualTo(expectedCount);
        assertThat(falseAccepts).as("invalid JWS accepted").isEmpty();
        assertThat(falseRejects).as("valid JWS refused").isEmpty();
        assertThat(policyRefusals).as("valid JWS refused on purpose").hasSize(expectedPolicyRefusals);
    }

    /**
     * Valid JWS the SDK refuses on purpose, each for a rule stricter than the vector file: symmetric
     * algorithms (never accepted for Logto tokens), an empty payload (a Logto token always has claims),
     * characters outside base64url (no lenient decoding), a key used for another algorithm than its
     * {@code alg} says (RFC 7517 section 4.4; RFC 7520's PS384-with-a-PS256-key and "ES521" examples),
     * and a malformed {@code key_ops} value that makes the key unusable.
     */
    private static boolean refusedByPolicy(TokenExplanation explanation) {
        RejectionReason reason = explanation.result().rejection().orElseThrow().reason();
        TokenExplanation.Check failure = explanation.firstFailure().orElseThrow();
        switch (reason) {
            case DISALLOWED_ALGORITHM:
                return failure.found().startsWith("HS") || failure.name().equals("alg matches key");
            case MALFORMED:
                return failure.found().contains("empty part") || failure.found().contains("illegal character");
            case KEYS_UNAVAILABLE:
                return true;
            default:
                return false;
        }
    }
}
