package io.logto.resource.core;

import java.util.Arrays;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;

/**
 * What an endpoint needs from a verified token: a token kind (one of Logto's three scenarios), the
 * organization for organization kinds, and scopes combined with all-of or any-of.
 *
 * <pre>{@code
 * Requirement.global("read:report")                              // global API token with read:report
 * Requirement.organization(orgId, "invite:member")               // organization token for orgId
 * Requirement.organizationApi(orgId, "read:project")             // API token with organization_id = orgId
 * Requirement.global("read:report", "admin").matching(ScopeMatch.ANY)
 * }</pre>
 *
 * <p>A global requirement refuses organization tokens and tokens carrying {@code organization_id}
 * (Logto adds organization-role scopes to such tokens, so they must not pass as global ones); an
 * organization requirement refuses global tokens and tokens of other organizations. Immutable.
 */
public final class Requirement {

    private final TokenKind kind;
    private final String organizationId;
    private final ScopeMatch match;
    private final Set<String> scopes;

    private Requirement(TokenKind kind, String organizationId, ScopeMatch match, Set<String> scopes) {
        this.kind = kind;
        this.organizationId = organizationId;
        this.match = match;
        this.scopes = scopes;
    }

    /**
     * Requires a global API token granting every listed scope.
     *
     * @param scopes scope names; none means any global API token
     * @return the requirement
     * @throws IllegalArgumentException when a scope name is not an RFC 6749 scope-token
     */
    public static Requirement global(String... scopes) {
        return of(TokenKind.GLOBAL_API, null, ScopeMatch.ALL, Arrays.asList(scopes));
    }

    /**
     * Requires an organization token for {@code organizationId} granting every listed scope.
     *
     * @param organizationId the organization, usually taken from the request path
     * @param scopes         scope names; none means any organization token for that organization
     * @return the requirement
     */
    public static Requirement organization(String organizationId, String... scopes) {
        return of(TokenKind.ORGANIZATION, organizationId, ScopeMatch.ALL, Arrays.asList(scopes));
    }

    /**
     * Requires an organization-level API token ({@code organization_id} = {@code organizationId})
     * granting every listed scope.
     *
     * @param organizationId the organization, usually taken from the request path
     * @param scopes         scope names
     * @return the requirement
     */
    public static Requirement organizationApi(String organizationId, String... scopes) {
        return of(TokenKind.ORGANIZATION_API, organizationId, ScopeMatch.ALL, Arrays.asList(scopes));
    }

    /**
     * The general factory, for adapters that build requirements from annotations.
     *
     * @param kind           the token kind required
     * @param organizationId the organization; required for organization kinds, must be null for {@link TokenKind#GLOBAL_API}
     * @param match          how the scopes combine
     * @param scopes         scope names
     * @return the requirement
     * @throws IllegalArgumentException when the organization does not fit the kind or a scope name is invalid
     */
    public static Requirement of(TokenKind kind, String organizationId, ScopeMatch match, Collection<String> scopes) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(match, "match");
        if (kind == TokenKind.GLOBAL_API && organizationId != null) {
            throw new IllegalArgumentException("a global requirement has no organization");
        }
        if (kind != TokenKind.GLOBAL_API && organizationId == null) {
            throw new IllegalArgumentException("an organization requirement needs the organization id");
        }
        return new Requirement(kind, organizationId, match, ScopeNames.checked(scopes));
    }

    /** For {@link EndpointRequirement}: parts already checked, so nothing is validated again. */
    static Requirement ofChecked(TokenKind kind, String organizationId, ScopeMatch match, Set<String> scopes) {
        return new Requirement(kind, organizationId, match, scopes);
    }

    /**
     * The same requirement with another way of combining scopes.
     *
     * @param match {@link ScopeMatch#ANY} for any-of, {@link ScopeMatch#ALL} for all-of
     * @return a new requirement
     */
    public Requirement matching(ScopeMatch match) {
        return new Requirement(kind, organizationId, Objects.requireNonNull(match, "match"), scopes);
    }

    /** The token kind required. */
    public TokenKind kind() {
        return kind;
    }

    /**
     * The organization required, for organization kinds; null for global requirements, and in the
     * requirement of a {@link Decision.Outcome#MISSING_ORGANIZATION} denial.
     */
    public String organizationId() {
        return organizationId;
    }

    /** How the scopes combine. */
    public ScopeMatch match() {
        return match;
    }

    /** The scopes named by this requirement. */
    public Set<String> scopes() {
        return scopes;
    }

    /**
     * Decides whether a verified token meets this requirement.
     *
     * @param token a verified token
     * @return granted, or denied with the reason and the missing scopes
     */
    public Decision evaluate(VerifiedToken token) {
        Objects.requireNonNull(token, "token");
        if (token.kind() != kind) {
            return Decision.denied(this, Decision.Outcome.WRONG_TOKEN_KIND, scopes);
        }
        if (kind != TokenKind.GLOBAL_API && organizationId == null) {
            return Decision.denied(this, Decision.Outcome.MISSING_ORGANIZATION, scopes);
        }
        if (kind != TokenKind.GLOBAL_API && !organizationId.equals(token.organizationId().orElse(null))) {
            return Decision.denied(this, Decision.Outcome.WRONG_ORGANIZATION, scopes);
        }
        Set<String> granted = token.scopes();
        if (match == ScopeMatch.ALL) {
            if (granted.containsAll(scopes)) {
                return Decision.granted(this);
            }
            return Decision.denied(this, Decision.Outcome.MISSING_SCOPES, Decision.missing(scopes, granted));
        }
        if (scopes.isEmpty()) {
            return Decision.granted(this);
        }
        for (String scope : scopes) {
            if (granted.contains(scope)) {
                return Decision.granted(this);
            }
        }
        return Decision.denied(this, Decision.Outcome.MISSING_SCOPES, scopes);
    }

    /**
     * Decides, throwing when denied; for handler code that prefers exceptions.
     *
     * @param token a verified token
     * @throws AccessRefusedException carrying the denied decision
     */
    public void check(VerifiedToken token) {
        Decision decision = evaluate(token);
        if (!decision.isGranted()) {
            throw new AccessRefusedException(decision);
        }
    }

    /** The kind, match and scope names (no organization id, which comes from the request). */
    @Override
    public String toString() {
        return "Requirement[" + kind + ", " + match + " of " + scopes + "]";
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Requirement)) {
            return false;
        }
        Requirement other = (Requirement) o;
        return kind == other.kind && match == other.match && Objects.equals(organizationId, other.organizationId)
                && scopes.equals(other.scopes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, organizationId, match, scopes);
    }
}
