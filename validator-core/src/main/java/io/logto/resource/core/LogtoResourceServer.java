package io.logto.resource.core;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything an adapter needs, in one object: read the bearer token from the {@code Authorization}
 * header, verify it, decide requirements, and compute the HTTP answer for every refusal. Adapters only
 * translate framework types to and from these calls.
 *
 * <pre>{@code
 * LogtoResourceServer logto = LogtoResourceServer.create(config);
 * AuthenticationResult auth = logto.authenticate(request.getHeader("Authorization"));
 * if (!auth.isAuthenticated()) { write(auth.challenge().get()); return; }
 * Decision decision = logto.authorize(auth.token().get(), Requirement.global("read:report"));
 * if (!decision.isGranted()) { write(logto.challenges().insufficientScope(decision)); return; }
 * }</pre>
 *
 * <p>Every refusal is a security event on the logger {@code io.logto.resource.security} (at DEBUG unless
 * configured otherwise, rate-limited): reason code, token kind, {@code client_id} and {@code sub}, never the
 * token; the compared values of the failed check are logged at TRACE on this class's logger.
 * Thread-safe; create one per application and {@link #close()} it on shutdown.
 */
public final class LogtoResourceServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LogtoResourceServer.class);

    private final LogtoTokenVerifier verifier;
    private final Challenges challenges;
    private final ProtectedResourceMetadata metadata;
    private final SecurityEvents securityEvents;

    private LogtoResourceServer(LogtoTokenVerifier verifier) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.challenges = Challenges.of(verifier.config());
        this.metadata = ProtectedResourceMetadata.of(verifier.config());
        this.securityEvents = new SecurityEvents(verifier.config().securityEventLevel(),
                verifier.config().securityEventsPerSecond());
    }

    /**
     * Creates a resource server with the default verifier.
     *
     * @param config the configuration
     * @return the resource server
     */
    public static LogtoResourceServer create(LogtoConfig config) {
        return new LogtoResourceServer(LogtoTokenVerifier.create(config));
    }

    /**
     * Creates a resource server around an existing verifier (sharing its key and token caches).
     *
     * @param verifier the verifier
     * @return the resource server
     */
    public static LogtoResourceServer of(LogtoTokenVerifier verifier) {
        return new LogtoResourceServer(verifier);
    }

    /**
     * Reads and verifies the bearer token of a request.
     *
     * @param authorizationHeader the {@code Authorization} header value, or null when absent
     * @return the verified token, or the status and challenge to answer with
     */
    public AuthenticationResult authenticate(String authorizationHeader) {
        return authenticate(BearerToken.fromHeader(authorizationHeader));
    }

    /**
     * Reads and verifies the bearer token of a request that may repeat the header (more than one
     * {@code Authorization} header is a malformed request).
     *
     * @param authorizationHeaders every {@code Authorization} header value
     * @return the verified token, or the status and challenge to answer with
     */
    public AuthenticationResult authenticate(List<String> authorizationHeaders) {
        return authenticate(BearerToken.fromHeaders(authorizationHeaders));
    }

    /**
     * Verifies an already extracted bearer token.
     *
     * @param bearer the extraction result
     * @return the verified token, or the status and challenge to answer with
     */
    public AuthenticationResult authenticate(BearerToken bearer) {
        if (bearer.isAbsent()) {
            return new AuthenticationResult(AuthenticationResult.Status.NO_TOKEN, null, null, challenges.missingToken());
        }
        if (bearer.isMalformed()) {
            LOG.debug("Logto bearer token refused: malformed Authorization header");
            return new AuthenticationResult(AuthenticationResult.Status.INVALID_REQUEST, null, null,
                    challenges.invalidRequest());
        }
        return toAuthentication(verifier instanceof DefaultLogtoTokenVerifier known
                ? known.verify(bearer.value(), bearer.hasOnlyJwsCharacters())
                : verifier.verify(bearer.value()));
    }

    private AuthenticationResult toAuthentication(VerificationResult result) {
        if (result.isVerified()) {
            return new AuthenticationResult(AuthenticationResult.Status.AUTHENTICATED, result.token().get(), null, null);
        }
        Rejection rejection = result.rejection().get();
        securityEvents.refused(rejection, rejection.tokenKind().orElse(null));
        if (LOG.isTraceEnabled()) {
            LOG.trace("Logto access token refused: {} ({})", rejection.reason().code(), rejection.detail());
        }
        return new AuthenticationResult(AuthenticationResult.Status.INVALID_TOKEN, null, rejection,
                challenges.invalidToken(rejection));
    }

    /**
     * Reads and verifies the bearer token of a request without blocking the calling thread on I/O (for
     * event loops): already complete when no key fetch is needed; see
     * {@link LogtoTokenVerifier#verifyAsync(String)}.
     *
     * @param authorizationHeader the {@code Authorization} header value, or null when absent
     * @return a stage with the verified token, or the status and challenge to answer with; never
     *         completes exceptionally
     */
    public CompletionStage<AuthenticationResult> authenticateAsync(String authorizationHeader) {
        return authenticateAsync(BearerToken.fromHeader(authorizationHeader));
    }

    /**
     * Like {@link #authenticateAsync(String)} for a request that may repeat the header.
     *
     * @param authorizationHeaders every {@code Authorization} header value
     * @return a stage with the verified token, or the status and challenge to answer with
     */
    public CompletionStage<AuthenticationResult> authenticateAsync(List<String> authorizationHeaders) {
        return authenticateAsync(BearerToken.fromHeaders(authorizationHeaders));
    }

    /**
     * Like {@link #authenticateAsync(String)} for an already extracted bearer token.
     *
     * @param bearer the extraction result
     * @return a stage with the verified token, or the status and challenge to answer with
     */
    public CompletionStage<AuthenticationResult> authenticateAsync(BearerToken bearer) {
        if (bearer.isAbsent() || bearer.isMalformed()) {
            return CompletableFuture.completedFuture(authenticate(bearer));
        }
        CompletionStage<VerificationResult> result = verifier instanceof DefaultLogtoTokenVerifier known
                ? known.verifyAsync(bearer.value(), bearer.hasOnlyJwsCharacters())
                : verifier.verifyAsync(bearer.value());
        return result.thenApply(this::toAuthentication);
    }

    /**
     * Decides a requirement for a verified token, logging denials at DEBUG.
     *
     * @param token       the verified token
     * @param requirement what the endpoint needs
     * @return the decision; answer a denial with {@link Challenges#insufficientScope(Decision)}
     */
    public Decision authorize(VerifiedToken token, Requirement requirement) {
        Decision decision = requirement.evaluate(token);
        if (!decision.isGranted() && LOG.isDebugEnabled()) {
            LOG.debug("Logto access denied: {} for {} (token kind {}, {} scopes)", decision.outcome(), requirement,
                    token.kind(), token.scopes().size());
        }
        return decision;
    }

    /**
     * Decides an endpoint's requirement for one request, logging denials at DEBUG.
     *
     * @param token          the verified token
     * @param requirement    what the endpoint needs
     * @param organizationId the organization id read from the request (null or empty when missing; ignored
     *                       for global requirements)
     * @return the decision; answer a denial with {@link Challenges#insufficientScope(Decision)}
     */
    public Decision authorize(VerifiedToken token, EndpointRequirement requirement, String organizationId) {
        return authorize(token, requirement.forOrganization(organizationId));
    }

    /**
     * A snapshot for health checks and gauges; see {@link LogtoStatus#isReady()} for the health verdict.
     *
     * @return the verifier's current status
     */
    public LogtoStatus status() {
        return verifier.status();
    }

    /** The verifier, for direct verification or diagnostics. */
    public LogtoTokenVerifier verifier() {
        return verifier;
    }

    /** The challenge factory configured with realm and resource metadata. */
    public Challenges challenges() {
        return challenges;
    }

    /** The RFC 9728 metadata document for {@link ProtectedResourceMetadata#PATH}. */
    public ProtectedResourceMetadata metadata() {
        return metadata;
    }

    /** The configuration. */
    public LogtoConfig config() {
        return verifier.config();
    }

    /** Closes the verifier (stops background key refresh). */
    @Override
    public void close() {
        verifier.close();
    }
}
