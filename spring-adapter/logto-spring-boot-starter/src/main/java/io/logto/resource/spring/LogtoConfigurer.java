package io.logto.resource.spring;

import io.logto.resource.core.LogtoResourceServer;
import io.logto.resource.spring.internal.BearerAuthenticationConverter;
import io.logto.resource.spring.internal.BearerTokenAuthenticationFilter;
import io.logto.resource.spring.internal.LogtoEndpointScan;
import io.logto.resource.spring.internal.ProtectedResourceMetadataFilter;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.CsrfConfigurer;
import org.springframework.security.config.annotation.web.configurers.ExceptionHandlingConfigurer;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;

/**
 * Makes a {@link org.springframework.security.web.SecurityFilterChain} of your own a Logto resource server,
 * the way {@code oauth2ResourceServer()} does for plain JWTs:
 *
 * <pre>{@code
 * @Bean
 * SecurityFilterChain api(HttpSecurity http) throws Exception {
 *     return http.with(LogtoConfigurer.logto())
 *             .authorizeHttpRequests(requests -> requests
 *                     .requestMatchers("/api/public").permitAll()
 *                     .anyRequest().authenticated())
 *             .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
 *             .csrf(csrf -> csrf.disable())
 *             .build();
 * }
 * }</pre>
 *
 * <p>It adds a filter that authenticates bearer tokens through {@link LogtoAuthenticationProvider} (requests
 * without a token, or with a refused one, go on anonymously, so {@code permitAll()} routes stay reachable;
 * routes that need authentication answer with the token's own 401 or 400 challenge), registers
 * {@link LogtoAuthenticationEntryPoint} and {@link LogtoAccessDeniedHandler} as the chain's defaults (your own
 * {@code exceptionHandling(...)} settings win), serves the RFC 9728 metadata at
 * {@code /.well-known/oauth-protected-resource} before any authorization rule, and lets requests carrying a
 * bearer token pass CSRF protection. Session policy and authorization rules stay yours. The components are
 * the application's beans when present.
 */
public final class LogtoConfigurer extends AbstractHttpConfigurer<LogtoConfigurer, HttpSecurity> {

    private final LogtoResourceServer explicitServer;
    private boolean metadataEndpoint = true;
    private LogtoResourceServer logto;

    private LogtoConfigurer(LogtoResourceServer server) {
        this.explicitServer = server;
    }

    /** A configurer using the application's {@link LogtoResourceServer} bean. */
    public static LogtoConfigurer logto() {
        return new LogtoConfigurer(null);
    }

    /**
     * A configurer using a given resource server instead of the application's bean.
     *
     * @param server the resource server
     * @return the configurer
     */
    public static LogtoConfigurer logto(LogtoResourceServer server) {
        return new LogtoConfigurer(Objects.requireNonNull(server, "server"));
    }

    /**
     * Whether to serve {@code GET} and {@code HEAD} {@code /.well-known/oauth-protected-resource}.
     *
     * @param serve default true
     * @return this configurer
     */
    public LogtoConfigurer metadataEndpoint(boolean serve) {
        this.metadataEndpoint = serve;
        return this;
    }

    /**
     * Registers the entry point and access-denied handler as defaults and exempts bearer requests from CSRF.
     *
     * @throws IllegalStateException when there is no {@link LogtoResourceServer} to use
     */
    @Override
    public void init(HttpSecurity http) {
        ApplicationContext context = http.getSharedObject(ApplicationContext.class);
        logto = explicitServer != null ? explicitServer : requireServer(context);
        @SuppressWarnings("unchecked")
        ExceptionHandlingConfigurer<HttpSecurity> exceptions = http.getConfigurer(ExceptionHandlingConfigurer.class);
        if (exceptions != null) {
            exceptions.defaultAuthenticationEntryPointFor(
                    bean(context, LogtoAuthenticationEntryPoint.class, () -> new LogtoAuthenticationEntryPoint(logto)),
                    AnyRequestMatcher.INSTANCE);
            exceptions.defaultAccessDeniedHandlerFor(
                    bean(context, LogtoAccessDeniedHandler.class, () -> new LogtoAccessDeniedHandler(logto)),
                    AnyRequestMatcher.INSTANCE);
        }
        @SuppressWarnings("unchecked")
        CsrfConfigurer<HttpSecurity> csrf = http.getConfigurer(CsrfConfigurer.class);
        if (csrf != null) {
            csrf.ignoringRequestMatchers(BearerAuthenticationConverter::hasBearer);
        }
    }

    /** Adds the bearer-token authentication filter and, unless turned off, the metadata filter. */
    @Override
    public void configure(HttpSecurity http) {
        ApplicationContext context = http.getSharedObject(ApplicationContext.class);
        ProviderManager manager = new ProviderManager(
                bean(context, LogtoAuthenticationProvider.class, () -> new LogtoAuthenticationProvider(logto)));
        if (context != null) {
            context.getBeanProvider(AuthenticationEventPublisher.class).ifAvailable(manager::setAuthenticationEventPublisher);
        }
        http.addFilterBefore(postProcess(new BearerTokenAuthenticationFilter(manager, getSecurityContextHolderStrategy())),
                BasicAuthenticationFilter.class);
        if (metadataEndpoint) {
            LogtoEndpointScan scan = bean(context, LogtoEndpointScan.class, () -> null);
            Supplier<Set<String>> scopes = scan == null ? Set::of : scan::scopes;
            http.addFilterAfter(new ProtectedResourceMetadataFilter(logto, scopes), CsrfFilter.class);
        }
    }

    private static LogtoResourceServer requireServer(ApplicationContext context) {
        LogtoResourceServer server = bean(context, LogtoResourceServer.class, () -> null);
        if (server == null) {
            throw new IllegalStateException("LogtoConfigurer needs a LogtoResourceServer: let LogtoAutoConfiguration "
                    + "create it from the logto.* properties, declare a bean, or pass one to LogtoConfigurer.logto(server)");
        }
        return server;
    }

    private static <T> T bean(ApplicationContext context, Class<T> type, Supplier<T> fallback) {
        return context == null ? fallback.get() : context.getBeanProvider(type).getIfAvailable(fallback);
    }
}
