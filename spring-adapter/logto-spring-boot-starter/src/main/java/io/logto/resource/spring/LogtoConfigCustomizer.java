package io.logto.resource.spring;

import io.logto.resource.core.LogtoConfig;

/**
 * Adjusts the configuration built from the {@code logto.*} properties before the
 * {@link io.logto.resource.core.LogtoResourceServer} is created, for what properties cannot say: an
 * {@link javax.net.ssl.SSLContext} or {@link java.net.Proxy} object, a {@link java.time.Clock}. Every bean of
 * this type is applied, in {@link org.springframework.core.annotation.Order} order; the starter itself uses
 * one for {@code logto.ssl-bundle}. Listeners need no customizer: every
 * {@link io.logto.resource.core.LogtoListener} bean is registered on its own.
 */
@FunctionalInterface
public interface LogtoConfigCustomizer {

    /**
     * Adjusts the builder.
     *
     * @param builder the builder, already holding the values of the {@code logto.*} properties
     */
    void customize(LogtoConfig.Builder builder);
}
