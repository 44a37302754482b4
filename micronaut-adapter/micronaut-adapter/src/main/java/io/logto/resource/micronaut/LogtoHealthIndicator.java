package io.logto.resource.micronaut;

import io.logto.resource.core.LogtoResourceServer;
import io.logto.resource.core.LogtoStatus;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.endpoint.health.HealthEndpoint;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

/**
 * The {@code logto} component of Micronaut's {@code /health} (and of {@code /health/readiness}): UP once a key
 * set was loaded (also while the key server fails: the keys in memory keep the API working, and the failure
 * shows in the details), DOWN before the first successful key fetch. The verdict is the core's
 * {@link LogtoStatus#isReady()}, the details its {@link LogtoStatus#details()} (issuer, JWKS location, key
 * count, last successful fetch, last error, cache size; never a token or secret). Checking never fetches
 * keys. Present only with {@code micronaut-management} and its health endpoint enabled.
 */
@Singleton
@Readiness
@Requires(classes = HealthIndicator.class)
@Requires(beans = HealthEndpoint.class)
public final class LogtoHealthIndicator implements HealthIndicator {

    /** The component name: {@value}. */
    public static final String NAME = "logto";

    private final LogtoResourceServer logto;

    /**
     * A health indicator for the application's resource server.
     *
     * @param logto the resource server
     */
    public LogtoHealthIndicator(LogtoResourceServer logto) {
        this.logto = logto;
    }

    /** UP or DOWN from the core's status, with its details. */
    @Override
    public Publisher<HealthResult> getResult() {
        LogtoStatus status = logto.status();
        return Publishers.just(HealthResult.builder(NAME, status.isReady() ? HealthStatus.UP : HealthStatus.DOWN)
                .details(status.details()).build());
    }
}
