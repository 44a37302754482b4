package io.logto.resource.core;

/**
 * Verifies Logto access tokens: signature against the issuer's JWKS, {@code typ}, issuer, lifetime and
 * audience, in the order documented on {@link RejectionReason}. Thread-safe; create one per
 * configuration and share it. {@link #close()} stops its background JWKS refresh.
 *
 * <pre>{@code
 * try (LogtoTokenVerifier verifier = LogtoTokenVerifier.create(config)) {
 *     VerificationResult result = verifier.verify(token);
 *     if (result.isVerified()) { ... result.token().get().scopes() ... }
 * }
 * }</pre>
 */
public interface LogtoTokenVerifier extends AutoCloseable {

    /**
     * Creates the default verifier, backed by Nimbus JOSE+JWT. No network request is made here; keys are
     * fetched on first use or by {@link #prefetchKeys()}.
     *
     * @param config the configuration
     * @return a verifier
     * @throws IllegalStateException when {@link SignatureProvider#BOUNCY_CASTLE} is chosen but absent, or when
     *         Nimbus JOSE+JWT, Caffeine or Bouncy Castle on the class path is older than the SDK supports (10.5,
     *         3.2.0 and 1.78.1; the message names the library, the version found and the minimum)
     */
    static LogtoTokenVerifier create(LogtoConfig config) {
        return new DefaultLogtoTokenVerifier(config);
    }

    /**
     * Verifies a token. Never throws for bad input: every failure is a {@link Rejection}. Never waits
     * longer than the configured connect plus read timeouts (plus a small margin) for keys.
     *
     * @param token the compact JWS, without the {@code Bearer} prefix
     * @return the verified token or the rejection
     */
    VerificationResult verify(String token);

    /**
     * Verifies a token without ever blocking the calling thread on I/O: when the answer needs no key
     * fetch (a cached token, a key in the cached key set, a malformed token, an unknown {@code kid} while
     * the unknown-{@code kid} refetch is rate-limited and no fetch is in flight) the returned stage is already complete, computed on
     * the caller's thread (which may include one signature verification); when keys must be fetched, the
     * fetch and the remaining checks run on a thread the verifier owns and the stage completes there when
     * the fetch ends, so actions chained to a pending stage run on that thread (or on one blocked in
     * {@code join}/{@code get} on the stage). Same checks, same key
     * source (one fetch for concurrent requests, same rate limit and timeouts), same results as
     * {@link #verify(String)}. When too many requests already wait for keys, or after {@link #close()},
     * a request that needs a fetch is answered at once with {@link RejectionReason#KEYS_UNAVAILABLE}.
     *
     * @param token the compact JWS, without the {@code Bearer} prefix
     * @return a stage completing with the verified token or the rejection; never completes exceptionally
     */
    java.util.concurrent.CompletionStage<VerificationResult> verifyAsync(String token);

    /**
     * Verifies a token, throwing when it is refused.
     *
     * @param token the compact JWS, without the {@code Bearer} prefix
     * @return the verified token
     * @throws AccessRefusedException carrying the rejection
     */
    default VerifiedToken verifyOrThrow(String token) {
        VerificationResult result = verify(token);
        return result.orThrow();
    }

    /**
     * Checks a token step by step without stopping at the first failure, recording the expected and
     * found value of every check; for diagnostics ("why was my token refused?"), not for authorization.
     *
     * @param token the compact JWS
     * @return the checks made, in order, and the overall result
     */
    TokenExplanation explain(String token);

    /**
     * Fetches the JWKS now, so that the first request does not wait for it. Failures are logged, not thrown:
     * the verifier keeps trying on demand.
     *
     * @return true when keys are now cached
     */
    boolean prefetchKeys();

    /**
     * A snapshot for health checks and gauges: keys in memory, the last fetch and its error, the token
     * cache. Never waits for a fetch; while no key set was loaded yet, the default verifier starts one
     * background load, so a readiness probe turns ready without waiting for a first token.
     *
     * @return the current status
     */
    LogtoStatus status();

    /** The configuration this verifier was built with. */
    LogtoConfig config();

    /**
     * Stops background key refresh and the threads asynchronous verifications wait on; stages still
     * waiting for keys complete with {@link RejectionReason#KEYS_UNAVAILABLE}. {@link #verify(String)} keeps
     * working with on-demand fetches afterwards; {@link #verifyAsync(String)} keeps answering from memory.
     */
    @Override
    void close();
}
