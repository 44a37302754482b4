package io.logto.resource.spring.mcp;

import io.logto.resource.core.LogtoResourceServer;
import io.logto.resource.spring.LogtoAutoConfiguration;
import io.logto.resource.spring.LogtoConfigurer;
import io.logto.resource.spring.internal.LogtoEndpointScan;
import io.logto.resource.spring.mcp.internal.McpGuard;
import io.logto.resource.spring.mcp.internal.McpToolRequirements;
import io.logto.resource.spring.mcp.internal.ToolMethodsOutsideMethodSecurity;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.security.autoconfigure.web.servlet.ConditionalOnDefaultWebSecurity;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.util.unit.DataSize;

/**
 * Protects a Spring AI MCP server (WebMVC, streamable HTTP) with Logto: reads the tools' Logto annotations once
 * (the registry fails startup on an unusable one), keeps tool methods out of the starter's method security
 * (the MCP filter decides them), and, without a {@link SecurityFilterChain} of your own, installs a default
 * chain with {@link LogtoConfigurer} and {@link LogtoMcpConfigurer} (every request authenticated, stateless,
 * CSRF off) in place of the starter's.
 *
 * <p>Properties: {@code logto.mcp.enabled} (default true), {@code logto.mcp.endpoint} (default
 * {@code spring.ai.mcp.server.streamable-http.mcp-endpoint}, else {@code /mcp}), {@code logto.mcp.scope-hint}
 * (the {@code scope} of 401 answers; default the scopes of the tools that need a global API token; empty for
 * none), {@code logto.mcp.max-request-size} (largest {@code POST} body read, default 4MB).
 */
@AutoConfiguration(before = LogtoAutoConfiguration.class)
@ConditionalOnClass(name = {"io.modelcontextprotocol.server.McpSyncServer",
        "org.springframework.security.web.SecurityFilterChain"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBooleanProperty(name = "logto.mcp.enabled", matchIfMissing = true)
public final class LogtoMcpAutoConfiguration {

    /** The default largest {@code POST} body the MCP filter reads: 4 MB. */
    public static final DataSize DEFAULT_MAX_REQUEST_SIZE = DataSize.ofMegabytes(4);

    /**
     * The tools' Logto requirements, read once every singleton exists.
     *
     * @param beans the application context
     * @return the registry
     */
    @Bean
    @ConditionalOnMissingBean
    public McpToolRequirements logtoMcpToolRequirements(ListableBeanFactory beans) {
        return new McpToolRequirements(beans);
    }

    /**
     * The MCP protection's settings and state, from the {@code logto.mcp.*} properties.
     *
     * @param logto       the resource server
     * @param tools       the tools' requirements
     * @param environment the application's environment
     * @param endpoints   the starter's scan of annotated MVC endpoints, for the metadata's scopes
     * @return the shared state of the MCP filters
     * @throws IllegalArgumentException when a scope of {@code logto.mcp.scope-hint} is invalid
     */
    @Bean
    @ConditionalOnMissingBean
    public McpGuard logtoMcpGuard(LogtoResourceServer logto, McpToolRequirements tools, Environment environment,
                                  ObjectProvider<LogtoEndpointScan> endpoints) {
        Binder binder = Binder.get(environment);
        String endpoint = binder.bind("logto.mcp.endpoint", String.class)
                .orElseGet(() -> binder.bind("spring.ai.mcp.server.streamable-http.mcp-endpoint", String.class).orElse("/mcp"));
        List<String> hint = binder.bind("logto.mcp.scope-hint", Bindable.listOf(String.class)).orElse(null);
        if (hint == null && environment.containsProperty("logto.mcp.scope-hint")) {
            hint = List.of(); // set but empty: no hint
        }
        DataSize max = binder.bind("logto.mcp.max-request-size", DataSize.class).orElse(DEFAULT_MAX_REQUEST_SIZE);
        return new McpGuard(logto, tools, endpoint, hint, (int) Math.min(Integer.MAX_VALUE, max.toBytes()),
                () -> endpoints.stream().findFirst().map(LogtoEndpointScan::scopes).orElse(Set.of()));
    }

    /**
     * Keeps tool methods out of the starter's method security.
     *
     * @return the post-processor of the {@code logtoAuthorizationAdvisor} bean
     */
    @Bean
    public static ToolMethodsOutsideMethodSecurity logtoMcpToolMethodsOutsideMethodSecurity() {
        return new ToolMethodsOutsideMethodSecurity();
    }

    /**
     * The default chain when the application declares none: Logto bearer tokens, the MCP protection, every
     * request authenticated, stateless, CSRF off.
     *
     * @param http Spring Security's builder
     * @return the chain
     * @throws Exception when Spring Security cannot build it
     */
    @Bean
    @Order(SecurityFilterProperties.BASIC_AUTH_ORDER)
    @ConditionalOnDefaultWebSecurity
    @ConditionalOnClass(HttpSecurity.class)
    public SecurityFilterChain logtoMcpSecurityFilterChain(HttpSecurity http) throws Exception {
        return http.with(LogtoConfigurer.logto())
                .with(LogtoMcpConfigurer.mcp())
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                .build();
    }
}
