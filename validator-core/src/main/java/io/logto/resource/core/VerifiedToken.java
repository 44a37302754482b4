package io.logto.resource.core;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A Logto access token whose signature, issuer, lifetime and audience have been verified. Immutable
 * and safe to share between threads; the verified-token cache hands out the same instance for every
 * request that carries the same token.
 *
 * <p>{@link #toString()} shows the kind and the number of scopes only, never claim values.
 */
public final class VerifiedToken {

    private final Map<String, Object> claims;
    private final String issuer;
    private final String subject;
    private final String clientId;
    private final Set<String> scopes;
    private final List<String> audiences;
    private final String organizationId;
    private final TokenKind kind;
    private final long expiresAtEpochSecond;
    private final Long issuedAtEpochSecond;
    private final String jwtId;
    private final String keyId;
    private final String algorithm;
    private final Set<String> roles;

    VerifiedToken(Map<String, Object> claims, String issuer, String subject, String clientId, Set<String> scopes,
                  List<String> audiences, String organizationId, TokenKind kind, long expiresAtEpochSecond,
                  Long issuedAtEpochSecond, String jwtId, String keyId, String algorithm) {
        this.claims = claims;
        this.issuer = issuer;
        this.subject = subject;
        this.clientId = clientId;
        this.scopes = scopes;
        this.audiences = audiences;
        this.organizationId = organizationId;
        this.kind = kind;
        this.expiresAtEpochSecond = expiresAtEpochSecond;
        this.issuedAtEpochSecond = issuedAtEpochSecond;
        this.jwtId = jwtId;
        this.keyId = keyId;
        this.algorithm = algorithm;
        this.roles = TokenRoles.of(kind, organizationId, scopes);
    }

    /** The {@code iss} claim: one of the configured issuers. */
    public String issuer() {
        return issuer;
    }

    /** The {@code sub} claim: the user id, or the application id for machine-to-machine tokens. */
    public String subject() {
        return subject;
    }

    /** The {@code client_id} claim: the application the token was issued to, if present. */
    public Optional<String> clientId() {
        return Optional.ofNullable(clientId);
    }

    /** Whether this is a machine-to-machine token ({@code sub} equals {@code client_id}). */
    public boolean isMachineToMachine() {
        return clientId != null && clientId.equals(subject);
    }

    /** The scopes granted by the space-separated {@code scope} claim; empty when it is missing or empty. */
    public Set<String> scopes() {
        return scopes;
    }

    /**
     * The names that may act as framework roles or authorities, by the policy of {@link TokenRoles}: a
     * global API token's scopes as they are; an organization token's and an organization-level API token's
     * scopes qualified with their organization ({@code organization:org_42 read:member},
     * {@code organization-api:org_42 read:project}), so that they never meet a check written for a global
     * scope. Computed once per token.
     */
    public Set<String> roles() {
        return roles;
    }

    /**
     * Whether the token grants a scope.
     *
     * @param scope a scope name, e.g. {@code read:report}
     * @return true when the {@code scope} claim contains it
     */
    public boolean hasScope(String scope) {
        return scopes.contains(scope);
    }

    /** The {@code aud} values (Logto issues exactly one). */
    public List<String> audiences() {
        return audiences;
    }

    /**
     * The organization this token is for: from {@code organization_id} (organization-level API tokens)
     * or from the {@code urn:logto:organization:<id>} audience (organization tokens); empty for global
     * API tokens.
     */
    public Optional<String> organizationId() {
        return Optional.ofNullable(organizationId);
    }

    /** Which of Logto's three authorization scenarios issued this token. */
    public TokenKind kind() {
        return kind;
    }

    /** When the token expires ({@code exp}). */
    public Instant expiresAt() {
        return Instant.ofEpochSecond(expiresAtEpochSecond);
    }

    /** When the token expires, in seconds since the epoch; allocation-free for hot paths. */
    public long expiresAtEpochSecond() {
        return expiresAtEpochSecond;
    }

    /** When the token was issued ({@code iat}), if present. */
    public Optional<Instant> issuedAt() {
        return issuedAtEpochSecond == null ? Optional.empty() : Optional.of(Instant.ofEpochSecond(issuedAtEpochSecond));
    }

    /** The {@code jti} claim, if present. */
    public Optional<String> jwtId() {
        return Optional.ofNullable(jwtId);
    }

    /** The {@code kid} of the key that signed the token. */
    public String keyId() {
        return keyId;
    }

    /** The JWS algorithm that signed the token, e.g. {@code ES384}. */
    public String algorithm() {
        return algorithm;
    }

    /**
     * Every claim of the payload, read-only: strings, {@link Long} or {@link Double} numbers, booleans,
     * and read-only lists and maps of those. Claims whose value is JSON {@code null} are left out.
     */
    public Map<String, Object> claims() {
        return claims;
    }

    /**
     * One claim of the payload.
     *
     * @param name the claim name
     * @return its value, if present
     */
    public Optional<Object> claim(String name) {
        return Optional.ofNullable(claims.get(name));
    }

    /** The kind and number of scopes; never claim values. */
    @Override
    public String toString() {
        return "VerifiedToken[kind=" + kind + ", scopes=" + scopes.size() + ", alg=" + algorithm + "]";
    }
}
