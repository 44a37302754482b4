package io.logto.resource.core.internal;

/** Exposes package-private constants of the key fetcher to tests in other packages. */
public final class NimbusJwksFetcherAccess {

    private NimbusJwksFetcherAccess() {
    }

    /** The cold-start back-off after a failed first fetch. */
    public static long coldStartBackoffMillis() {
        return NimbusJwksFetcher.COLD_START_BACKOFF_MILLIS;
    }
}
