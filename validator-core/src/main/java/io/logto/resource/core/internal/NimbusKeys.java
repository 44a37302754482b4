package io.logto.resource.core.internal;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.CachingJWKSetSource;
import com.nimbusds.jose.jwk.source.JWKSetCacheRefreshEvaluator;
import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.jwk.source.JWKSetSourceWrapper;
import com.nimbusds.jose.jwk.source.OutageTolerantJWKSetSource;
import com.nimbusds.jose.jwk.source.RefreshAheadCachingJWKSetSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.events.Event;
import io.logto.resource.core.LogtoConfig;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The issuer's signing keys, held by Nimbus's JWK set machinery configured for Logto: a cache with a
 * TTL, scheduled refresh ahead of expiry on daemon threads, outage tolerance (the last good set keeps
 * serving while the endpoint fails), one fetch for any number of concurrent callers, and a refetch on an
 * unknown {@code kid} at most once per configured interval.
 *
 * <p>Nimbus's own rate limiter is not used: it sits below the cache and would also throttle the
 * expiry-driven refresh, so a flood of forged {@code kid}s could starve a legitimate refresh. Instead
 * the limit applies only to fetches caused by an unknown {@code kid} ({@link NimbusJwksFetcher}).
 */
public final class NimbusKeys implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NimbusKeys.class);

    /** The result of looking up a key by {@code kid}. */
    public static final class Lookup {
        private static final Lookup UNKNOWN = new Lookup(null, false);
        private static final Lookup UNAVAILABLE = new Lookup(null, true);

        private final JWK key;
        private final boolean unavailable;

        private Lookup(JWK key, boolean unavailable) {
            this.key = key;
            this.unavailable = unavailable;
        }

        /** The key, or null when unknown or unavailable. */
        public JWK key() {
            return key;
        }

        /** Whether no key set could be obtained at all. */
        public boolean unavailable() {
            return unavailable;
        }
    }

    /**
     * The layer right under the cache: records each set it hands up, which is the set the cache then holds,
     * with an expiry no later than the cache's own (its clock reading is taken before the cache's).
     */
    private static final class HeldSet extends JWKSetSourceWrapper<SecurityContext> {
        private final long ttl;
        private final AtomicInteger fetching = new AtomicInteger();
        private volatile Held held;

        HeldSet(JWKSetSource<SecurityContext> source, long ttl) {
            super(source);
            this.ttl = ttl;
        }

        @Override
        public JWKSet getJWKSet(JWKSetCacheRefreshEvaluator refreshEvaluator, long currentTime, SecurityContext context)
                throws KeySourceException {
            fetching.incrementAndGet();
            try {
                JWKSet loaded = getSource().getJWKSet(refreshEvaluator, currentTime, context);
                held = new Held(loaded, currentTime + ttl);
                return loaded;
            } finally {
                // after the new set is visible: whoever sees no fetch in flight sees its result
                fetching.decrementAndGet();
            }
        }

        /** Whether a fetch (or an outage-tolerant answer standing in for one) is under way. */
        boolean fetching() {
            return fetching.get() > 0;
        }

        /** The held set if it is still valid at {@code now}, else null. */
        JWKSet validAt(long now) {
            Held current = held;
            return current != null && now < current.expiresAt ? current.set : null;
        }

        /** The held set, valid or not; null before the first successful fetch. */
        JWKSet any() {
            Held current = held;
            return current == null ? null : current.set;
        }
    }

    /** A key set and when the cache above stops serving it. */
    private static final class Held {
        final JWKSet set;
        final long expiresAt;

        Held(JWKSet set, long expiresAt) {
            this.set = set;
            this.expiresAt = expiresAt;
        }
    }

    private final JWKSetSource<SecurityContext> keySets;
    private final HeldSet held;
    private final NimbusJwksFetcher fetcher;

    /**
     * Builds the key source. No network request is made until the first lookup or {@link #prefetch()}.
     *
     * @param config        the configuration
     * @param onKeysFetched told the {@code kid}s of every freshly fetched set (to expire cached tokens)
     */
    public NimbusKeys(LogtoConfig config, Consumer<Set<String>> onKeysFetched) {
        this.fetcher = new NimbusJwksFetcher(config, onKeysFetched);
        long ttl = config.jwksCacheTtl().toMillis();
        long refreshAhead = config.jwksRefreshAhead().toMillis();
        long connectPlusRead = config.connectTimeout().toMillis() + config.readTimeout().toMillis();
        // How long callers wait for another thread's fetch: enough for discovery plus JWKS, within what the
        // TTL leaves after refresh-ahead (the configuration guarantees at least connect + read).
        long refreshTimeout = Math.min(2 * connectPlusRead + 500, ttl - refreshAhead);
        ThreadFactory threads = daemonThreads("logto-jwks-refresh-");
        // After close() these refuse new work silently: Nimbus schedules the next refresh after every fetch,
        // and an on-demand fetch after close() must not fail on that (the default policy throws).
        ExecutorService refresher = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), threads, new ThreadPoolExecutor.DiscardPolicy());
        ScheduledExecutorService scheduler = new ScheduledThreadPoolExecutor(1, threads,
                new ThreadPoolExecutor.DiscardPolicy());
        // The chain JWKSourceBuilder builds for cache + refresh-ahead + outage tolerance (no retry, no rate
        // limit), with one addition: the layer under the cache remembers what the cache holds, for peek().
        OutageTolerantJWKSetSource<SecurityContext> outageTolerant = new OutageTolerantJWKSetSource<>(fetcher,
                config.jwksOutageTolerance().toMillis(), NimbusKeys::onOutage);
        this.held = new HeldSet(outageTolerant, ttl);
        this.keySets = new RefreshAheadCachingJWKSetSource<>(held, ttl, refreshTimeout, refreshAhead, refresher, true,
                NimbusKeys::onCacheEvent, scheduler, true);
    }

    /**
     * Finds the key with a {@code kid}: from the cached set, or after one rate-limited refetch when the
     * {@code kid} is unknown. Blocks at most for one fetch (bounded by the timeouts).
     *
     * @param kid the key id from the token header
     * @return the key; unknown; or unavailable when no set was ever fetched, or the kid is unknown while
     *         the latest fetch failed
     */
    public Lookup find(String kid) {
        JWKSet current;
        try {
            current = keySets.getJWKSet(JWKSetCacheRefreshEvaluator.noRefresh(), System.currentTimeMillis(), null);
        } catch (KeySourceException e) {
            return Lookup.UNAVAILABLE;
        }
        JWK key = current.getKeyByKeyId(kid);
        if (key != null) {
            return new Lookup(key, false);
        }
        try {
            JWKSet refreshed = keySets.getJWKSet(JWKSetCacheRefreshEvaluator.referenceComparison(current),
                    System.currentTimeMillis(), NimbusJwksFetcher.UNKNOWN_KEY);
            key = refreshed.getKeyByKeyId(kid);
        } catch (KeySourceException e) {
            LOG.debug("Logto JWKS refetch for an unknown key failed: {}", e.getMessage());
        }
        if (key != null) {
            return new Lookup(key, false);
        }
        return unknown();
    }

    /**
     * Answers a lookup from memory when that is what {@link #find(String)} would do, without fetching or
     * waiting for a lock: the {@code kid} is in the cached, unexpired set; or it is not, a refetch for an
     * unknown {@code kid} is rate-limited right now and no fetch is in flight. Returns null when answering
     * needs a fetch, or waiting for one (no set yet, the set expired, an unknown {@code kid} with a refetch
     * allowed, or a fetch in flight that may bring it): then call {@link #find(String)} off the event loop,
     * which waits for that same fetch as {@code find} does for synchronous callers. Never blocks.
     *
     * @param kid the key id from the token header
     * @return the same answer {@link #find(String)} would give, or null when a fetch is needed
     */
    public Lookup peek(String kid) {
        long now = System.currentTimeMillis();
        JWKSet current = held.validAt(now);
        if (current == null) {
            return null;
        }
        JWK key = current.getKeyByKeyId(kid);
        if (key != null) {
            return new Lookup(key, false);
        }
        if (fetcher.unknownKeyRefetchAllowed(now) || held.fetching()) {
            // find() would fetch, or wait for the fetch in flight, which may bring this kid (a rotation)
            return null;
        }
        JWKSet latest = held.validAt(now); // a fetch may have ended since the first read: its set is visible now
        if (latest == null) {
            return null;
        }
        key = latest.getKeyByKeyId(kid);
        return key != null ? new Lookup(key, false) : unknown();
    }

    /** An unknown kid while the JWKS endpoint fails may be a rotation we cannot see yet. */
    private Lookup unknown() {
        return fetcher.lastFetchSucceeded() ? Lookup.UNKNOWN : Lookup.UNAVAILABLE;
    }

    /**
     * The keys held in memory (the latest set handed to the cache, even if expired); never fetches.
     *
     * @return the keys, or an empty list when none were ever fetched
     */
    public List<JWK> currentKeys() {
        JWKSet current = held.any();
        return current == null ? List.of() : current.getKeys();
    }

    /**
     * Fetches the key set unless one is cached.
     *
     * @return true when keys are available
     */
    public boolean prefetch() {
        try {
            keySets.getJWKSet(JWKSetCacheRefreshEvaluator.noRefresh(), System.currentTimeMillis(), null);
            return true;
        } catch (KeySourceException e) {
            LOG.warn("Logto JWKS could not be fetched yet ({}); will retry on demand", e.getMessage());
            return false;
        }
    }

    /** The number of keys in the set held in memory, without fetching; 0 before the first fetch. */
    public int heldKeyCount() {
        JWKSet set = held.any();
        return set == null ? 0 : set.getKeys().size();
    }

    /** When keys were last fetched successfully (epoch millis), or {@link Long#MIN_VALUE} before the first time. */
    public long lastSuccessfulFetchMillis() {
        return fetcher.lastSuccessEnded();
    }

    /** When the latest fetch failed (epoch millis), or {@link Long#MIN_VALUE} when the latest one succeeded. */
    public long lastFailedFetchMillis() {
        return fetcher.lastFailureEndedIfLatest();
    }

    /** Why the latest fetch failed, or null when it succeeded. */
    public String lastFetchError() {
        return fetcher.lastError();
    }

    /** Where keys are fetched from: the configured or discovered JWKS URL, once known. */
    public String jwksLocation() {
        return fetcher.jwksLocation();
    }

    @Override
    public void close() {
        try {
            keySets.close();
        } catch (IOException e) {
            LOG.debug("Closing the Logto JWKS source failed", e);
        }
    }

    private static void onCacheEvent(Event<CachingJWKSetSource<SecurityContext>, SecurityContext> event) {
        if (event instanceof RefreshAheadCachingJWKSetSource.ScheduledRefreshFailed) {
            Exception e = ((RefreshAheadCachingJWKSetSource.ScheduledRefreshFailed<?>) event).getException();
            LOG.warn("Logto JWKS scheduled refresh failed: {}", e.getMessage());
        } else if (event instanceof CachingJWKSetSource.RefreshTimedOutEvent) {
            LOG.warn("Timed out waiting for a Logto JWKS refresh");
        }
    }

    private static void onOutage(Event<OutageTolerantJWKSetSource<SecurityContext>, SecurityContext> event) {
        if (event instanceof OutageTolerantJWKSetSource.OutageEvent) {
            OutageTolerantJWKSetSource.OutageEvent<?> outage = (OutageTolerantJWKSetSource.OutageEvent<?>) event;
            if (!(outage.getException() instanceof NimbusJwksFetcher.RefetchLimitedException)) {
                LOG.warn("Logto JWKS endpoint failed ({}); keeping the last good keys for up to {} s more",
                        outage.getException().getMessage(), outage.getRemainingTime() / 1000);
            }
        }
    }

    /**
     * Daemon threads named {@code prefix + n}.
     *
     * @param prefix the thread name prefix
     * @return the factory
     */
    static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
