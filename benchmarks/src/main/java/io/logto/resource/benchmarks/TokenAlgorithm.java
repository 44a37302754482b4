package io.logto.resource.benchmarks;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

/**
 * The signing algorithms the benchmarks compare, each with the key Logto would publish for it.
 *
 * <p>RS256 uses an RSA-4096 key because that is the size Logto generates for RSA signing keys;
 * {@link #RS256_2048} exists only for the raw signature benchmark, as a reference point.
 */
public enum TokenAlgorithm {
    /** ECDSA on P-384 with SHA-384: Logto's default. */
    ES384(JWSAlgorithm.ES384),
    /** ECDSA on P-256 with SHA-256. */
    ES256(JWSAlgorithm.ES256),
    /** RSASSA-PKCS1-v1_5 with SHA-256 and an RSA-4096 key, as Logto issues it. */
    RS256(JWSAlgorithm.RS256),
    /** RS256 with an RSA-2048 key: a reference point, not a Logto key size. */
    RS256_2048(JWSAlgorithm.RS256);

    private final JWSAlgorithm jws;

    TokenAlgorithm(JWSAlgorithm jws) {
        this.jws = jws;
    }

    /** The JWS algorithm. */
    public JWSAlgorithm jws() {
        return jws;
    }

    /** Whether this is an ECDSA algorithm. */
    public boolean isEc() {
        return this == ES384 || this == ES256;
    }

    /**
     * Generates a fresh private signing key whose {@code kid} is its RFC 7638 thumbprint, as Logto's are.
     *
     * @return the key pair as a private JWK
     * @throws JOSEException when the JDK cannot generate the key
     */
    public JWK generateKey() throws JOSEException {
        switch (this) {
            case ES384:
                return new ECKeyGenerator(Curve.P_384).keyUse(KeyUse.SIGNATURE).algorithm(jws)
                        .keyIDFromThumbprint(true).generate();
            case ES256:
                return new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE).algorithm(jws)
                        .keyIDFromThumbprint(true).generate();
            case RS256:
                return new RSAKeyGenerator(4096).keyUse(KeyUse.SIGNATURE).algorithm(jws)
                        .keyIDFromThumbprint(true).generate();
            default:
                return new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).algorithm(jws)
                        .keyIDFromThumbprint(true).generate();
        }
    }
}
