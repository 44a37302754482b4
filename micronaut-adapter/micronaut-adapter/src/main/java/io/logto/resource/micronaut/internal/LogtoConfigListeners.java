package io.logto.resource.micronaut.internal;

import io.logto.resource.core.LogtoConfig;
import io.logto.resource.core.LogtoListener;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.io.ResourceResolver;
import io.micronaut.http.ssl.ClientSslConfiguration;
import io.micronaut.http.ssl.SslConfiguration;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Completes the {@link LogtoConfig} bean with what properties cannot carry: every {@link LogtoListener} bean
 * (such as the Micrometer binder; several are combined with {@link LogtoListener#of(List)}) and, when
 * Micronaut's HTTP client has a trust store ({@code micronaut.http.client.ssl.trust-store.*}), an
 * {@link SSLContext} trusting it for discovery and JWKS requests (a self-hosted Logto with a private CA).
 */
@Singleton
final class LogtoConfigListeners implements BeanCreatedEventListener<LogtoConfig> {

    private final BeanProvider<LogtoListener> listeners;
    private final BeanProvider<ClientSslConfiguration> clientSsl;
    private final ResourceResolver resources;

    LogtoConfigListeners(BeanProvider<LogtoListener> listeners, BeanProvider<ClientSslConfiguration> clientSsl,
                         ResourceResolver resources) {
        this.listeners = listeners;
        this.clientSsl = clientSsl;
        this.resources = resources;
    }

    @Override
    public LogtoConfig onCreated(BeanCreatedEvent<LogtoConfig> event) {
        List<LogtoListener> all = listeners.stream().toList();
        Optional<SSLContext> ssl = clientSsl.find(null).map(ClientSslConfiguration::getTrustStore)
                .flatMap(this::trusting);
        if (all.isEmpty() && ssl.isEmpty()) {
            return event.getBean();
        }
        LogtoConfig.Builder config = LogtoConfig.from(event.getBean());
        if (!all.isEmpty()) {
            config.listener(LogtoListener.of(all));
        }
        ssl.ifPresent(config::sslContext);
        return config.build();
    }

    private Optional<SSLContext> trusting(SslConfiguration.TrustStoreConfiguration trustStore) {
        Optional<String> path = trustStore.getPath();
        if (path.isEmpty()) {
            return Optional.empty();
        }
        try (InputStream in = resources.getResourceAsStream(path.get()).orElseThrow(() ->
                new IllegalArgumentException("micronaut.http.client.ssl.trust-store.path " + path.get() + " was not found"))) {
            KeyStore store = KeyStore.getInstance(trustStore.getType().orElse(KeyStore.getDefaultType()));
            store.load(in, trustStore.getPassword().map(String::toCharArray).orElse(null));
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return Optional.of(context);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("micronaut.http.client.ssl.trust-store could not be read for Logto key requests: "
                    + e.getMessage(), e);
        }
    }
}
