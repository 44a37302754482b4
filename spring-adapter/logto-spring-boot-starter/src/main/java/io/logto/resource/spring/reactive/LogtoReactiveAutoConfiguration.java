package io.logto.resource.spring.reactive;

import io.logto.resource.core.LogtoResourceServer;
import io.logto.resource.spring.LogtoAutoConfiguration;
import io.logto.resource.spring.internal.LogtoMethodSecurityRegistrar;
import io.logto.resource.spring.reactive.internal.AccessRefusedWebExceptionHandler;
import io.logto.resource.spring.reactive.internal.LogtoReactiveMethodAuthorizationManager;
import io.logto.resource.spring.reactive.internal.LogtoWebFluxConfigurer;
import io.logto.resource.spring.reactive.internal.ReactiveEndpointScan;
import java.util.Set;
import org.springframework.aop.Advisor;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Role;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;

/**
 * Makes a Spring WebFlux application a Logto resource server through Spring Security's
 * {@link ServerHttpSecurity}. In a reactive web application it adds, beside the {@link LogtoResourceServer} of
 * {@link LogtoAutoConfiguration}: the {@link LogtoReactiveAuthenticationManager},
 * {@link LogtoServerAuthenticationEntryPoint}, {@link LogtoServerAccessDeniedHandler}, the
 * {@link LogtoServerConfigurer} for chains of your own, reactive method security for the three
 * {@code @Require*} annotations, {@code VerifiedToken} handler parameters, the answer to
 * {@code AccessRefusedException}, and a default stateless {@link SecurityWebFilterChain} (every exchange
 * authenticated, CSRF off). Every bean backs off when the application defines its own; the default chain backs
 * off when the application defines any {@link SecurityWebFilterChain}.
 */
@AutoConfiguration(after = LogtoAutoConfiguration.class, beforeName = {
        "org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnClass({LogtoResourceServer.class, ServerHttpSecurity.class, SecurityWebFilterChain.class,
        RequestMappingHandlerMapping.class})
@ConditionalOnBean(LogtoResourceServer.class)
@Import(LogtoMethodSecurityRegistrar.class)
public final class LogtoReactiveAutoConfiguration {

    /** Creates the auto-configuration; Spring Boot does. */
    public LogtoReactiveAutoConfiguration() {
    }

    /**
     * Verifies bearer tokens without blocking.
     *
     * @param logto the resource server
     * @return the authentication manager
     */
    @Bean
    @ConditionalOnMissingBean
    public LogtoReactiveAuthenticationManager logtoReactiveAuthenticationManager(LogtoResourceServer logto) {
        return new LogtoReactiveAuthenticationManager(logto);
    }

    /**
     * Answers requests that need a token with the core's 401 or 400.
     *
     * @param logto the resource server
     * @return the entry point
     */
    @Bean
    @ConditionalOnMissingBean
    public LogtoServerAuthenticationEntryPoint logtoServerAuthenticationEntryPoint(LogtoResourceServer logto) {
        return new LogtoServerAuthenticationEntryPoint(logto);
    }

    /**
     * Answers denials with the core's 403.
     *
     * @param logto the resource server
     * @return the handler
     */
    @Bean
    @ConditionalOnMissingBean
    public LogtoServerAccessDeniedHandler logtoServerAccessDeniedHandler(LogtoResourceServer logto) {
        return new LogtoServerAccessDeniedHandler(logto);
    }

    /**
     * Reads the annotated handler methods for the metadata's scopes and checks them at startup.
     *
     * @param beans the application context
     * @return the scan
     */
    @Bean
    @ConditionalOnMissingBean
    public ReactiveEndpointScan logtoReactiveEndpointScan(ListableBeanFactory beans) {
        return new ReactiveEndpointScan(beans);
    }

    /**
     * Applies Logto to a {@link ServerHttpSecurity}.
     *
     * @param logto               the resource server
     * @param authenticationManager verifies tokens
     * @param entryPoint          answers requests that need a token
     * @param accessDeniedHandler answers denials
     * @param scan                the scopes found on endpoints
     * @return the configurer
     */
    @Bean
    @ConditionalOnMissingBean
    public LogtoServerConfigurer logtoServerConfigurer(LogtoResourceServer logto,
                                                       LogtoReactiveAuthenticationManager authenticationManager,
                                                       LogtoServerAuthenticationEntryPoint entryPoint,
                                                       LogtoServerAccessDeniedHandler accessDeniedHandler,
                                                       ObjectProvider<ReactiveEndpointScan> scan) {
        return new LogtoServerConfigurer(logto, authenticationManager, entryPoint, accessDeniedHandler, () -> {
            ReactiveEndpointScan endpoints = scan.getIfAvailable();
            return endpoints == null ? Set.of() : endpoints.scopes();
        });
    }

    /**
     * The method interceptor of the three annotations on methods returning {@code Mono} or {@code Flux}.
     *
     * @param logto the resource server, looked up at the first invocation
     * @return the advisor
     */
    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    @ConditionalOnMissingBean(name = "logtoReactiveAuthorizationAdvisor")
    public static Advisor logtoReactiveAuthorizationAdvisor(ObjectProvider<LogtoResourceServer> logto) {
        return LogtoReactiveMethodAuthorizationManager.interceptor(logto::getObject);
    }

    /**
     * {@code VerifiedToken} handler parameters.
     *
     * @return the WebFlux configurer
     */
    @Bean
    @ConditionalOnMissingBean
    public LogtoWebFluxConfigurer logtoWebFluxConfigurer() {
        return new LogtoWebFluxConfigurer();
    }

    /**
     * The core's answer to an {@code AccessRefusedException} from handler code.
     *
     * @param logto the resource server
     * @return the exception handler
     */
    @Bean
    @ConditionalOnMissingBean
    public AccessRefusedWebExceptionHandler logtoAccessRefusedWebExceptionHandler(LogtoResourceServer logto) {
        return new AccessRefusedWebExceptionHandler(logto);
    }

    /**
     * The default chain: Logto tokens, every exchange authenticated, no session, no CSRF, no login forms.
     *
     * @param http  Spring Security's builder
     * @param logto the configurer
     * @return the chain
     */
    @Bean
    @ConditionalOnMissingBean(SecurityWebFilterChain.class)
    public SecurityWebFilterChain logtoSecurityWebFilterChain(ServerHttpSecurity http, LogtoServerConfigurer logto) {
        logto.customize(http);
        return http.authorizeExchange(exchanges -> exchanges.anyExchange().authenticated())
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .build();
    }
}
