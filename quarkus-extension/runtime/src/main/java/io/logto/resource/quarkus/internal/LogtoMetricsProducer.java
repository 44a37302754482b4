package io.logto.resource.quarkus.internal;

import io.logto.resource.core.LogtoResourceServer;
import io.logto.resource.micrometer.LogtoMetrics;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The {@link LogtoMetrics} bean: Quarkus Micrometer binds every {@code MeterBinder} bean to its registry, and
 * {@link LogtoOperations} registers it as the resource server's listener. Registered by the deployment processor
 * only with quarkus-micrometer.
 */
@Singleton
public class LogtoMetricsProducer {

    /**
     * The binder; its gauges read the resource server bean's status when sampled.
     *
     * @param logto the resource server bean, looked up lazily (it is created with this binder as its listener)
     * @return the binder
     */
    @Produces
    @Singleton
    public LogtoMetrics logtoMetrics(Instance<LogtoResourceServer> logto) {
        return new LogtoMetrics(() -> logto.get().status());
    }
}
