package io.logto.resource.conformance;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.Base64;

/**
 * Hand-made JWS pieces for hostile tokens: base64url parts, signatures over any header and payload text
 * (including JSON no library would write), HMAC with public material as the secret, and ECDSA
 * signature re-encodings.
 */
final class Jose {

    private Jose() {
    }

    /** base64url without padding of UTF-8 text. */
    static String b64(String text) {
        return b64(text.getBytes(StandardCharsets.UTF_8));
    }

    /** base64url without padding. */
    static String b64(byte[] bytes) {
        return Base64URL.encode(bytes).toString();
    }

    /** The decoded text of a base64url part. */
    static String text(String part) {
        return new Base64URL(part).decodeToString();
    }

    /** The decoded bytes of a base64url part. */
    static byte[] bytes(String part) {
        return new Base64URL(part).decode();
    }

    /** The three parts of a compact JWS. */
    static String[] parts(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a compact JWS");
        }
        return parts;
    }

    /** A fresh EC key with an RFC 7638 thumbprint {@code kid}, like Logto's. */
    static ECKey ecKey(Curve curve) {
        try {
            return new ECKeyGenerator(curve).keyUse(KeyUse.SIGNATURE).keyIDFromThumbprint(true).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fresh RSA-2048 key with an RFC 7638 thumbprint {@code kid}. */
    static RSAKey rsaKey() {
        try {
            return new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).keyIDFromThumbprint(true).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Signs {@code header.payload} exactly as given (the texts are base64url-encoded, not rewritten).
     *
     * @param key       an EC or RSA private key, or null with an HMAC {@code secret}
     * @param algorithm the algorithm that actually signs, whatever the header text says
     */
    static String sign(JWK key, JWSAlgorithm algorithm, String headerJson, String payloadJson) {
        return signEncoded(key, algorithm, b64(headerJson) + "." + b64(payloadJson));
    }

    /** Signs an already encoded signing input. */
    static String signEncoded(JWK key, JWSAlgorithm algorithm, String signingInput) {
        try {
            JWSSigner signer = key instanceof ECKey ? new ECDSASigner((ECKey) key) : new RSASSASigner((RSAKey) key);
            return signingInput + "." + signer.sign(new JWSHeader(algorithm), signingInput.getBytes(StandardCharsets.US_ASCII));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Signs {@code header.payload} with HMAC and {@code secret}, the classic algorithm-confusion attack. */
    static String hmac(JWSAlgorithm algorithm, byte[] secret, String headerJson, String payloadJson) {
        String input = b64(headerJson) + "." + b64(payloadJson);
        try {
            return input + "." + new MACSigner(secret).sign(new JWSHeader(algorithm), input.getBytes(StandardCharsets.US_ASCII));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A public key in PEM, as a confused verifier would read it as an HMAC secret. */
    static byte[] pem(PublicKey key) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded());
        return ("-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** An ECDSA signature in JWS's fixed-length form (r and s, each {@code size} bytes). */
    static byte[] p1363(BigInteger r, BigInteger s, int size) {
        byte[] out = new byte[2 * size];
        copyUnsigned(r, out, 0, size);
        copyUnsigned(s, out, size, size);
        return out;
    }

    /** The same ECDSA signature in ASN.1 DER, as {@code Signature.getInstance("SHA384withECDSA")} makes it. */
    static byte[] der(byte[] p1363) {
        int size = p1363.length / 2;
        byte[] r = new BigInteger(1, Arrays.copyOfRange(p1363, 0, size)).toByteArray();
        byte[] s = new BigInteger(1, Arrays.copyOfRange(p1363, size, 2 * size)).toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x30);
        out.write(r.length + s.length + 4);
        out.write(0x02);
        out.write(r.length);
        out.writeBytes(r);
        out.write(0x02);
        out.write(s.length);
        out.writeBytes(s);
        return out.toByteArray();
    }

    private static void copyUnsigned(BigInteger value, byte[] out, int offset, int size) {
        byte[] bytes = value.toByteArray();
        int start = Math.max(0, bytes.length - size);
        int length = bytes.length - start;
        System.arraycopy(bytes, start, out, offset + size - length, length);
    }
}
