package io.logto.resource.spring.reactive;

import static org.assertj.core.api.Assertions.assertThat;

import io.logto.resource.core.LogtoResourceServer;
import io.logto.resource.spring.LogtoAuthenticationProvider;
import io.logto.resource.spring.LogtoAutoConfiguration;
import io.logto.resource.spring.RequireScopes;
import io.logto.resource.spring.reactive.internal.ReactiveEndpointScan;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The reactive auto-configuration: gated by a reactive web application, every bean backing off, startup checks. */
class LogtoReactiveAutoConfigurationTest {

    static final String ISSUER = "http://127.0.0.1:3001/oidc";
    static final String AUDIENCE = "https://api.example.com";

    final ReactiveWebApplicationContextRunner reactive = new ReactiveWebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(LogtoAutoConfiguration.class, LogtoReactiveAutoConfiguration.class,
                    SecurityAutoConfiguration.class, ReactiveWebSecurityAutoConfiguration.class,
                    ReactiveUserDetailsServiceAutoConfiguration.class, WebFluxAutoConfiguration.class))
            .withPropertyValues("logto.issuer=" + ISSUER, "logto.audience=" + AUDIENCE);

    @Test
    void reactiveApplicationGetsTheReactiveBeansAndTheDefaultChain() {
        reactive.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).hasSingleBean(LogtoResourceServer.class)
                    .hasSingleBean(LogtoReactiveAuthenticationManager.class)
                    .hasSingleBean(LogtoServerAuthenticationEntryPoint.class)
                    .hasSingleBean(LogtoServerAccessDeniedHandler.class)
                    .hasSingleBean(LogtoServerConfigurer.class)
                    .hasBean("logtoReactiveAuthorizationAdvisor")
                    .hasBean("logtoSecurityWebFilterChain")
                    .hasSingleBean(SecurityWebFilterChain.class)
                    .doesNotHaveBean(LogtoAuthenticationProvider.class)
                    // no generated password: the Logto authentication manager replaces Boot's in-memory user
                    .doesNotHaveBean(ReactiveUserDetailsService.class);
        });
    }

    @Test
    void defaultChainBacksOffForTheApplicationsChain() {
        reactive.withUserConfiguration(OwnChain.class).run(context -> {
            assertThat(context).hasSingleBean(SecurityWebFilterChain.class);
            assertThat(context).hasBean("ownChain").doesNotHaveBean("logtoSecurityWebFilterChain");
        });
    }

    @Test
    void everyBeanBacksOffForTheApplicationsOwn() {
        reactive.withUserConfiguration(OwnBeans.class).run(context -> {
            assertThat(context.getBean(LogtoServerAuthenticationEntryPoint.class)).isSameAs(OwnBeans.ENTRY_POINT);
            assertThat(context.getBean(LogtoServerAccessDeniedHandler.class)).isSameAs(OwnBeans.DENIED);
            assertThat(context.getBean(LogtoReactiveAuthenticationManager.class)).isSameAs(OwnBeans.MANAGER);
            assertThat(context).getBeans(LogtoServerConfigurer.class).containsOnlyKeys("logtoServerConfigurer");
        });
    }

    @Test
    void servletApplicationGetsNoReactiveBeans() {
        new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(LogtoAutoConfiguration.class, LogtoReactiveAutoConfiguration.class,
                        SecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class))
                .withPropertyValues("logto.issuer=" + ISSUER, "logto.audience=" + AUDIENCE)
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(LogtoAuthenticationProvider.class)
                        .doesNotHaveBean(LogtoServerConfigurer.class)
                        .doesNotHaveBean(LogtoReactiveAuthenticationManager.class)
                        .doesNotHaveBean(SecurityWebFilterChain.class));
    }

    @Test
    void annotatedHandlerThatDoesNotReturnAPublisherFailsStartup() {
        reactive.withUserConfiguration(BlockingController.class).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("reports").hasMessageContaining("must return Mono or Flux");
        });
    }

    @Test
    void endpointScanCollectsTheAnnotatedScopes() {
        reactive.withUserConfiguration(ReactiveController.class).run(context ->
                assertThat(context.getBean(ReactiveEndpointScan.class).scopes()).containsExactly("read:report"));
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnChain {
        @Bean
        SecurityWebFilterChain ownChain(ServerHttpSecurity http, LogtoServerConfigurer logto) {
            logto.customize(http);
            return http.authorizeExchange(exchanges -> exchanges.anyExchange().permitAll()).build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnBeans {
        static final LogtoResourceServer LOGTO = LogtoResourceServer.create(
                io.logto.resource.core.LogtoConfig.fromProperties("logto.", Map.of("logto.issuer", ISSUER,
                        "logto.audience", AUDIENCE)::get));
        static final LogtoServerAuthenticationEntryPoint ENTRY_POINT = new LogtoServerAuthenticationEntryPoint(LOGTO);
        static final LogtoServerAccessDeniedHandler DENIED = new LogtoServerAccessDeniedHandler(LOGTO);
        static final LogtoReactiveAuthenticationManager MANAGER = new LogtoReactiveAuthenticationManager(LOGTO);

        @Bean
        LogtoServerAuthenticationEntryPoint entryPoint() {
            return ENTRY_POINT;
        }

        @Bean
        LogtoServerAccessDeniedHandler denied() {
            return DENIED;
        }

        @Bean
        LogtoReactiveAuthenticationManager manager() {
            return MANAGER;
        }
    }

    @RestController
    static class BlockingController {
        @GetMapping("/reports")
        @RequireScopes("read:report")
        Map<String, Object> reports() {
            return Map.of();
        }
    }

    @RestController
    static class ReactiveController {
        @GetMapping("/reports")
        @RequireScopes("read:report")
        reactor.core.publisher.Mono<Map<String, Object>> reports() {
            return reactor.core.publisher.Mono.just(Map.of());
        }
    }
}
