package io.logto.resource.core;

/**
 * Why a token was refused, one machine-readable code per verification step, in the order the steps run.
 *
 * <p>Every reason maps to HTTP 401 with {@code error="invalid_token"} (RFC 6750 section 3.1);
 * {@link #KEYS_UNAVAILABLE} is kept apart so an adapter may prefer 503 for it. The
 * {@link #description()} is a fixed phrase that is safe to send to clients: it never contains token
 * content.
 */
public enum RejectionReason {

    /** Not a compact JWS: wrong number of parts, bad base64url or JSON, illegal characters, too long. */
    MALFORMED("malformed", "The token is not a well-formed signed JWT."),
    /** A JWE (five parts or an {@code enc} header); Logto access tokens are signed, not encrypted. */
    ENCRYPTED("encrypted", "Encrypted tokens are not accepted."),
    /** {@code alg} is {@code none}: an unsecured JWT. */
    UNSECURED("unsecured", "Unsecured tokens are not accepted."),
    /** {@code alg} is symmetric, unknown, or not one the signing key in the JWKS is for. */
    DISALLOWED_ALGORITHM("disallowed_algorithm", "The token is signed with an algorithm that is not accepted."),
    /** Header {@code typ} is not {@code at+jwt} (RFC 9068), e.g. an ID token. */
    WRONG_TYPE("wrong_type", "The token is not an access token."),
    /** Header {@code crit} names an extension this verifier does not understand. */
    UNSUPPORTED_CRITICAL_HEADER("unsupported_critical_header", "The token requires an unsupported extension."),
    /** No {@code kid}, or no key with that {@code kid} in the issuer's JWKS (even after a refetch). */
    UNKNOWN_KEY("unknown_key", "The token is signed with an unknown key."),
    /**
     * The JWKS could not be fetched: no key is known yet, or the token's {@code kid} is unknown while the
     * JWKS endpoint fails (perhaps a rotation not yet visible). The token may be fine.
     */
    KEYS_UNAVAILABLE("keys_unavailable", "The signing keys are temporarily unavailable."),
    /** The signature does not verify with the key named by {@code kid}. */
    INVALID_SIGNATURE("invalid_signature", "The token signature is invalid."),
    /** {@code iss} is missing or not exactly one of the configured issuers. */
    WRONG_ISSUER("wrong_issuer", "The token was issued by another issuer."),
    /** {@code exp} is missing. */
    MISSING_EXPIRY("missing_expiry", "The token has no expiry."),
    /** {@code exp} is in the past beyond the allowed clock skew. */
    EXPIRED("expired", "The token has expired."),
    /** {@code nbf} is in the future beyond the allowed clock skew. */
    NOT_YET_VALID("not_yet_valid", "The token is not valid yet."),
    /** {@code iat} is in the future beyond the allowed clock skew. */
    ISSUED_IN_FUTURE("issued_in_future", "The token was issued in the future."),
    /** {@code aud} names neither a configured resource indicator nor an accepted organization. */
    WRONG_AUDIENCE("wrong_audience", "The token is intended for another audience."),
    /** A claim has the wrong JSON type or an impossible value (for example {@code scope} as an array). */
    INVALID_CLAIM("invalid_claim", "The token contains an invalid claim.");

    private final String code;
    private final String description;

    RejectionReason(String code, String description) {
        this.code = code;
        this.description = description;
    }

    /** The stable machine-readable code, e.g. {@code expired}. */
    public String code() {
        return code;
    }

    /** A fixed sentence for {@code error_description}; never contains token content. */
    public String description() {
        return description;
    }
}
