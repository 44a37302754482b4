package io.logto.resource.micronaut.internal;

import io.logto.resource.core.LogtoResourceServer;
import io.logto.resource.micrometer.LogtoMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/**
 * With Micronaut Micrometer (a {@link MeterRegistry} bean), the {@link LogtoMetrics} binder: Micronaut Micrometer
 * binds every {@code MeterBinder} bean to its registries, and {@link LogtoConfigListeners} registers it as the
 * resource server's listener. Replace it with
 * {@code @Replaces(LogtoMetrics.class)}.
 */
@Factory
@Requires(classes = {MeterRegistry.class, LogtoMetrics.class})
@Requires(beans = MeterRegistry.class)
final class LogtoMetricsFactory {

    @Singleton
    LogtoMetrics logtoMetrics(BeanProvider<LogtoResourceServer> logto) {
        return new LogtoMetrics(() -> logto.get().status());
    }
}
