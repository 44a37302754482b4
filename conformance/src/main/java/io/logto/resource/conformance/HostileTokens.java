package io.logto.resource.conformance;

import static io.logto.resource.conformance.Cases.test;
import static io.logto.resource.conformance.Jose.b64;
import static io.logto.resource.conformance.Scene.AUDIENCE;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.DynamicTest;

/**
 * Tokens an attacker would send to {@code GET /api/reports}, each expected to get 401
 * {@code invalid_token} (400 {@code invalid_request} when the header breaks RFC 6750's token grammar),
 * never a 5xx, never a hang, never an echo of the token, and never a request to a URL the token names.
 * Every case differs from a token the sample accepts in one way only: hand-made payloads and headers are
 * validly signed by a key of the issuer's JWKS, so it is the defect that gets them refused.
 */
final class HostileTokens {

    private static final String ROUTE = "/api/reports";
    private static final int NESTING = 4_000;

    private enum Outcome {
        INVALID_TOKEN("401 invalid_token"),
        INVALID_REQUEST("400 invalid_request");

        final String label;

        Outcome(String label) {
            this.label = label;
        }
    }

    private final Scene scene;
    private final List<DynamicTest> tests = new ArrayList<>();
    private AttackerCertificate attacker;

    HostileTokens(Scene scene) {
        this.scene = scene;
    }

