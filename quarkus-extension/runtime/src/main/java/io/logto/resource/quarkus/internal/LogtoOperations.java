package io.logto.resource.quarkus.internal;

import io.logto.resource.core.LogtoConfig;
import io.logto.resource.core.LogtoListener;
import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.quarkus.tls.TlsConfiguration;
import io.quarkus.tls.TlsConfigurationRegistry;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLContext;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Completes the configuration read from {@code quarkus.logto.*} with what properties cannot carry: every
 * {@link LogtoListener} bean (the Micrometer binder with quarkus-micrometer, the application's own), and the
 * {@code SSLContext} of the Quarkus TLS configuration named by {@value #TLS_CONFIGURATION_NAME}.
 */
final class LogtoOperations {

    /** The property naming a Quarkus TLS registry configuration for key requests: {@value}. */
    static final String TLS_CONFIGURATION_NAME = LogtoRecorder.PREFIX + "tls-configuration-name";

    private LogtoOperations() {
    }

    static LogtoConfig complete(LogtoConfig config) {
        List<LogtoListener> listeners = Arc.container().select(LogtoListener.class).handlesStream()
                .map(InstanceHandle::get).map(LogtoListener.class::cast).toList();
        Optional<String> tls = ConfigProvider.getConfig().getOptionalValue(TLS_CONFIGURATION_NAME, String.class)
                .filter(name -> !name.isBlank());
        if (listeners.isEmpty() && tls.isEmpty()) {
            return config;
        }
        LogtoConfig.Builder builder = LogtoConfig.from(config);
        if (!listeners.isEmpty()) {
            builder.listener(LogtoListener.of(listeners));
        }
        tls.ifPresent(name -> builder.sslContext(sslContext(name.strip())));
        return builder.build();
    }

    /**
     * The named TLS configuration's context, resolved on first use (the registry is not ready at runtime init); an
     * unknown name fails startup here, from the configuration.
     */
    private static SSLContext sslContext(String name) {
        String prefix = "quarkus.tls." + name + ".";
        boolean configured = false;
        for (String property : ConfigProvider.getConfig().getPropertyNames()) {
            if (property.startsWith(prefix)) {
                configured = true;
                break;
            }
        }
        if (!configured) {
            throw unknown(name);
        }
        return new DeferredSslContext(() -> {
            TlsConfiguration tls = Arc.container().instance(TlsConfigurationRegistry.class).get().get(name)
                    .orElseThrow(() -> unknown(name));
            try {
                return tls.createSSLContext();
            } catch (Exception e) {
                throw new IllegalStateException(TLS_CONFIGURATION_NAME + ": the TLS configuration '" + name
                        + "' could not be turned into an SSLContext: " + e.getMessage(), e);
            }
        });
    }

    private static ConfigurationException unknown(String name) {
        return new ConfigurationException(TLS_CONFIGURATION_NAME + " names '" + name
                + "', which is not a configured TLS configuration (quarkus.tls." + name + ".*)", Set.of(TLS_CONFIGURATION_NAME));
    }
}
