package io.logto.resource.spring.internal;

import io.logto.resource.spring.LogtoConfigurer;
import org.springframework.boot.autoconfigure.security.ConditionalOnDefaultWebSecurity;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The default stateless {@link SecurityFilterChain} ({@link LogtoConfigurer}, every request authenticated,
 * CSRF off), in Spring Boot's default-chain slot; it backs off when the application defines any chain.
 * Spring Boot 3.5 / Spring Security 6.5 version of the Boot 4 starter's class of the same name: Boot 3's
 * condition and order live in {@code org.springframework.boot.autoconfigure.security}, and Security 6 applies
 * a configurer with {@code with(configurer, customizer)}.
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
    @Order(SecurityProperties.BASIC_AUTH_ORDER)
    @ConditionalOnDefaultWebSecurity
    public SecurityFilterChain logtoSecurityFilterChain(HttpSecurity http) throws Exception {
        return http.with(LogtoConfigurer.logto(), Customizer.withDefaults())
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                .build();
    }
}
