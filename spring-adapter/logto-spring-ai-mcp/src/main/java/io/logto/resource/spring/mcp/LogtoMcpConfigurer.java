package io.logto.resource.spring.mcp;

import io.logto.resource.spring.mcp.internal.McpAuthorizationFilter;
import io.logto.resource.spring.mcp.internal.McpGuard;
import io.logto.resource.spring.mcp.internal.McpMetadataFilter;
import org.springframework.context.ApplicationContext;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.csrf.CsrfFilter;

/**
 * Protects the Spring AI MCP endpoint of a {@link org.springframework.security.web.SecurityFilterChain} of your
 * own, next to {@link io.logto.resource.spring.LogtoConfigurer} (which authenticates the bearer token):
 *
 * <pre>{@code
 * @Bean
 * SecurityFilterChain api(HttpSecurity http) throws Exception {
 *     return http.with(LogtoConfigurer.logto())
 *             .with(LogtoMcpConfigurer.mcp())
 *             .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
 *             .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
 *             .csrf(csrf -> csrf.disable())
 *             .build();
 * }
 * }</pre>
 *
 * <p>It adds two filters. Before any authorization rule: the RFC 9728 metadata at
 * {@code /.well-known/oauth-protected-resource} and at the path form announced in challenges (for
 * {@code logto.audience=https://host/mcp}: {@code /.well-known/oauth-protected-resource/mcp}), listing the
 * tools' scopes. In front of the MCP endpoint: a valid token on every request (401 with a {@code scope} hint
 * otherwise), sessions bound to the caller that opened them, each {@code tools/call} decided against the tool's
 * {@code @RequireScopes} / {@code @RequireOrganizationApiScopes} (403 {@code insufficient_scope} naming that
 * tool's scopes; the tool never runs), and {@code tools/list} answers showing only the tools the token may call.
 * Without a chain of your own, the auto-configuration installs one like the above.
 */
public final class LogtoMcpConfigurer extends AbstractHttpConfigurer<LogtoMcpConfigurer, HttpSecurity> {

    private LogtoMcpConfigurer() {
    }

    /** A configurer using the application's MCP protection (from {@code LogtoMcpAutoConfiguration}). */
    public static LogtoMcpConfigurer mcp() {
        return new LogtoMcpConfigurer();
    }

    /**
     * Adds the metadata filter and the MCP endpoint filter.
     *
     * @throws IllegalStateException when the MCP protection bean is missing (the auto-configuration was excluded)
     */
    @Override
    public void configure(HttpSecurity http) {
        ApplicationContext context = http.getSharedObject(ApplicationContext.class);
        McpGuard guard = context == null ? null : context.getBeanProvider(McpGuard.class).getIfAvailable();
        if (guard == null) {
            throw new IllegalStateException("LogtoMcpConfigurer needs LogtoMcpAutoConfiguration (a Spring AI MCP server"
                    + " on the classpath, a servlet web application, logto.mcp.enabled not false)");
        }
        http.addFilterBefore(new McpMetadataFilter(guard), CsrfFilter.class);
        http.addFilterBefore(new McpAuthorizationFilter(guard, getSecurityContextHolderStrategy()), AuthorizationFilter.class);
    }
}
