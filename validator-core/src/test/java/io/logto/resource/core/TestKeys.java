package io.logto.resource.core;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Keys generated per test run and helpers that sign Logto-shaped tokens with them. */
final class TestKeys {

    static final ECKey ES384 = generateEc(Curve.P_384);
    static final ECKey ES256 = generateEc(Curve.P_256);
    static final RSAKey RS256 = generateRsa();

    private TestKeys() {
    }

    static ECKey generateEc(Curve curve) {
        try {
            return new ECKeyGenerator(curve).keyIDFromThumbprint(true).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static RSAKey generateRsa() {
        try {
            return new RSAKeyGenerator(2048).keyIDFromThumbprint(true).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static String jwks(JWK... keys) {
        return new JWKSet(List.of(keys)).toPublicJWKSet().toString();
    }

    static JWSAlgorithm algFor(JWK key) {
        if (key instanceof ECKey) {
            Curve c = ((ECKey) key).getCurve();
            return Curve.P_256.equals(c) ? JWSAlgorithm.ES256 : Curve.P_384.equals(c) ? JWSAlgorithm.ES384 : JWSAlgorithm.ES512;
        }
        return JWSAlgorithm.RS256;
    }

    static JWSSigner signer(JWK key) {
        try {
            return key instanceof ECKey ? new ECDSASigner((ECKey) key) : new RSASSASigner((RSAKey) key);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Signs claims with the key, header typ at+jwt and kid of the key. */
    static String sign(JWK key, JWTClaimsSet claims) {
        return sign(key, new JWSHeader.Builder(algFor(key)).type(new JOSEObjectType("at+jwt")).keyID(key.getKeyID()).build(), claims);
    }

    static String sign(JWK key, JWSHeader header, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(header, claims);
            jwt.sign(signer(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Signs an arbitrary header and payload JSON text, for tokens Nimbus would not build. */
    static String signRaw(JWK key, String headerJson, String payloadJson) {
        try {
            String input = Base64URL.encode(headerJson.getBytes(StandardCharsets.UTF_8)) + "."
                    + Base64URL.encode(payloadJson.getBytes(StandardCharsets.UTF_8));
            JWSHeader header = JWSHeader.parse(JSONObjectUtils.parse(headerJson));
            Base64URL signature = signer(key).sign(header, input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + signature;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String headerJson(JWK key) {
        return JSONObjectUtils.toJSONString(Map.of("alg", algFor(key).getName(), "typ", "at+jwt", "kid", key.getKeyID()));
    }
}
