package io.logto.resource.core;

import io.logto.resource.core.internal.Json;
import java.net.URI;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.TreeSet;

/**
 * Builds the RFC 6750 answers: 401 without error code when no token was sent, 401
 * {@code invalid_token} for a refused token, 403 {@code insufficient_scope} with {@code scope} for a
 * missing permission, 400 {@code invalid_request} for a malformed request. Every challenge carries the
 * configured {@code realm} and the RFC 9728 {@code resource_metadata} URL when they are known.
 * {@link #withScopeHint(Collection)} adds a {@code scope} hint to the 401 answers, as MCP clients expect.
 *
 * <p>Fixed challenges are computed once; only {@code insufficient_scope} depends on the requirement.
 * Thread-safe and immutable.
 */
public final class Challenges {

    private static final String MISSING_TOKEN_DESCRIPTION = "A bearer token is required.";
    private static final String INVALID_REQUEST_DESCRIPTION = "The Authorization header is malformed.";

    private final String realm;
    private final String resourceMetadata;
    private final String scopeHint;
    private final Challenge missingToken;
    private final Challenge invalidRequest;
    private final Challenge accessDenied;
    private final Map<RejectionReason, Challenge> invalidTokens = new EnumMap<>(RejectionReason.class);

    private Challenges(String realm, String resourceMetadata, String scopeHint) {
        this.realm = realm;
        this.resourceMetadata = resourceMetadata;
        this.scopeHint = scopeHint;
        this.missingToken = build(401, null, MISSING_TOKEN_DESCRIPTION, scopeHint, false);
        this.invalidRequest = build(400, "invalid_request", INVALID_REQUEST_DESCRIPTION, null, true);
        this.accessDenied = build(403, "insufficient_scope", "No access rule allows this request.", null, true);
        for (RejectionReason reason : RejectionReason.values()) {
            invalidTokens.put(reason, build(401, "invalid_token", reason.description(), scopeHint, true));
        }
    }

    /**
     * Challenges carrying the realm and resource metadata URL of a configuration.
     *
     * @param config the configuration
     * @return the challenges
     */
    public static Challenges of(LogtoConfig config) {
        return new Challenges(config.realm().orElse(null),
                config.resourceMetadataUri().map(URI::toString).orElse(null), null);
    }

    /**
     * The same challenges whose 401 answers ({@link #missingToken()} and {@link #invalidToken(Rejection)})
     * also carry {@code scope="..."}: the scopes a client should request to get a usable token (RFC 6750
     * section 3 allows {@code scope} on any challenge; the MCP authorization specification asks for it on
     * 401). The 400 and 403 answers are unchanged. Build it once, at startup.
     *
     * <pre>{@code
     * Challenges mcp = logto.challenges().withScopeHint(List.of("read:report", "write:report"));
     * mcp.missingToken().wwwAuthenticate();   // Bearer scope="read:report write:report", resource_metadata="..."
     * }</pre>
     *
     * @param scopes the scopes to name, sorted in the header; none means no hint
     * @return new challenges with the hint (replacing any hint these carry)
     * @throws IllegalArgumentException when a scope name is not an RFC 6749 scope-token
     */
    public Challenges withScopeHint(Collection<String> scopes) {
        String hint = String.join(" ", new TreeSet<>(ScopeNames.checked(scopes)));
        return new Challenges(realm, resourceMetadata, hint.isEmpty() ? null : hint);
    }

    /** The {@code scope} hint of the 401 answers, space-separated; empty without one. */
    public Optional<String> scopeHint() {
        return Optional.ofNullable(scopeHint);
    }

    /** 401 with {@code WWW-Authenticate: Bearer} and no error code: the request carried no bearer token. */
    public Challenge missingToken() {
        return missingToken;
    }

    /** 400 {@code invalid_request}: the {@code Authorization} header is malformed or repeated. */
    public Challenge invalidRequest() {
        return invalidRequest;
    }

    /**
     * 403 {@code insufficient_scope} without {@code scope}: a verified token reached a route that no
     * access rule allows (deny-by-default), so no other token would help either.
     */
    public Challenge accessDenied() {
        return accessDenied;
    }

    /**
     * 401 {@code invalid_token} with the rejection's fixed description.
     *
     * @param rejection why the token was refused
     * @return the challenge
     */
    public Challenge invalidToken(Rejection rejection) {
        return invalidTokens.get(Objects.requireNonNull(rejection, "rejection").reason());
    }

    /**
     * 403 {@code insufficient_scope} naming the requirement's scopes in {@code scope}; for
     * {@link Decision.Outcome#MISSING_ORGANIZATION} the same answer as {@link #accessDenied()} (the request
     * named no organization, so no token would help).
     *
     * @param decision a denied decision
     * @return the challenge
     * @throws IllegalArgumentException when the decision is granted
     */
    public Challenge insufficientScope(Decision decision) {
        if (decision.isGranted()) {
            throw new IllegalArgumentException("a granted decision needs no challenge");
        }
        if (decision.outcome() == Decision.Outcome.MISSING_ORGANIZATION) {
            return accessDenied;
        }
        String description;
        switch (decision.outcome()) {
            case WRONG_TOKEN_KIND:
                description = describeKind(decision.requirement().kind());
                break;
            case WRONG_ORGANIZATION:
                description = "The token is for another organization.";
                break;
            default:
                description = "The token lacks the required scope.";
                break;
        }
        String scope = String.join(" ", new TreeSet<>(decision.requirement().scopes()));
        return build(403, "insufficient_scope", description, scope.isEmpty() ? null : scope, true);
    }

    /**
     * The challenge for the convenience exception: 401 for a rejection, 403 for a denied decision.
     *
     * @param exception the exception
     * @return the challenge
     */
    public Challenge forException(AccessRefusedException exception) {
        return exception.rejection().map(this::invalidToken)
                .orElseGet(() -> insufficientScope(exception.decision().orElseThrow()));
    }

    private static String describeKind(TokenKind required) {
        switch (required) {
            case ORGANIZATION:
                return "An organization token is required.";
            case ORGANIZATION_API:
                return "An organization-level API token is required.";
            default:
                return "A global API token without organization is required.";
        }
    }

    private Challenge build(int status, String error, String description, String scope, boolean withDescription) {
        StringJoiner params = new StringJoiner(", ", "Bearer ", "").setEmptyValue("Bearer");
        addParam(params, "realm", realm);
        addParam(params, "error", error);
        addParam(params, "error_description", withDescription ? description : null);
        addParam(params, "scope", scope);
        addParam(params, "resource_metadata", resourceMetadata);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error == null ? "unauthorized" : error);
        body.put("error_description", description);
        if (scope != null) {
            body.put("scope", scope);
        }
        return new Challenge(status, params.toString(), error, description, Json.write(body));
    }

    private static void addParam(StringJoiner params, String name, String value) {
        if (value != null) {
            params.add(name + "=\"" + value + '"');
        }
    }
}
