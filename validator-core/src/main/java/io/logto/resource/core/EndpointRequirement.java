package io.logto.resource.core;

import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What one endpoint needs, known before any request arrives: the token kind, for organization kinds the
 * name of the request variable that holds the organization id, and the scopes with all-of or any-of.
 * Adapters read their framework's annotations or rule syntax into it once, at startup; per request,
 * {@link #evaluate(VerifiedToken, String)} decides with the organization id taken from the request,
 * without validating anything again.
 *
 * <pre>{@code
 * EndpointRequirement members = EndpointRequirement.organization("orgId", ScopeMatch.ALL, List.of("read:member"));
 * Decision decision = members.evaluate(token, pathVariables.get("orgId"));   // null or "" -> 403
 * }</pre>
 *
 * <p>A request without the organization id (the variable missing or empty) is denied with
 * {@link Decision.Outcome#MISSING_ORGANIZATION}, answered 403 like {@link Challenges#accessDenied()}, in
 * every adapter. Immutable.
 */
public final class EndpointRequirement {

    private final TokenKind kind;
    private final String organizationVariable;
    private final ScopeMatch match;
    private final Set<String> scopes;
    private final Requirement global;

    private EndpointRequirement(TokenKind kind, String organizationVariable, ScopeMatch match, Set<String> scopes) {
        this.kind = kind;
        this.organizationVariable = organizationVariable;
        this.match = match;
        this.scopes = scopes;
        this.global = kind == TokenKind.GLOBAL_API ? Requirement.ofChecked(kind, null, match, scopes) : null;
    }

    /**
     * A global API token with the scopes.
     *
     * @param match  how the scopes combine
     * @param scopes scope names; none means any global API token
     * @return the requirement
     * @throws IllegalArgumentException when a scope name is not an RFC 6749 scope-token
     */
    public static EndpointRequirement global(ScopeMatch match, Collection<String> scopes) {
        return of(TokenKind.GLOBAL_API, null, match, scopes);
    }

    /**
     * An organization token for the organization in a request variable.
     *
     * @param organizationVariable the name of the variable holding the organization id, e.g. {@code orgId}
     * @param match                how the scopes combine
     * @param scopes               scope names
     * @return the requirement
     * @throws IllegalArgumentException when the variable name is blank or a scope name is invalid
     */
    public static EndpointRequirement organization(String organizationVariable, ScopeMatch match,
                                                   Collection<String> scopes) {
        return of(TokenKind.ORGANIZATION, organizationVariable, match, scopes);
    }

    /**
     * An organization-level API token whose {@code organization_id} is the one in a request variable.
     *
     * @param organizationVariable the name of the variable holding the organization id
     * @param match                how the scopes combine
     * @param scopes               scope names
     * @return the requirement
     * @throws IllegalArgumentException when the variable name is blank or a scope name is invalid
     */
    public static EndpointRequirement organizationApi(String organizationVariable, ScopeMatch match,
                                                      Collection<String> scopes) {
        return of(TokenKind.ORGANIZATION_API, organizationVariable, match, scopes);
    }

    /**
     * The general factory, for adapters that read annotations or rules.
     *
     * @param kind                 the token kind
     * @param organizationVariable the variable holding the organization id; must be null for
     *                             {@link TokenKind#GLOBAL_API} and non-blank otherwise
     * @param match                how the scopes combine
     * @param scopes               scope names (RFC 6749 scope-tokens)
     * @return the requirement
     * @throws IllegalArgumentException when the variable does not fit the kind or a scope name is invalid
     */
    public static EndpointRequirement of(TokenKind kind, String organizationVariable, ScopeMatch match,
                                         Collection<String> scopes) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(match, "match");
        if (kind == TokenKind.GLOBAL_API && organizationVariable != null) {
            throw new IllegalArgumentException("A global requirement takes no organization variable");
        }
        if (kind != TokenKind.GLOBAL_API && (organizationVariable == null || organizationVariable.isBlank())) {
            throw new IllegalArgumentException("An organization requirement needs the name of the request variable"
                    + " that holds the organization id");
        }
        return new EndpointRequirement(kind, organizationVariable, match, ScopeNames.checked(scopes));
    }

    /**
     * Decides for one request.
     *
     * @param token          the verified token
     * @param organizationId the organization id read from the request's {@link #organizationVariable()};
     *                       ignored for global requirements; null or empty when the request has none
     * @return the decision; a missing organization id is {@link Decision.Outcome#MISSING_ORGANIZATION}
     */
    public Decision evaluate(VerifiedToken token, String organizationId) {
        return forOrganization(organizationId).evaluate(token);
    }

    /**
     * The per-request requirement, built without validating again.
     *
     * @param organizationId the organization id from the request; ignored for global requirements
     * @return the requirement; for a missing or empty id one that every token fails with
     *         {@link Decision.Outcome#MISSING_ORGANIZATION}
     */
    public Requirement forOrganization(String organizationId) {
        if (global != null) {
            return global;
        }
        return Requirement.ofChecked(kind, organizationId == null || organizationId.isEmpty() ? null : organizationId,
                match, scopes);
    }

    /** The token kind required. */
    public TokenKind kind() {
        return kind;
    }

    /** The request variable holding the organization id; empty for global requirements. */
    public Optional<String> organizationVariable() {
        return Optional.ofNullable(organizationVariable);
    }

    /** How the scopes combine. */
    public ScopeMatch match() {
        return match;
    }

    /** The scopes named. */
    public Set<String> scopes() {
        return scopes;
    }

    /** Kind, variable, match and scope names. */
    @Override
    public String toString() {
        return "EndpointRequirement[" + kind + (organizationVariable == null ? "" : " in {" + organizationVariable + "}")
                + ", " + match + " of " + scopes + "]";
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof EndpointRequirement)) {
            return false;
        }
        EndpointRequirement other = (EndpointRequirement) o;
        return kind == other.kind && match == other.match
                && Objects.equals(organizationVariable, other.organizationVariable) && scopes.equals(other.scopes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, organizationVariable, match, scopes);
    }
}
