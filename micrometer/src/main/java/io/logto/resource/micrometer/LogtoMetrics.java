package io.logto.resource.micrometer;

import io.logto.resource.core.KeyFetch;
import io.logto.resource.core.LogtoListener;
import io.logto.resource.core.LogtoStatus;
import io.logto.resource.core.RejectionReason;
import io.logto.resource.core.TokenKind;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Publishes what a Logto verifier does as Micrometer meters. It is both the verifier's
 * {@link LogtoListener} (register it with {@code LogtoConfig.Builder#listener}) and a {@link MeterBinder}
 * (bind it to one or more registries):
 * <ul>
 *   <li>{@value #VERIFICATIONS} (counter), tags {@code outcome} ({@code verified} or the
 *       {@link RejectionReason#code()}, e.g. {@code expired}) and {@code kind} ({@code global_api},
 *       {@code organization}, {@code organization_api}, or {@code unknown} when verification stopped before
 *       the kind was known); cache hits count as {@code verified};</li>
 *   <li>{@value #JWKS_FETCH} (timer), tags {@code outcome} ({@code success}/{@code failure}) and
 *       {@code cause} ({@link KeyFetch.Cause#code()}: {@code first_load}, {@code refresh}, {@code unknown_key});</li>
 *   <li>{@value #JWKS_KEYS} (gauge): usable keys in memory;</li>
 *   <li>{@value #JWKS_KEY_AGE} (gauge, seconds): time since the last successful fetch, NaN before it;</li>
 *   <li>{@value #TOKEN_CACHE_SIZE} (gauge): tokens in the verified-token cache.</li>
 * </ul>
 * Tags take only those fixed values (every combination is registered at bind time), never a subject,
 * client id, organization id, scope or token. Counts are kept here, in adders indexed by enum ordinals, and
 * the registries read them: a verification costs one adder increment and allocates nothing, events heard
 * before binding are not lost, and one instance can be bound to several registries. The gauges read the
 * verifier's {@link LogtoStatus} when sampled.
 */
public final class LogtoMetrics implements LogtoListener, MeterBinder {

    /** The verification counter: {@value}. */
    public static final String VERIFICATIONS = "logto.token.verifications";
    /** The key fetch timer: {@value}. */
    public static final String JWKS_FETCH = "logto.jwks.fetch";
    /** The gauge of usable keys in memory: {@value}. */
    public static final String JWKS_KEYS = "logto.jwks.keys";
    /** The gauge of seconds since the last successful key fetch: {@value}. */
    public static final String JWKS_KEY_AGE = "logto.jwks.key.age";
    /** The gauge of tokens in the verified-token cache: {@value}. */
    public static final String TOKEN_CACHE_SIZE = "logto.token.cache.size";
    /** The {@code outcome} tag value of a verified token: {@value}. */
    public static final String VERIFIED = "verified";
    /** The {@code kind} tag value when the token's kind was not known: {@value}. */
    public static final String UNKNOWN_KIND = "unknown";

    private static final RejectionReason[] REASONS = RejectionReason.values();
    private static final TokenKind[] KINDS = TokenKind.values();
    private static final KeyFetch.Cause[] CAUSES = KeyFetch.Cause.values();
    /** Kind slots per outcome: the kinds, then "unknown". */
    private static final int KIND_SLOTS = KINDS.length + 1;

    private final Supplier<LogtoStatus> status;
    private final Clock clock;
    /** Index: outcome (0 = verified, 1 + reason ordinal) * KIND_SLOTS + kind ordinal (KINDS.length = unknown). */
    private final LongAdder[] verifications = adders((1 + REASONS.length) * KIND_SLOTS);
    /** Index: (0 = success, 1 = failure) * CAUSES.length + cause ordinal. */
    private final LongAdder[] fetchCounts = adders(2 * CAUSES.length);
    private final LongAdder[] fetchNanos = adders(2 * CAUSES.length);

    /**
     * Metrics whose gauges read the given status.
     *
     * @param status the verifier's status, e.g. {@code server::status}; read only when a gauge is sampled, so
     *               it may point at a server created later (before that it may return null: the gauges read NaN)
     */
    public LogtoMetrics(Supplier<LogtoStatus> status) {
        this(status, Clock.systemUTC());
    }

    /**
     * Metrics whose gauges read the given status, with a clock for the key age (for tests).
     *
     * @param status the verifier's status; see {@link #LogtoMetrics(Supplier)}
     * @param clock  the clock the key age is measured with
     */
    public LogtoMetrics(Supplier<LogtoStatus> status, Clock clock) {
        this.status = Objects.requireNonNull(status, "status");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Counts a verified token under {@code outcome=verified} and its kind. */
    @Override
    public void tokenVerified(TokenKind kind, boolean cached) {
        verifications[kindSlot(kind)].increment();
    }

    /** Counts a refused token under its reason code and its kind ({@code unknown} when null). */
    @Override
    public void tokenRejected(RejectionReason reason, TokenKind kind) {
        verifications[(1 + reason.ordinal()) * KIND_SLOTS + kindSlot(kind)].increment();
    }

    /** Records the fetch's duration under its outcome and cause. */
    @Override
    public void keysFetched(KeyFetch fetch) {
        int index = (fetch.succeeded() ? 0 : CAUSES.length) + fetch.cause().ordinal();
        fetchCounts[index].increment();
        fetchNanos[index].add(fetch.duration().toNanos());
    }

    /**
     * Registers every meter with the registry: all outcome x kind counters, all outcome x cause timers and
     * the three gauges. May be called for several registries.
     *
     * @param registry the registry
     */
    @Override
    public void bindTo(MeterRegistry registry) {
        for (int outcome = 0; outcome <= REASONS.length; outcome++) {
            String outcomeTag = outcome == 0 ? VERIFIED : REASONS[outcome - 1].code();
            for (int kind = 0; kind < KIND_SLOTS; kind++) {
                LongAdder adder = verifications[outcome * KIND_SLOTS + kind];
                FunctionCounter.builder(VERIFICATIONS, this, ignored -> adder.sum())
                        .description("Logto access tokens verified or refused")
                        .tags("outcome", outcomeTag, "kind", kind == KINDS.length ? UNKNOWN_KIND : tag(KINDS[kind]))
                        .register(registry);
            }
        }
        for (int failed = 0; failed < 2; failed++) {
            for (KeyFetch.Cause cause : CAUSES) {
                int index = failed * CAUSES.length + cause.ordinal();
                FunctionTimer.builder(JWKS_FETCH, this, ignored -> fetchCounts[index].sum(),
                                ignored -> fetchNanos[index].sum(), TimeUnit.NANOSECONDS)
                        .description("Logto JWKS fetches (discovery included)")
                        .tags("outcome", failed == 0 ? "success" : "failure", "cause", cause.code())
                        .register(registry);
            }
        }
        Gauge.builder(JWKS_KEYS, this, LogtoMetrics::keyCount)
                .description("Usable Logto signing keys in memory").register(registry);
        Gauge.builder(JWKS_KEY_AGE, this, LogtoMetrics::keyAgeSeconds).baseUnit("seconds")
                .description("Seconds since the Logto keys were last fetched successfully (NaN before)").register(registry);
        Gauge.builder(TOKEN_CACHE_SIZE, this, LogtoMetrics::tokenCacheSize)
                .description("Tokens in the Logto verified-token cache").register(registry);
    }

    private double keyCount() {
        LogtoStatus current = currentStatus();
        return current == null ? Double.NaN : current.keyCount();
    }

    private double keyAgeSeconds() {
        LogtoStatus current = currentStatus();
        Instant last = current == null ? null : current.lastSuccessfulFetch().orElse(null);
        return last == null ? Double.NaN : Duration.between(last, clock.instant()).toMillis() / 1000.0;
    }

    private double tokenCacheSize() {
        LogtoStatus current = currentStatus();
        return current == null ? Double.NaN : current.tokenCacheSize();
    }

    /** The status, or null when the verifier is not there (yet); a gauge must never throw. */
    private LogtoStatus currentStatus() {
        try {
            return status.get();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static int kindSlot(TokenKind kind) {
        return kind == null ? KINDS.length : kind.ordinal();
    }

    private static String tag(TokenKind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    private static LongAdder[] adders(int size) {
        LongAdder[] adders = new LongAdder[size];
        for (int i = 0; i < size; i++) {
            adders[i] = new LongAdder();
        }
        return adders;
    }
}
