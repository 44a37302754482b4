package io.logto.resource.test;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One token to mint, with Logto's shape and defaults: {@code sub} {@code user-1}, {@code client_id}
 * {@code test-client}, no scopes, a lifetime of one hour, {@code iat} now, a random {@code jti}, header
 * {@code typ} {@code at+jwt} and the {@code kid} of the minter's current key.
 *
 * <p>Besides valid tokens it makes the broken ones tests need: {@link #expired()},
 * {@link #audience(String)}, {@link #issuer(String)}, {@link #signedWithUnknownKey()}, and any claim or
 * header value through {@link #claim(String, Object)} and {@link #header(String, Object)}. Not thread-safe.
 */
public final class TokenBuilder {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final LogtoTokenMinter minter;
    private final Map<String, Object> header = new LinkedHashMap<>();
    private final Map<String, Object> claims = new LinkedHashMap<>();
    private Instant issuedAt = Instant.now();
    private Duration lifetime = Duration.ofHours(1);
    private boolean unknownKey;

    TokenBuilder(LogtoTokenMinter minter, String audience, String organizationId) {
        this.minter = minter;
        header.put("alg", LogtoTokenMinter.algorithm(minter.keyType()).getName());
        header.put("typ", "at+jwt");
        claims.put("jti", randomId());
        claims.put("sub", "user-1");
        claims.put("iss", minter.issuer());
        claims.put("aud", audience);
        claims.put("client_id", "test-client");
        if (organizationId != null) {
            claims.put("organization_id", organizationId);
        }
    }

    /**
     * Sets {@code sub}.
     *
     * @param subject the user id (or the application id for machine-to-machine tokens)
     * @return this builder
     */
    public TokenBuilder subject(String subject) {
        claims.put("sub", subject);
        return this;
    }

    /**
     * Sets {@code client_id}.
     *
     * @param clientId the application id
     * @return this builder
     */
    public TokenBuilder clientId(String clientId) {
        claims.put("client_id", clientId);
        return this;
    }

    /**
     * Sets the {@code scope} claim to the scopes joined with spaces; no scopes removes the claim.
     *
     * @param scopes scope names
     * @return this builder
     */
    public TokenBuilder scopes(String... scopes) {
        if (scopes.length == 0) {
            claims.remove("scope");
        } else {
            claims.put("scope", String.join(" ", scopes));
        }
        return this;
    }

    /**
     * Sets how long the token lives from {@code iat}.
     *
     * @param lifetime default one hour
     * @return this builder
     */
    public TokenBuilder lifetime(Duration lifetime) {
        this.lifetime = Objects.requireNonNull(lifetime, "lifetime");
        return this;
    }

    /**
     * Sets {@code iat}; {@code exp} follows as {@code iat} plus the lifetime.
     *
     * @param issuedAt default now
     * @return this builder
     */
    public TokenBuilder issuedAt(Instant issuedAt) {
        this.issuedAt = Objects.requireNonNull(issuedAt, "issuedAt");
        return this;
    }

    /**
     * Makes the token expired: issued two hours ago with a one-hour lifetime, far beyond any clock skew.
     *
     * @return this builder
     */
    public TokenBuilder expired() {
        this.issuedAt = Instant.now().minus(Duration.ofHours(2));
        this.lifetime = Duration.ofHours(1);
        return this;
    }

    /**
     * Replaces {@code aud}, e.g. to mint a token for another API.
     *
     * @param audience the audience
     * @return this builder
     */
    public TokenBuilder audience(String audience) {
        claims.put("aud", audience);
        return this;
    }

    /**
     * Replaces {@code iss}, e.g. to mint a token of another issuer.
     *
     * @param issuer the issuer
     * @return this builder
     */
    public TokenBuilder issuer(String issuer) {
        claims.put("iss", issuer);
        return this;
    }

    /**
     * Adds or overrides any claim with any JSON value (string, number, boolean, list, map), including
     * values of the wrong type for hostile-input tests. Overrides {@code exp}/{@code iat} computed from
     * the lifetime too.
     *
     * @param name  the claim name
     * @param value the value
     * @return this builder
     */
    public TokenBuilder claim(String name, Object value) {
        claims.put(name, value);
        return this;
    }

    /**
     * Removes a claim, including the computed {@code exp} or {@code iat}.
     *
     * @param name the claim name
     * @return this builder
     */
    public TokenBuilder withoutClaim(String name) {
        claims.put(name, Removed.INSTANCE);
        return this;
    }

    /**
     * Adds or overrides a header parameter; {@code null} removes it. The {@code alg} header only changes
     * the header text: the signature is always made with the minter's key and algorithm.
     *
     * @param name  the header parameter
     * @param value the value
     * @return this builder
     */
    public TokenBuilder header(String name, Object value) {
        if (value == null) {
            header.remove(name);
        } else {
            header.put(name, value);
        }
        return this;
    }

    /**
     * Sets header {@code typ}.
     *
     * @param type e.g. {@code JWT}; null removes it
     * @return this builder
     */
    public TokenBuilder type(String type) {
        return header("typ", type);
    }

    /**
     * Signs with a freshly generated key that is not in the issuer's JWKS (with its own {@code kid}).
     *
     * @return this builder
     */
    public TokenBuilder signedWithUnknownKey() {
        this.unknownKey = true;
        return this;
    }

    /**
     * Signs the token.
     *
     * @return the compact JWS
     */
    public String sign() {
        JWK key = unknownKey ? LogtoTokenMinter.generate(minter.keyType()) : minter.signingKey();
        Map<String, Object> headerJson = new LinkedHashMap<>(header);
        headerJson.putIfAbsent("kid", key.getKeyID());
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("iat", issuedAt.getEpochSecond());
        payload.put("exp", issuedAt.plus(lifetime).getEpochSecond());
        for (Map.Entry<String, Object> claim : claims.entrySet()) {
            if (claim.getValue() == Removed.INSTANCE) {
                payload.remove(claim.getKey());
            } else {
                payload.put(claim.getKey(), claim.getValue());
            }
        }
        String signingInput = encode(JSONObjectUtils.toJSONString(headerJson)) + "."
                + encode(JSONObjectUtils.toJSONString(payload));
        try {
            Base64URL signature = signer(key).sign(new JWSHeader(LogtoTokenMinter.algorithm(minter.keyType())),
                    signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + signature;
        } catch (JOSEException e) {
            throw new IllegalStateException("signing failed", e);
        }
    }

    private static String encode(String json) {
        return Base64URL.encode(json.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static JWSSigner signer(JWK key) throws JOSEException {
        return key instanceof ECKey ? new ECDSASigner((ECKey) key) : new RSASSASigner((RSAKey) key);
    }

    private static String randomId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64URL.encode(bytes).toString();
    }

    /** Marks a claim removed, so computed claims can be removed too. */
    private enum Removed {
        INSTANCE
    }
}