    /** Algorithm confusion and signature forgery. */
    List<DynamicTest> algorithmsAndSignatures() {
        tests.clear();
        refused("alg none without kid, empty signature", () -> unsecured("{\"alg\":\"none\",\"typ\":\"at+jwt\"}", ""));
        refused("alg none with the victim's kid, empty signature",
                () -> unsecured("{\"alg\":\"none\",\"typ\":\"at+jwt\",\"kid\":\"" + victimKid() + "\"}", ""));
        refused("alg none with the victim's kid and a real signature copied from a valid token",
                () -> unsecured("{\"alg\":\"none\",\"typ\":\"at+jwt\",\"kid\":\"" + victimKid() + "\"}", signatureOfValidToken()));
        refused("alg None (mixed case) without kid and a copied signature",
                () -> unsecured("{\"alg\":\"None\",\"typ\":\"at+jwt\"}", signatureOfValidToken()));
        refused("HS256 signed with the victim's EC public key (PEM) as secret",
                () -> Jose.hmac(JWSAlgorithm.HS256, Jose.pem(victimEcKey()), header("HS256", victimKid()), scene.payloadJson()));
        refused("HS384 signed with the victim's EC public key (PEM) as secret",
                () -> Jose.hmac(JWSAlgorithm.HS384, Jose.pem(victimEcKey()), header("HS384", victimKid()), scene.payloadJson()));
        refused("HS256 signed with the victim's public JWK JSON as secret",
                () -> Jose.hmac(JWSAlgorithm.HS256, jwkJson(), header("HS256", victimKid()), scene.payloadJson()));
        refused("HS384 signed with the victim's public JWK JSON as secret",
                () -> Jose.hmac(JWSAlgorithm.HS384, jwkJson(), header("HS384", victimKid()), scene.payloadJson()));
        refused("HS256 signed with the victim's RSA public key (PEM) as secret, under the RSA kid",
                () -> Jose.hmac(JWSAlgorithm.HS256, Jose.pem(victimRsaKey()), header("HS256", rsaKid()), scene.payloadJson()));
        refused("RS256 signed by an attacker's RSA key under the victim's RSA kid",
                () -> Jose.sign(Jose.rsaKey(), JWSAlgorithm.RS256, header("RS256", rsaKid()), scene.payloadJson()));
        refused("RS256 signed by an attacker's RSA key under the victim's EC kid",
                () -> Jose.sign(Jose.rsaKey(), JWSAlgorithm.RS256, header("RS256", victimKid()), scene.payloadJson()));
        refused("ES384 signed by an attacker's key under the victim's kid",
                () -> Jose.sign(Jose.ecKey(Curve.P_384), JWSAlgorithm.ES384, header("ES384", victimKid()), scene.payloadJson()));
        refused("ES384 signed by an unknown key under its own unknown kid",
                () -> scene.global("read:report").signedWithUnknownKey().sign());
        refused("ES256 (attacker's P-256 key) under the victim's ES384 kid",
                () -> Jose.sign(Jose.ecKey(Curve.P_256), JWSAlgorithm.ES256, header("ES256", victimKid()), scene.payloadJson()));
        refused("header alg ES512 over a valid ES384 signature",
                () -> Jose.sign(scene.crafted, JWSAlgorithm.ES384, header("ES512", scene.crafted.getKeyID()), scene.payloadJson()));
        refused("ECDSA signature of all zero bytes, r = s = 0 (CVE-2022-21449)", () -> withSignature(new byte[96]));
        refused("ECDSA signature with r = s = the curve order n", () -> {
            BigInteger n = victimEcKey().getParams().getOrder();
            return withSignature(Jose.p1363(n, n, 48));
        });
        refused("ECDSA signature truncated to 95 bytes", () -> withSignature(Arrays.copyOf(validSignature(), 95)));
        refused("ECDSA signature with one extra byte (97 bytes)", () -> withSignature(Arrays.copyOf(validSignature(), 97)));
        refused("ECDSA signature of ES256 length (64 bytes)", () -> withSignature(Arrays.copyOf(validSignature(), 64)));
        refused("ECDSA signature with r and s zero-padded to ES512 length (132 bytes)", () -> {
            byte[] valid = validSignature();
            return withSignature(Jose.p1363(new BigInteger(1, Arrays.copyOf(valid, 48)),
                    new BigInteger(1, Arrays.copyOfRange(valid, 48, 96)), 66));
        });
        refused("a valid ECDSA signature in ASN.1 DER instead of JWS's r || s", () -> withSignature(Jose.der(validSignature())));
        refused("tampered payload (scope raised) under the original signature", () -> {
            String[] parts = Jose.parts(scene.global("read:nothing").sign());
            String raised = Jose.text(parts[1]).replace("\"read:nothing\"", "\"read:report\"");
            return parts[0] + "." + b64(raised) + "." + parts[2];
        });
        refused("tampered header (a member added) under the original signature", () -> {
            String[] parts = Jose.parts(scene.global("read:report").sign());
            return b64(Jose.text(parts[0]).replace("{", "{\"x\":1,")) + "." + parts[1] + "." + parts[2];
        });
        refused("the signature of another valid token spliced on", () -> {
            String[] target = Jose.parts(scene.global("read:report").subject("admin").sign());
            return target[0] + "." + target[1] + "." + Jose.parts(scene.global("read:report").sign())[2];
        });
        refused("stripped signature (empty third part)", () -> {
            String[] parts = Jose.parts(scene.global("read:report").sign());
            return parts[0] + "." + parts[1] + ".";
        });
        refused("signature with base64 padding", () -> scene.global("read:report").sign() + "==");
        return List.copyOf(tests);
    }

