package io.logto.resource.core;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One JWKS fetch as {@link LogtoListener#keysFetched(KeyFetch)} reports it: why it happened, whether it
 * succeeded, how long it took and how many usable keys it brought. Immutable.
 */
public final class KeyFetch {

    /** Why keys were fetched. */
    public enum Cause {
        /** No key set was held yet: the first request, or a prefetch at startup. */
        FIRST_LOAD,
        /** The cached set was close to expiry and refreshed in the background (or expired). */
        REFRESH,
        /** A token named a {@code kid} the cached set does not hold (rate-limited). */
        UNKNOWN_KEY;

        /** The lower-case tag value, e.g. {@code unknown_key}. */
        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final Cause cause;
    private final boolean succeeded;
    private final Duration duration;
    private final int keyCount;
    private final String error;

    private KeyFetch(Cause cause, boolean succeeded, Duration duration, int keyCount, String error) {
        this.cause = Objects.requireNonNull(cause, "cause");
        this.succeeded = succeeded;
        this.duration = Objects.requireNonNull(duration, "duration");
        this.keyCount = keyCount;
        this.error = error;
    }

    /**
     * A successful fetch.
     *
     * @param cause    why it happened
     * @param duration how long it took
     * @param keyCount usable keys fetched
     * @return the fetch
     */
    public static KeyFetch succeeded(Cause cause, Duration duration, int keyCount) {
        return new KeyFetch(cause, true, duration, keyCount, null);
    }

    /**
     * A failed fetch.
     *
     * @param cause    why it happened
     * @param duration how long it took until it failed
     * @param error    why it failed, without secrets
     * @return the fetch
     */
    public static KeyFetch failed(Cause cause, Duration duration, String error) {
        return new KeyFetch(cause, false, duration, 0, Objects.requireNonNull(error, "error"));
    }

    /** Why the keys were fetched. */
    public Cause cause() {
        return cause;
    }

    /** Whether a usable key set arrived. */
    public boolean succeeded() {
        return succeeded;
    }

    /** How long the fetch took, discovery included. */
    public Duration duration() {
        return duration;
    }

    /** The number of usable keys fetched; 0 when the fetch failed. */
    public int keyCount() {
        return keyCount;
    }

    /** Why the fetch failed (a sentence such as "Read timed out", with the URL; no secrets); empty on success. */
    public Optional<String> error() {
        return Optional.ofNullable(error);
    }

    /** Cause, outcome, duration and key count. */
    @Override
    public String toString() {
        return "KeyFetch[" + cause + ", " + (succeeded ? keyCount + " keys" : "failed") + ", " + duration.toMillis() + " ms]";
    }
}
