package io.logto.resource.core;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A point-in-time view of a verifier for health checks and gauges: the issuer, the keys in memory, the
 * last fetch, and the verified-token cache. {@link #isReady()} is the health verdict every adapter
 * uses: ready once a key set was loaded, and still ready while the key server fails (the keys in memory
 * keep the API working; the failure is in {@link #lastFetchError()}). Holds no token or secret. Immutable.
 */
public final class LogtoStatus {

    private final String issuer;
    private final String jwksLocation;
    private final int keyCount;
    private final Instant lastSuccessfulFetch;
    private final Instant lastFailedFetch;
    private final String lastFetchError;
    private final long tokenCacheSize;
    private final long tokenCacheHits;

    LogtoStatus(String issuer, String jwksLocation, int keyCount, Instant lastSuccessfulFetch, Instant lastFailedFetch,
                String lastFetchError, long tokenCacheSize, long tokenCacheHits) {
        this.issuer = issuer;
        this.jwksLocation = jwksLocation;
        this.keyCount = keyCount;
        this.lastSuccessfulFetch = lastSuccessfulFetch;
        this.lastFailedFetch = lastFailedFetch;
        this.lastFetchError = lastFetchError;
        this.tokenCacheSize = tokenCacheSize;
        this.tokenCacheHits = tokenCacheHits;
    }

    /** Whether a key set was ever loaded: UP for health checks; false (DOWN) before the first successful fetch. */
    public boolean isReady() {
        return lastSuccessfulFetch != null;
    }

    /** The primary issuer. */
    public String issuer() {
        return issuer;
    }

    /** Where keys are fetched from (the configured or discovered JWKS URL, or a note that discovery is pending). */
    public String jwksLocation() {
        return jwksLocation;
    }

    /** The number of usable keys in memory. */
    public int keyCount() {
        return keyCount;
    }

    /** When keys were last fetched successfully; empty before the first success. */
    public Optional<Instant> lastSuccessfulFetch() {
        return Optional.ofNullable(lastSuccessfulFetch);
    }

    /** When the last failed fetch ended, if the latest fetch failed; empty when the latest one succeeded. */
    public Optional<Instant> lastFailedFetch() {
        return Optional.ofNullable(lastFailedFetch);
    }

    /** Why the latest fetch failed, if it did (a sentence without secrets); empty when it succeeded. */
    public Optional<String> lastFetchError() {
        return Optional.ofNullable(lastFetchError);
    }

    /** The number of tokens in the verified-token cache (0 when the cache is off). */
    public long tokenCacheSize() {
        return tokenCacheSize;
    }

    /** How many verifications the cache answered since start. */
    public long tokenCacheHits() {
        return tokenCacheHits;
    }

    /**
     * The details a health endpoint shows, in a stable order: {@code issuer}, {@code jwks}, {@code keys},
     * {@code lastSuccessfulFetch}, and {@code lastFetchError} / {@code lastFailedFetch} when the latest
     * fetch failed. Values are strings and numbers only.
     *
     * @return a read-only map
     */
    public Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("issuer", issuer);
        details.put("jwks", jwksLocation);
        details.put("keys", keyCount);
        if (lastSuccessfulFetch != null) {
            details.put("lastSuccessfulFetch", lastSuccessfulFetch.toString());
        }
        if (lastFetchError != null) {
            details.put("lastFetchError", lastFetchError);
        }
        if (lastFailedFetch != null) {
            details.put("lastFailedFetch", lastFailedFetch.toString());
        }
        details.put("tokenCacheSize", tokenCacheSize);
        return java.util.Collections.unmodifiableMap(details);
    }

    /**
     * The health document for frameworks without a health API of their own (the servlet filter's
     * {@code LogtoHealthServlet}): {@code {"status":"UP"|"DOWN","details":{...}}} with {@link #details()}.
     *
     * @return the JSON text
     */
    public String toJson() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("status", isReady() ? "UP" : "DOWN");
        document.put("details", details());
        return io.logto.resource.core.internal.Json.write(document);
    }

    /** Readiness and key count. */
    @Override
    public String toString() {
        return "LogtoStatus[" + (isReady() ? "ready" : "not ready") + ", " + keyCount + " keys]";
    }
}