    /** Headers naming keys the sample must never use or fetch, and critical extensions it cannot understand. */
    List<DynamicTest> keySourcesAndExtensions() {
        tests.clear();
        refused("jwk header embedding the attacker's key, attacker's kid",
                () -> byAttacker("\"kid\":\"" + attacker().key().getKeyID() + "\",\"jwk\":" + attacker().key().toPublicJWK().toJSONString()));
        refused("jwk header embedding the attacker's key, victim's kid",
                () -> byAttacker("\"kid\":\"" + victimKid() + "\",\"jwk\":" + attacker().key().toPublicJWK().toJSONString()));
        refused("jku header pointing at the attacker's JWKS, attacker's kid",
                () -> byAttacker("\"kid\":\"" + attacker().key().getKeyID() + "\",\"jku\":\"" + attackerJwksUrl() + "\""));
        refused("jku header pointing at the attacker's JWKS, victim's kid",
                () -> byAttacker("\"kid\":\"" + victimKid() + "\",\"jku\":\"" + attackerJwksUrl() + "\""));
        refused("x5u header pointing at the attacker's certificate",
                () -> byAttacker("\"x5u\":\"" + scene.issuer.serveAttackerDocument("cert.pem", "application/pem-certificate-chain",
                        attacker().pem()) + "\""));
        refused("x5c header carrying the attacker's self-signed certificate",
                () -> byAttacker("\"x5c\":[\"" + attacker().x5c() + "\"]"));
        refused("x5c header carrying the attacker's certificate, victim's kid",
                () -> byAttacker("\"kid\":\"" + victimKid() + "\",\"x5c\":[\"" + attacker().x5c() + "\"]"));
        refused("kid missing (the JWKS holds several keys)",
                () -> crafted("{\"alg\":\"ES384\",\"typ\":\"at+jwt\"}", scene.payloadJson()));
        refused("kid a number", () -> crafted("{\"alg\":\"ES384\",\"typ\":\"at+jwt\",\"kid\":42}", scene.payloadJson()));
        refused("kid of 8000 characters", () -> scene.global("read:report").header("kid", "k".repeat(8_000)).sign());
        refused("kid a path outside the JWKS", () -> scene.global("read:report").header("kid", "../../../etc/passwd").sign());
        refused("unknown crit extension, validly signed", () -> crafted("{\"alg\":\"ES384\",\"typ\":\"at+jwt\",\"kid\":\""
                + scene.crafted.getKeyID() + "\",\"crit\":[\"urn:example:policy\"],\"urn:example:policy\":\"x\"}", scene.payloadJson()));
        refused("crit b64 with an unencoded payload", () -> crafted("{\"alg\":\"ES384\",\"typ\":\"at+jwt\",\"kid\":\""
                + scene.crafted.getKeyID() + "\",\"b64\":false,\"crit\":[\"b64\"]}", scene.payloadJson()));
        return List.copyOf(tests);
    }

