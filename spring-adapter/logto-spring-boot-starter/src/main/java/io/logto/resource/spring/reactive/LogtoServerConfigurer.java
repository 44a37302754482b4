package io.logto.resource.spring.reactive;

import io.logto.resource.core.LogtoResourceServer;
import io.logto.resource.spring.reactive.internal.BearerTokenWebFilter;
import io.logto.resource.spring.reactive.internal.ServerMetadataWebFilter;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;

/**
 * Makes a reactive {@code SecurityWebFilterChain} of your own a Logto resource server. The auto-configuration
 * provides it as a bean; apply it first, then your own rules:
 *
 * <pre>{@code
 * @Bean
 * SecurityWebFilterChain api(ServerHttpSecurity http, LogtoServerConfigurer logto) {
 *     logto.customize(http);
 *     return http.authorizeExchange(exchanges -> exchanges
 *                     .pathMatchers(HttpMethod.GET, "/api/public").permitAll()
 *                     .anyExchange().authenticated())
 *             .csrf(ServerHttpSecurity.CsrfSpec::disable)
 *             .build();
 * }
 * }</pre>
 *
 * <p>It adds a filter that authenticates bearer tokens through {@link LogtoReactiveAuthenticationManager}
 * (requests without a token, or with a refused one, go on anonymously, so {@code permitAll()} routes ignore
 * the {@code Authorization} header; routes that need authentication answer with the token's own 401 or 400
 * challenge), sets {@link LogtoServerAuthenticationEntryPoint} and {@link LogtoServerAccessDeniedHandler} as
 * the chain's exception handling (your own {@code exceptionHandling(...)} call after it wins), and serves the
 * RFC 9728 metadata at {@code /.well-known/oauth-protected-resource} before any authorization rule. Session,
 * CSRF and authorization rules stay yours: a stateless token API usually disables CSRF, as above.
 */
public final class LogtoServerConfigurer implements Customizer<ServerHttpSecurity> {

    private final LogtoResourceServer logto;
    private final ReactiveAuthenticationManager authenticationManager;
    private final LogtoServerAuthenticationEntryPoint entryPoint;
    private final LogtoServerAccessDeniedHandler accessDeniedHandler;
    private final Supplier<Set<String>> endpointScopes;
    private volatile boolean metadataEndpoint = true;
    /** Chains already customized: Spring Security applies Customizer beans itself, and users call customize too. */
    private final Set<ServerHttpSecurity> customized = java.util.Collections.synchronizedSet(
            java.util.Collections.newSetFromMap(new java.util.WeakHashMap<>()));

    /**
     * Creates a configurer from its parts (the auto-configuration passes the application's beans).
     *
     * @param logto                 the resource server
     * @param authenticationManager verifies bearer-token requests
     * @param entryPoint            answers requests that need authentication
     * @param accessDeniedHandler   answers denials
     * @param endpointScopes        the scopes found on annotated endpoints, for the metadata's {@code scopes_supported}
     */
    public LogtoServerConfigurer(LogtoResourceServer logto, ReactiveAuthenticationManager authenticationManager,
                                 LogtoServerAuthenticationEntryPoint entryPoint,
                                 LogtoServerAccessDeniedHandler accessDeniedHandler,
                                 Supplier<Set<String>> endpointScopes) {
        this.logto = Objects.requireNonNull(logto, "logto");
        this.authenticationManager = Objects.requireNonNull(authenticationManager, "authenticationManager");
        this.entryPoint = Objects.requireNonNull(entryPoint, "entryPoint");
        this.accessDeniedHandler = Objects.requireNonNull(accessDeniedHandler, "accessDeniedHandler");
        this.endpointScopes = Objects.requireNonNull(endpointScopes, "endpointScopes");
    }

    /**
     * A configurer with the default components for one resource server, for chains built without the
     * auto-configuration.
     *
     * @param logto the resource server
     * @return the configurer
     */
    public static LogtoServerConfigurer of(LogtoResourceServer logto) {
        return new LogtoServerConfigurer(logto, new LogtoReactiveAuthenticationManager(logto),
                new LogtoServerAuthenticationEntryPoint(logto), new LogtoServerAccessDeniedHandler(logto), Set::of);
    }

    /**
     * Whether to serve {@code GET} and {@code HEAD} {@code /.well-known/oauth-protected-resource}.
     *
     * @param serve default true
     * @return this configurer
     */
    public LogtoServerConfigurer metadataEndpoint(boolean serve) {
        this.metadataEndpoint = serve;
        return this;
    }

    /**
     * Adds the bearer-token filter, the exception handling and, unless turned off, the metadata filter; once
     * per chain, however often it is applied (Spring Security also applies {@code Customizer} beans itself),
     * so a token is verified once per request.
     *
     * @param http the chain being built
     */
    @Override
    public void customize(ServerHttpSecurity http) {
        if (!customized.add(http)) {
            return;
        }
        http.addFilterAt(new BearerTokenWebFilter(authenticationManager), SecurityWebFiltersOrder.AUTHENTICATION);
        http.exceptionHandling(exceptions -> exceptions
                .authenticationEntryPoint(entryPoint)
                .accessDeniedHandler(accessDeniedHandler));
        if (metadataEndpoint) {
            http.addFilterBefore(new ServerMetadataWebFilter(logto, endpointScopes), SecurityWebFiltersOrder.AUTHENTICATION);
        }
    }
}
