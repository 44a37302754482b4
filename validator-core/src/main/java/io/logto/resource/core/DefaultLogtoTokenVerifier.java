package io.logto.resource.core;

import io.logto.resource.core.internal.KeyFetchThreads;
import io.logto.resource.core.internal.LibraryVersions;
import io.logto.resource.core.internal.NimbusKeys;
import io.logto.resource.core.internal.NimbusSignatures;
import io.logto.resource.core.internal.VerifiedTokenCache;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The verifier behind {@link LogtoTokenVerifier#create(LogtoConfig)}: the ordered {@link TokenCheck}s on
 * Nimbus JOSE+JWT primitives, with a verified-token cache in front. {@link #verify(String)} runs the
 * checks and stops at the first failure; {@link #explain(String)} hands the same checks to
 * {@link TokenExplainer}; {@link #verifyAsync(String)} runs them on the caller's thread up to the key
 * lookup and, only when that needs a fetch, finishes them on a {@link KeyFetchThreads} thread.
 */
final class DefaultLogtoTokenVerifier implements LogtoTokenVerifier {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultLogtoTokenVerifier.class);

    private final LogtoConfig config;
    private final CheckContext context;
    private final long skewMillis;
    private final NimbusKeys keys;
    private final VerifiedTokenCache<VerificationResult> cache;
    private final Supplier<Set<String>> currentKidsSupplier = () -> this.currentKids;
    private final KeyFetchThreads waiting = new KeyFetchThreads();
    private final Set<CompletableFuture<VerificationResult>> pending = ConcurrentHashMap.newKeySet();
    private volatile Set<String> currentKids;
    private final LogtoListener listener;
    private final LongAdder cacheHits = new LongAdder();
    private final java.util.concurrent.atomic.AtomicBoolean backgroundLoad = new java.util.concurrent.atomic.AtomicBoolean();

    DefaultLogtoTokenVerifier(LogtoConfig config) {
        LibraryVersions.requireSupported();
        this.config = config;
        this.listener = config.listener().orElse(null);
        this.skewMillis = config.clockSkew().toMillis();
        NimbusSignatures signatures = new NimbusSignatures(config.signatureProvider());
        this.cache = config.tokenCacheEnabled()
                ? new VerifiedTokenCache<>(config.tokenCacheMaxEntries(), config.clock(),
                        r -> r.tokenOrNull().expiresAtEpochSecond() * 1000 + skewMillis,
                        r -> r.tokenOrNull().keyId())
                : null;
        this.keys = new NimbusKeys(config, this::onKeysFetched);
        this.context = new CheckContext(config, signatures, keys);
        LOG.info("Logto token verifier for issuer {} and audience {} (signatures: {}, token cache: {})",
                config.issuer(), config.audiences(), signatures.describe(),
                cache == null ? "off" : config.tokenCacheMaxEntries() + " entries");
    }

    private void onKeysFetched(Set<String> kids) {
        currentKids = kids;
        if (cache != null) {
            cache.retainKeys(kids);
        }
    }

    @Override
    public VerificationResult verify(String token) {
        return verify(token, false);
    }

    /**
     * {@link #verify(String)} for a token whose characters may already have been checked while reading the header.
     *
     * @param token the compact JWS
     * @param onlyJwsCharacters true when {@link BearerToken#hasOnlyJwsCharacters()} said so: the shape check skips
     *     its scan of the characters
     */
    VerificationResult verify(String token, boolean onlyJwsCharacters) {
        try {
            Rejection shape = TokenCheck.shape(token, config.maxTokenLength(), onlyJwsCharacters);
            if (shape != null) {
                return told(VerificationResult.rejected(shape), null);
            }
            VerifiedTokenCache.Digest digest = cache == null ? null : VerifiedTokenCache.digest(token);
            VerificationResult hit = digest == null ? null : cached(digest);
            if (hit != null) {
                return hit;
            }
            return finish(new Candidate(context, token), TokenCheck.HEADER, digest);
        } catch (RuntimeException | StackOverflowError e) {
            return told(unexpected(e), null);
        }
    }

    @Override
    public CompletionStage<VerificationResult> verifyAsync(String token) {
        return verifyAsync(token, false);
    }

    /**
     * {@link #verifyAsync(String)} for a token whose characters may already have been checked while reading the
     * header.
     *
     * @param token the compact JWS
     * @param onlyJwsCharacters true when {@link BearerToken#hasOnlyJwsCharacters()} said so: the shape check skips
     *     its scan of the characters
     */
    CompletionStage<VerificationResult> verifyAsync(String token, boolean onlyJwsCharacters) {
        try {
            Rejection shape = TokenCheck.shape(token, config.maxTokenLength(), onlyJwsCharacters);
            if (shape != null) {
                return CompletableFuture.completedFuture(told(VerificationResult.rejected(shape), null));
            }
            VerifiedTokenCache.Digest digest = cache == null ? null : VerifiedTokenCache.digest(token);
            VerificationResult hit = digest == null ? null : cached(digest);
            if (hit != null) {
                return CompletableFuture.completedFuture(hit);
            }
            Candidate candidate = new Candidate(context, token);
            Rejection early = TokenCheck.run(candidate, TokenCheck.HEADER, TokenCheck.KEY);
            if (early != null) {
                return CompletableFuture.completedFuture(told(VerificationResult.rejected(early), null));
            }
            String kid = candidate.header.getKeyID();
            if (kid != null && !kid.isEmpty()) {
                candidate.lookup = keys.peek(kid);
                if (candidate.lookup == null) {
                    return afterKeyFetch(candidate, digest);
                }
            }
            return CompletableFuture.completedFuture(finish(candidate, TokenCheck.KEY, digest));
        } catch (RuntimeException | StackOverflowError e) {
            return CompletableFuture.completedFuture(told(unexpected(e), null));
        }
    }

    /** Finishes the checks from the key lookup on a key-fetch thread; the stage completes there. */
    private CompletionStage<VerificationResult> afterKeyFetch(Candidate candidate, VerifiedTokenCache.Digest digest) {
        CompletableFuture<VerificationResult> stage = new CompletableFuture<>();
        pending.add(stage);
        boolean queued = waiting.submit(() -> {
            VerificationResult result;
            try {
                result = finish(candidate, TokenCheck.KEY, digest);
            } catch (RuntimeException | StackOverflowError e) {
                result = told(unexpected(e), null);
            }
            pending.remove(stage);
            stage.complete(result);
        });
        if (!queued) {
            pending.remove(stage);
            stage.complete(told(keysUnavailable("too many requests waiting for keys, or the verifier is closed"), null));
        }
        return stage;
    }

    /** Runs the checks from {@code from} to the end; caches a success when a digest is given. */
    private VerificationResult finish(Candidate candidate, TokenCheck from, VerifiedTokenCache.Digest digest) {
        Rejection rejection = TokenCheck.run(candidate, from, null);
        if (rejection != null) {
            if (candidate.claims != null) {
                // Claims are parsed only after the signature verified: the caller they name is genuine.
                rejection = rejection.withCaller(candidate.claims.get("sub"), candidate.claims.get("client_id"),
                        candidate.kind);
            }
            return told(VerificationResult.rejected(rejection), candidate.kind);
        }
        VerificationResult result = VerificationResult.verified(candidate.toVerifiedToken());
        if (digest != null) {
            cache.put(digest, result, currentKidsSupplier);
        }
        if (listener != null) {
            tell(result, candidate.kind, false);
        }
        return result;
    }

    /** The cached answer for a token: its verification while unexpired, then an expiry rejection; else null. */
    private VerificationResult cached(VerifiedTokenCache.Digest digest) {
        VerificationResult hit = cache.get(digest);
        if (hit == null) {
            return null;
        }
        VerifiedToken verified = hit.tokenOrNull();
        long now = context.clock.millis();
        if (now < verified.expiresAtEpochSecond() * 1000 + skewMillis) {
            cacheHits.increment();
            if (listener != null) {
                tell(hit, verified.kind(), true);
            }
            return hit;
        }
        cache.invalidate(digest);
        return told(VerificationResult.rejected(context.expired(verified.expiresAtEpochSecond(), now)
                .withCaller(verified.subject(), verified.clientId().orElse(null), verified.kind())), verified.kind());
    }

    /** Tells the listener of a rejection (or of a result whose kind is unknown) and returns the result. */
    private VerificationResult told(VerificationResult result, TokenKind kind) {
        if (listener != null) {
            tell(result, kind, false);
        }
        return result;
    }

    private void tell(VerificationResult result, TokenKind kind, boolean cached) {
        try {
            if (result.isVerified()) {
                listener.tokenVerified(result.tokenOrNull().kind(), cached);
            } else {
                listener.tokenRejected(result.rejection().get().reason(), kind);
            }
        } catch (RuntimeException e) {
            LOG.debug("Logto listener failed", e);
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>While no key set was loaded yet, it also starts one background load (never more than one at a time,
     * and the fetcher's backoff spaces failed ones), so that a readiness probe turns ready without waiting
     * for a first token: a pod that is not ready gets no traffic, so it might otherwise never see one.
     */
    @Override
    public LogtoStatus status() {
        long success = keys.lastSuccessfulFetchMillis();
        long failure = keys.lastFailedFetchMillis();
        LogtoStatus status = new LogtoStatus(config.issuer(), keys.jwksLocation(), keys.heldKeyCount(),
                success == Long.MIN_VALUE ? null : Instant.ofEpochMilli(success),
                failure == Long.MIN_VALUE ? null : Instant.ofEpochMilli(failure), keys.lastFetchError(),
                cache == null ? 0 : cache.size(), cacheHits.sum());
        // The snapshot is taken first, so it reports the state as it was when asked.
        if (!status.isReady() && backgroundLoad.compareAndSet(false, true) && !waiting.submit(this::loadInBackground)) {
            backgroundLoad.set(false);
        }
        return status;
    }

    private void loadInBackground() {
        try {
            keys.prefetch();
        } finally {
            backgroundLoad.set(false);
        }
    }

    private VerificationResult keysUnavailable(String why) {
        return VerificationResult.rejected(Rejection.of(RejectionReason.KEYS_UNAVAILABLE,
                "The JWKS could not be fetched.", "JWKS at " + keys.jwksLocation() + ": " + why));
    }

    /** Defensive: a parser bug must never become a 500 or an accepted token. */
    private static VerificationResult unexpected(Throwable e) {
        LOG.warn("Logto token verification failed unexpectedly ({}); token refused", e.getClass().getName());
        LOG.debug("Unexpected verification failure", e);
        return VerificationResult.rejected(Rejection.of(RejectionReason.MALFORMED,
                "The token could not be processed.", e.getClass().getName()));
    }

    @Override
    public TokenExplanation explain(String token) {
        return TokenExplainer.explain(context, token);
    }

    @Override
    public boolean prefetchKeys() {
        return keys.prefetch();
    }

    @Override
    public LogtoConfig config() {
        return config;
    }

    /**
     * Stops background key refresh and the key-fetch threads; asynchronous verifications still waiting
     * for keys complete now with {@link RejectionReason#KEYS_UNAVAILABLE}.
     */
    @Override
    public void close() {
        keys.close();
        waiting.close();
        for (CompletableFuture<VerificationResult> stage : pending) {
            pending.remove(stage);
            stage.complete(keysUnavailable("the verifier was closed"));
        }
    }

    /** The number of cached verifications; for tests. */
    long cachedTokens() {
        return cache == null ? 0 : cache.size();
    }
}
