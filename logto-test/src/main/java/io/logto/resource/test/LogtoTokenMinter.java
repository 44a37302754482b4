package io.logto.resource.test;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Mints Logto-shaped access tokens (RFC 9068 {@code at+jwt}) for one issuer with keys it generates
 * itself: an ES384 key by default, its {@code kid} the RFC 7638 thumbprint, like Logto. Serve
 * {@link #jwksJson()} as the issuer's JWKS (or use {@link LogtoTestIssuer}, which does).
 *
 * <pre>{@code
 * LogtoTokenMinter minter = LogtoTokenMinter.create("http://127.0.0.1:3001/oidc");
 * String token = minter.globalToken("https://api.example.com").scopes("read:report").sign();
 * }</pre>
 *
 * <p>Thread-safe. Never use it outside tests and local development: anyone holding it can mint tokens.
 */
public final class LogtoTokenMinter {

    /** How many keys the JWKS keeps, like Logto: the current key and up to two previous ones. */
    static final int MAX_KEYS = 3;

    private final String issuer;
    private final KeyType keyType;
    private final List<JWK> keys = new ArrayList<>();

    private LogtoTokenMinter(String issuer, KeyType keyType) {
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.keyType = Objects.requireNonNull(keyType, "keyType");
        this.keys.add(generate(keyType));
    }

    /**
     * Creates a minter with a fresh ES384 key.
     *
     * @param issuer the {@code iss} of minted tokens, e.g. {@code http://127.0.0.1:3001/oidc}
     * @return the minter
     */
    public static LogtoTokenMinter create(String issuer) {
        return new LogtoTokenMinter(issuer, KeyType.ES384);
    }

    /**
     * Creates a minter with a fresh key of the given type.
     *
     * @param issuer  the {@code iss} of minted tokens
     * @param keyType the signing key type
     * @return the minter
     */
    public static LogtoTokenMinter create(String issuer, KeyType keyType) {
        return new LogtoTokenMinter(issuer, keyType);
    }

    /** The {@code iss} of minted tokens. */
    public String issuer() {
        return issuer;
    }

    /** The type of the signing keys. */
    public KeyType keyType() {
        return keyType;
    }

    /** The public JWKS: the current signing key first, then previous keys kept after {@link #rotate()}. */
    public synchronized String jwksJson() {
        return new JWKSet(List.copyOf(keys)).toPublicJWKSet().toString();
    }

    /** The {@code kid} of the current signing key. */
    public synchronized String keyId() {
        return keys.get(0).getKeyID();
    }

    /** Switches to a new signing key; the previous key stays in the JWKS (at most three keys, like Logto). */
    public synchronized void rotate() {
        keys.add(0, generate(keyType));
        while (keys.size() > MAX_KEYS) {
            keys.remove(keys.size() - 1);
        }
    }

    /**
     * Starts a global API resource token: {@code aud} is the resource indicator, no {@code organization_id}.
     *
     * @param audience the API resource indicator, e.g. {@code https://api.example.com}
     * @return a builder with Logto's defaults
     */
    public TokenBuilder globalToken(String audience) {
        return new TokenBuilder(this, audience, null);
    }

    /**
     * Starts an organization token: {@code aud} is {@code urn:logto:organization:<organizationId>}.
     *
     * @param organizationId the organization
     * @return a builder with Logto's defaults
     */
    public TokenBuilder organizationToken(String organizationId) {
        return new TokenBuilder(this, "urn:logto:organization:" + organizationId, null);
    }

    /**
     * Starts an organization-level API resource token: {@code aud} is the resource indicator and
     * {@code organization_id} the organization.
     *
     * @param audience       the API resource indicator
     * @param organizationId the organization
     * @return a builder with Logto's defaults
     */
    public TokenBuilder organizationApiToken(String audience, String organizationId) {
        return new TokenBuilder(this, audience, organizationId);
    }

    synchronized JWK signingKey() {
        return keys.get(0);
    }

    static JWSAlgorithm algorithm(KeyType type) {
        switch (type) {
            case ES256:
                return JWSAlgorithm.ES256;
            case RS256:
                return JWSAlgorithm.RS256;
            default:
                return JWSAlgorithm.ES384;
        }
    }

    static JWK generate(KeyType type) {
        try {
            switch (type) {
                case ES256:
                    return new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.ES256)
                            .keyIDFromThumbprint(true).generate();
                case RS256:
                    return new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                            .keyIDFromThumbprint(true).generate();
                default:
                    return new ECKeyGenerator(Curve.P_384).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.ES384)
                            .keyIDFromThumbprint(true).generate();
            }
        } catch (JOSEException e) {
            throw new IllegalStateException("key generation failed", e);
        }
    }
}
