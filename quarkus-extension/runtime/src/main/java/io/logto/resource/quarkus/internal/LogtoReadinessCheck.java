package io.logto.resource.quarkus.internal;

import io.logto.resource.core.LogtoResourceServer;
import io.logto.resource.core.LogtoStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * The {@code logto} readiness check of {@code /q/health/ready}: UP once a key set was loaded (also while the key
 * server fails, with the failure in the data), DOWN before the first successful key fetch; the data is the core's
 * {@link LogtoStatus#details()}. Registered by the deployment processor only with quarkus-smallrye-health.
 */
@Readiness
@ApplicationScoped
public class LogtoReadinessCheck implements HealthCheck {

    /** The check's name: {@value}. */
    public static final String NAME = "logto";

    private final LogtoResourceServer logto;

    /**
     * A check of the application's resource server.
     *
     * @param logto the resource server
     */
    public LogtoReadinessCheck(LogtoResourceServer logto) {
        this.logto = logto;
    }

    /** UP or DOWN from the core's status, with its details as data. */
    @Override
    public HealthCheckResponse call() {
        LogtoStatus status = logto.status();
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).status(status.isReady());
        for (Map.Entry<String, Object> detail : status.details().entrySet()) {
            if (detail.getValue() instanceof Number number) {
                response.withData(detail.getKey(), number.longValue());
            } else {
                response.withData(detail.getKey(), String.valueOf(detail.getValue()));
            }
        }
        return response.build();
    }
}
