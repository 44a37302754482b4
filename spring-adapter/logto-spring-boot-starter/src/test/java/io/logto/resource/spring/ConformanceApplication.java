package io.logto.resource.spring;

import io.logto.resource.core.VerifiedToken;
import java.util.Map;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sample contract (DESIGN.md) and the two Spring idiom routes, as the conformance suite expects them, on
 * an application's own chain with {@link LogtoConfigurer}: the application the in-process suite plays against.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@EnableMethodSecurity
@Import(ConformanceApplication.Api.class)
class ConformanceApplication {

    @Bean
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        return http.with(LogtoConfigurer.logto())
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, "/api/public").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/idiom/filter-chain").hasAuthority("SCOPE_read:report")
                        .anyRequest().authenticated())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    @RestController
    @RequestMapping("/api")
    static class Api {

        @GetMapping("/public")
        Map<String, Object> open() {
            return Map.of("public", true);
        }

        @GetMapping("/reports")
        @RequireScopes("read:report")
        Map<String, Object> reports(VerifiedToken token) {
            return Map.of("sub", token.subject());
        }

        @PostMapping("/reports")
        @RequireScopes("write:report")
        Map<String, Object> report(VerifiedToken token) {
            return Map.of("sub", token.subject());
        }

        @GetMapping("/organizations/{orgId}/members")
        @RequireOrganizationScopes("read:member")
        Map<String, Object> members(@PathVariable String orgId, VerifiedToken token) {
            return Map.of("organizationId", orgId, "sub", token.subject());
        }

        @PostMapping("/organizations/{orgId}/members")
        @RequireOrganizationScopes("invite:member")
        Map<String, Object> invite(@PathVariable String orgId, VerifiedToken token) {
            return Map.of("organizationId", orgId, "sub", token.subject());
        }

        @GetMapping("/organizations/{orgId}/projects")
        @RequireOrganizationApiScopes("read:project")
        Map<String, Object> projects(@PathVariable String orgId, VerifiedToken token) {
            return Map.of("organizationId", orgId, "sub", token.subject());
        }

        @GetMapping("/idiom/filter-chain")
        Map<String, Object> filterChain(VerifiedToken token) {
            return Map.of("sub", token.subject());
        }

        @GetMapping("/idiom/pre-authorize")
        @PreAuthorize("hasAuthority('SCOPE_read:report')")
        Map<String, Object> preAuthorize(VerifiedToken token) {
            return Map.of("sub", token.subject());
        }
    }
}
