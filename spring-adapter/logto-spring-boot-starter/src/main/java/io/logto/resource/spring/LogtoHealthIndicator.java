package io.logto.resource.spring;

import io.logto.resource.core.LogtoResourceServer;
import io.logto.resource.core.LogtoStatus;
import java.util.Objects;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Spring Boot Actuator's view of the Logto verifier, the {@code logto} component of {@code /actuator/health}:
 * UP once a key set was loaded (also while the key server fails: the keys in memory keep the API working,
 * and the failure shows in the details), DOWN before the first successful key fetch. The verdict is the
 * core's {@link LogtoStatus#isReady()} and the details are its {@link LogtoStatus#details()} (issuer, JWKS
 * location, key count, last successful fetch, last error, cache size; never a token or secret). Checking
 * never fetches keys.
 */
public final class LogtoHealthIndicator implements HealthIndicator {

    /** The name of the Actuator interface this class implements, for conditions that must not load it. */
    static final String HEALTH_INDICATOR = "org.springframework.boot.health.contributor.HealthIndicator";

    private final LogtoResourceServer logto;

    /**
     * A health indicator for a resource server.
     *
     * @param logto the resource server
     */
    public LogtoHealthIndicator(LogtoResourceServer logto) {
        this.logto = Objects.requireNonNull(logto, "logto");
    }

    /** UP or DOWN from the core's status, with its details. */
    @Override
    public Health health() {
        LogtoStatus status = logto.status();
        return (status.isReady() ? Health.up() : Health.down()).withDetails(status.details()).build();
    }
}
