package io.logto.resource.spring.internal;

import io.logto.resource.spring.LogtoConfigurer;
import org.springframework.boot.security.autoconfigure.web.servlet.ConditionalOnDefaultWebSecurity;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The default stateless {@link SecurityFilterChain} ({@link LogtoConfigurer}, every request authenticated,
 * CSRF off), in Spring Boot's default-chain slot; it backs off when the application defines any chain.
 * Spring Boot 4 / Spring Security 7 version: {@code logto-spring-boot3-starter} replaces this class with its
 * own, which names Boot 3's condition and order and applies the configurer the Security 6 way.
 */
@Configuration(proxyBeanMethods = false)
public final class DefaultSecurityFilterChainConfiguration {

    /** Created by Spring as an imported configuration. */
    public DefaultSecurityFilterChainConfiguration() {
    }

    /**
     * The default chain.
     *
     * @param http Spring Security's builder for this chain
     * @return the chain
     * @throws Exception when Spring Security cannot build the chain
     */
    @Bean
    @Order(SecurityFilterProperties.BASIC_AUTH_ORDER)
    @ConditionalOnDefaultWebSecurity
    public SecurityFilterChain logtoSecurityFilterChain(HttpSecurity http) throws Exception {
        return http.with(LogtoConfigurer.logto())
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                .build();
    }
}