    /** Tokens that are not a well-formed compact JWS. */
    List<DynamicTest> structure() {
        tests.clear();
        refused("JWE-shaped five-part token (RSA-OAEP, A256GCM)",
                () -> b64("{\"alg\":\"RSA-OAEP\",\"enc\":\"A256GCM\",\"kid\":\"" + victimKid() + "\"}") + ".AAAA.BBBB.CCCC.DDDD");
        refused("five parts with a JWS header", () -> scene.global("read:report").sign() + ".AAAA.BBBB");
        refused("two parts (header.payload)", () -> {
            String[] parts = Jose.parts(scene.global("read:report").sign());
            return parts[0] + "." + parts[1];
        });
        refused("four parts", () -> scene.global("read:report").sign() + ".AAAA");
        refused("one part", () -> Jose.parts(scene.global("read:report").sign())[1]);
        refused("only dots", () -> "..");
        refused("standard base64 characters (+ and /) in the payload", () -> {
            String[] parts = Jose.parts(scene.global("read:report").sign());
            return parts[0] + "." + parts[1] + "+/+/" + "." + parts[2];
        });
        refused("a tilde (legal in the header grammar, not base64url) in the header", () -> {
            String[] parts = Jose.parts(scene.global("read:report").sign());
            return "~" + parts[0] + "." + parts[1] + "." + parts[2];
        });
        outcome("characters outside RFC 6750's token grammar", Outcome.INVALID_REQUEST, () -> {
            String[] parts = Jose.parts(scene.global("read:report").sign());
            return parts[0] + ".@@@." + parts[2];
        });
        refused("header that is not JSON", () -> {
            String[] parts = Jose.parts(scene.global("read:report").sign());
            return b64("not json") + "." + parts[1] + "." + parts[2];
        });
        refused("header that is a JSON array", () -> {
            String[] parts = Jose.parts(scene.global("read:report").sign());
            return b64("[\"ES384\"]") + "." + parts[1] + "." + parts[2];
        });
        refused("payload that is not JSON, validly signed", () -> crafted(scene.headerJson(), "not json"));
        refused("payload that is a JSON array, validly signed", () -> crafted(scene.headerJson(), "[" + scene.payloadJson() + "]"));
        refused("payload that is a JSON number, validly signed", () -> crafted(scene.headerJson(), "42"));
        refused("payload with trailing garbage after the JSON object, validly signed",
                () -> crafted(scene.headerJson(), scene.payloadJson() + "xyz"));
        refused("payload bytes that are not UTF-8, validly signed", () -> Jose.signEncoded(scene.crafted, JWSAlgorithm.ES384,
                b64(scene.headerJson()) + "." + b64(new byte[] {(byte) 0xff, (byte) 0xfe, '{', '}'})));
        refused(NESTING + " levels of nested arrays in the payload, validly signed",
                () -> crafted(scene.headerJson(), withMember(scene.payloadJson(), "\"deep\":" + "[".repeat(NESTING) + "]".repeat(NESTING))));
        refused(NESTING + " levels of nested arrays in the header, validly signed",
                () -> crafted(withMember(scene.headerJson(), "\"deep\":" + "[".repeat(NESTING) + "]".repeat(NESTING)), scene.payloadJson()));
        refused("a 60 KB token, validly signed", () -> {
            String token = scene.global("read:report").claim("padding", "x".repeat(44_000)).sign();
            assertThat(token.length()).as("token length").isBetween(58_000, 62_000);
            return token;
        });
        refused("duplicate sub (user-1, then admin), validly signed",
                () -> crafted(scene.headerJson(), withMember(scene.payloadJson(), "\"sub\":\"admin\"")));
        refused("duplicate exp (a later one far in the future), validly signed", () -> crafted(scene.headerJson(),
                scene.payloadJson().replace("}", ",\"exp\":9999999999}")));
        refused("duplicate scope, validly signed", () -> crafted(scene.headerJson(),
                scene.payloadJson().replace("}", ",\"scope\":\"read:report write:report\"}")));
        refused("duplicate alg in the header (ES384, then none), validly signed", () -> crafted(
                scene.headerJson().replace("}", ",\"alg\":\"none\"}"), scene.payloadJson()));
        refused("duplicate typ in the header (at+jwt, then JWT), validly signed", () -> crafted(
                scene.headerJson().replace("}", ",\"typ\":\"JWT\"}"), scene.payloadJson()));
        return List.copyOf(tests);
    }

    /** Validly signed tokens whose claims or type have the wrong value or the wrong JSON type. */
    List<DynamicTest> claims() {
        tests.clear();
        long now = System.currentTimeMillis() / 1000;
        claim("exp", "a string", String.valueOf(now + 3600));
        claim("exp", "a float", now + 3600.5);
        claim("exp", "a huge float (1e30)", 1e30);
        claim("exp", "a huge integer (10^20)", new BigInteger("100000000000000000000"));
        claim("exp", "negative", -1L);
        refused("exp missing", () -> scene.global("read:report").withoutClaim("exp").sign());
        claim("nbf", "a string", String.valueOf(now - 60));
        claim("nbf", "a float", now - 60.5);
        claim("nbf", "a huge integer (10^20)", new BigInteger("100000000000000000000"));
        claim("nbf", "an hour in the future", now + 3600);
        claim("iat", "a string", String.valueOf(now));
        claim("iat", "a float", now + 0.5);
        claim("iat", "a huge integer (10^20)", new BigInteger("100000000000000000000"));
        claim("iat", "an hour in the future", now + 3600);
        claim("aud", "a number", 42);
        claim("aud", "an object", Map.of("resource", AUDIENCE));
        claim("aud", "an empty array", List.of());
        claim("aud", "both the API and an organization", List.of(AUDIENCE, "urn:logto:organization:" + Scene.ORGANIZATION));
        claim("scope", "an array", List.of("read:report"));
        claim("scope", "a number", 7);
        claim("iss", "the issuer with a trailing slash", scene.issuer.issuer() + "/");
        claim("iss", "the issuer in other letter case", scene.issuer.issuer().replace("/oidc", "/OIDC"));
        claim("iss", "another issuer", "https://evil.example.com/oidc");
        refused("iss missing", () -> scene.global("read:report").withoutClaim("iss").sign());
        refused("sub missing", () -> scene.global("read:report").withoutClaim("sub").sign());
        claim("sub", "empty", "");
        claim("sub", "a number", 42);
        claim("client_id", "a number", 42);
        claim("organization_id", "a number", 42);
        claim("organization_id", "empty", "");
        refused("typ JWT (an ID token's type)", () -> scene.global("read:report").type("JWT").sign());
        refused("typ missing", () -> scene.global("read:report").type(null).sign());
        return List.copyOf(tests);
    }

