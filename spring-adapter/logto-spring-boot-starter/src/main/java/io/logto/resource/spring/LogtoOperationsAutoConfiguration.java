package io.logto.resource.spring;

import io.logto.resource.core.LogtoResourceServer;
import io.logto.resource.micrometer.LogtoMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Operations for the Logto resource server, each switched on by what the application has: with Spring Boot
 * Actuator's health support, the {@code logto} health component ({@link LogtoHealthIndicator}); with a
 * Micrometer {@link MeterRegistry} bean, the {@link LogtoMetrics} binder, which the resource server takes as
 * its listener; with {@code logto.ssl-bundle}, the named Spring Boot SSL bundle's {@code SSLContext} for
 * discovery and JWKS requests. Without Actuator nothing here is created and nothing extra is required. Every
 * bean backs off when the application defines its own.
 */
// Spring Boot 4 names, then Spring Boot 3.5 names (logto-spring-boot3-starter compiles this class too).
@AutoConfiguration(after = LogtoAutoConfiguration.class, afterName = {
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration",
        "org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration"},
        beforeName = {"org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration",
                "org.springframework.boot.actuate.autoconfigure.health.HealthContributorAutoConfiguration"})
@ConditionalOnClass(LogtoResourceServer.class)
public final class LogtoOperationsAutoConfiguration {

    /** The property naming the SSL bundle that key requests trust: {@value}. */
    public static final String SSL_BUNDLE_PROPERTY = LogtoAutoConfiguration.PROPERTY_PREFIX + "ssl-bundle";

    /**
     * Trusts what the SSL bundle named by {@code logto.ssl-bundle} trusts when fetching discovery and keys,
     * e.g. a private CA of a self-hosted Logto.
     *
     * @param bundles     the application's SSL bundles ({@code spring.ssl.bundle.*})
     * @param environment the environment holding {@code logto.ssl-bundle}
     * @return the customizer
     */
    @Bean
    @ConditionalOnProperty(SSL_BUNDLE_PROPERTY)
    @ConditionalOnMissingBean(name = "logtoSslBundleCustomizer")
    LogtoConfigCustomizer logtoSslBundleCustomizer(ObjectProvider<SslBundles> bundles, Environment environment) {
        String name = environment.getRequiredProperty(SSL_BUNDLE_PROPERTY).strip();
        return builder -> builder.sslContext(bundles.getObject().getBundle(name).createSslContext());
    }

    /** The {@code logto} health component. */
    @Configuration(proxyBeanMethods = false)
    // Actuator's HealthIndicator, named by the version-specific LogtoHealthIndicator (Boot 4 and Boot 3.5 differ)
    @ConditionalOnClass(name = LogtoHealthIndicator.HEALTH_INDICATOR)
    @ConditionalOnBean(LogtoResourceServer.class)
    static class HealthConfiguration {

        @Bean
        @ConditionalOnMissingBean(name = "logtoHealthIndicator")
        LogtoHealthIndicator logtoHealthIndicator(LogtoResourceServer logto) {
            return new LogtoHealthIndicator(logto);
        }
    }

    /** The Micrometer binder, registered with the registry and as the resource server's listener. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({MeterRegistry.class, LogtoMetrics.class})
    @ConditionalOnBean(MeterRegistry.class)
    static class MetricsConfiguration {

        @Bean
        @ConditionalOnMissingBean
        LogtoMetrics logtoMetrics(ObjectProvider<LogtoResourceServer> logto) {
            return new LogtoMetrics(() -> logto.getObject().status());
        }
    }
}