    private void claim(String name, String what, Object value) {
        refused(name + " " + what, () -> scene.global("read:report").claim(name, value).sign());
    }

    private void refused(String name, Supplier<String> token) {
        outcome(name, Outcome.INVALID_TOKEN, token);
    }

    private void outcome(String name, Outcome outcome, Supplier<String> token) {
        tests.add(test(name + ": " + outcome.label, () -> {
            String value = token.get();
            int attackerRequestsBefore = scene.issuer.attackerRequests();
            Answer answer = scene.http().sendWithHeaders("GET", ROUTE, "Authorization", "Bearer " + value);
            if (outcome == Outcome.INVALID_TOKEN) {
                Expect.invalidToken(answer, value);
            } else {
                Expect.invalidRequest(answer, value);
            }
            assertThat(scene.issuer.attackerRequests()).as("requests to URLs named by the token").isEqualTo(attackerRequestsBefore);
        }));
    }

    private String unsecured(String header, String signature) {
        return b64(header) + "." + b64(scene.payloadJson()) + "." + signature;
    }

    private String crafted(String header, String payload) {
        return Jose.sign(scene.crafted, JWSAlgorithm.ES384, header, payload);
    }

    private String byAttacker(String headerMembers) {
        return Jose.sign(attacker().key(), JWSAlgorithm.ES384, "{\"alg\":\"ES384\",\"typ\":\"at+jwt\"," + headerMembers + "}",
                scene.payloadJson());
    }

    private String attackerJwksUrl() {
        return scene.issuer.serveAttackerDocument("jwks.json", "application/json",
                new JWKSet(attacker().key().toPublicJWK()).toString());
    }

    private AttackerCertificate attacker() {
        if (attacker == null) {
            attacker = AttackerCertificate.generate();
        }
        return attacker;
    }

    private static String header(String alg, String kid) {
        return "{\"alg\":\"" + alg + "\",\"typ\":\"at+jwt\",\"kid\":\"" + kid + "\"}";
    }

    private static String withMember(String json, String member) {
        return "{" + member + "," + json.substring(1);
    }

    private String withSignature(byte[] signature) {
        String[] parts = Jose.parts(scene.global("read:report").sign());
        return parts[0] + "." + parts[1] + "." + b64(signature);
    }

    private byte[] validSignature() {
        return Jose.bytes(signatureOfValidToken());
    }

    private String signatureOfValidToken() {
        return Jose.parts(scene.global("read:report").sign())[2];
    }

    private String victimKid() {
        return scene.es384.keyId();
    }

    private String rsaKid() {
        return scene.rs256.keyId();
    }

    private java.security.interfaces.ECPublicKey victimEcKey() {
        try {
            return ((ECKey) Scene.publicKey(scene.es384)).toECPublicKey();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private java.security.interfaces.RSAPublicKey victimRsaKey() {
        try {
            return ((RSAKey) Scene.publicKey(scene.rs256)).toRSAPublicKey();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] jwkJson() {
        JWK key = Scene.publicKey(scene.es384);
        return key.toJSONString().getBytes(StandardCharsets.UTF_8);
    }
}
