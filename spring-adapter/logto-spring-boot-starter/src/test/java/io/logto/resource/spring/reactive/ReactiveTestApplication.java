package io.logto.resource.spring.reactive;

import io.logto.resource.core.Requirement;
import io.logto.resource.core.ScopeMatch;
import io.logto.resource.core.VerifiedToken;
import io.logto.resource.spring.RequireOrganizationApiScopes;
import io.logto.resource.spring.RequireOrganizationScopes;
import io.logto.resource.spring.RequireScopes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.config.annotation.method.configuration.EnableReactiveMethodSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A reactive API with the sample contract's routes, the framework-idiom routes and every integration point,
 * protected by a chain of its own built with {@link LogtoServerConfigurer}. {@link Contract} is the same
 * application with only the contract and idiom routes, for the conformance suite.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({ReactiveTestApplication.Security.class, ReactiveTestApplication.ContractEndpoints.class,
        ReactiveTestApplication.Endpoints.class, ReactiveTestApplication.AdminEndpoints.class})
class ReactiveTestApplication {

    /** Exactly the sample contract and the idiom routes (the metadata lists exactly the contract's scopes). */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import({Security.class, ContractEndpoints.class})
    static class Contract {
    }

    @Configuration(proxyBeanMethods = false)
    @EnableReactiveMethodSecurity
    static class Security {

        static final String THREAD = "test.thread";
        static final String ENTRY_THREAD = "test.entry-thread";

        /** Runs before the security chain: records the thread the request arrived on (its event loop). */
        @Bean
        WebFilter entryThreadRecorder() {
            return new EntryThreadRecorder();
        }

        /** Runs after the security chain: records the thread the request continues on. */
        @Bean
        WebFilter threadRecorder() {
            return (exchange, chain) -> {
                exchange.getAttributes().put(THREAD, Thread.currentThread().getName());
                return chain.filter(exchange);
            };
        }

        @Bean
        SecurityWebFilterChain api(ServerHttpSecurity http, LogtoServerConfigurer logto) {
            logto.customize(http);
            return http.authorizeExchange(exchanges -> exchanges
                            .pathMatchers(HttpMethod.GET, "/api/public", "/api/optional").permitAll()
                            .pathMatchers("/api/idiom/filter-chain").hasAuthority("SCOPE_read:report")
                            .anyExchange().authenticated())
                    // stateless, as the README's chain: Spring's defaults open a WebSession per request and
                    // continue it on Reactor's parallel threads
                    .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                    .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                    .csrf(ServerHttpSecurity.CsrfSpec::disable)
                    .build();
        }
    }

    /** Records the thread a request arrives on, first of all filters. */
    static final class EntryThreadRecorder implements WebFilter, Ordered {

        @Override
        public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
            exchange.getAttributes().put(Security.ENTRY_THREAD, Thread.currentThread().getName());
            return chain.filter(exchange);
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }

    /** The sample contract's routes and the two idiom routes. */
    @RestController
    @RequestMapping("/api")
    static class ContractEndpoints {

        @GetMapping("/public")
        Mono<Map<String, Object>> publicInfo() {
            return Mono.just(Map.of("message", "Anyone can read this."));
        }

        @GetMapping("/reports")
        @RequireScopes("read:report")
        Mono<Map<String, Object>> reports(VerifiedToken token) {
            return Mono.just(Map.of("sub", token.subject()));
        }

        @PostMapping("/reports")
        @RequireScopes("write:report")
        Mono<Map<String, Object>> writeReport(VerifiedToken token) {
            return Mono.just(Map.of("sub", token.subject()));
        }

        @GetMapping("/organizations/{orgId}/members")
        @RequireOrganizationScopes("read:member")
        Mono<Map<String, Object>> members(@PathVariable String orgId, VerifiedToken token) {
            return Mono.just(Map.of("organizationId", orgId, "sub", token.subject()));
        }

        @PostMapping("/organizations/{orgId}/members")
        @RequireOrganizationScopes("invite:member")
        Mono<Map<String, Object>> inviteMember(@PathVariable String orgId, VerifiedToken token) {
            return Mono.just(Map.of("organizationId", orgId, "sub", token.subject()));
        }

        @GetMapping("/organizations/{orgId}/projects")
        @RequireOrganizationApiScopes("read:project")
        Mono<Map<String, Object>> projects(@PathVariable String orgId, VerifiedToken token) {
            return Mono.just(Map.of("organizationId", orgId, "sub", token.subject()));
        }

        @GetMapping("/idiom/filter-chain")
        Mono<Map<String, Object>> idiomFilterChain(VerifiedToken token) {
            return Mono.just(Map.of("sub", token.subject()));
        }

        @GetMapping("/idiom/pre-authorize")
        @PreAuthorize("hasAuthority('SCOPE_read:report')")
        Mono<Map<String, Object>> idiomPreAuthorize(VerifiedToken token) {
            return Mono.just(Map.of("sub", token.subject()));
        }
    }

    /** Routes beyond the contract: optional tokens, any-of, a renamed variable, programmatic checks, the authentication. */
    @RestController
    @RequestMapping("/api")
    static class Endpoints {

        @GetMapping("/optional")
        Mono<Map<String, Object>> optional(@Nullable VerifiedToken token) {
            return Mono.just(Map.of("sub", token == null ? "anonymous" : token.subject()));
        }

        @GetMapping("/reports/any")
        @RequireScopes(value = {"read:report", "admin"}, match = ScopeMatch.ANY)
        Flux<String> anyReports(VerifiedToken token) {
            return Flux.just("a", "b");
        }

        /** The thread on which the request left the security chain (recorded by {@link Security#threadRecorder()}). */
        @GetMapping("/thread")
        @RequireScopes("read:report")
        Mono<Map<String, Object>> thread(VerifiedToken token, ServerWebExchange exchange) {
            return Mono.just(Map.of("thread", exchange.getRequiredAttribute(Security.THREAD),
                    "entry", exchange.getRequiredAttribute(Security.ENTRY_THREAD)));
        }

        /** Names a path variable its path lacks: every request gets the core's answer for a missing organization. */
        @GetMapping("/teams/members")
        @RequireOrganizationScopes(value = "read:member", organizationIdFrom = "team")
        Mono<Map<String, Object>> teamMembers(VerifiedToken token) {
            return Mono.just(Map.of("sub", token.subject()));
        }

        @GetMapping("/tenants/{tenant}/members")
        @RequireOrganizationScopes(value = "read:member", organizationIdFrom = "tenant")
        Mono<Map<String, Object>> tenantMembers(VerifiedToken token) {
            return Mono.just(Map.of("organizationId", token.organizationId().orElseThrow()));
        }

        @PostMapping("/organizations/{orgId}/invitations")
        Mono<Map<String, Object>> invite(@PathVariable String orgId, VerifiedToken token) {
            return Mono.fromCallable(() -> {
                Requirement.organization(orgId, "invite:member").check(token);
                return Map.of("invited", true);
            });
        }

        @GetMapping("/me")
        Mono<Map<String, Object>> me(Mono<Authentication> authentication) {
            return authentication.map(caller -> {
                Map<String, Object> body = new HashMap<>();
                body.put("name", caller.getName());
                List<String> authorities = caller.getAuthorities().stream().map(Object::toString).sorted().toList();
                body.put("authorities", authorities);
                body.put("principal", caller.getPrincipal().getClass().getSimpleName());
                return body;
            });
        }
    }

    /** A class-level requirement, overridden on one method. */
    @RestController
    @RequireScopes("read:admin")
    static class AdminEndpoints {

        @GetMapping("/api/admin/settings")
        Mono<Map<String, Object>> settings() {
            return Mono.just(Map.of("ok", true));
        }

        @PostMapping("/api/admin/settings")
        @RequireScopes("write:admin")
        Mono<Map<String, Object>> updateSettings() {
            return Mono.just(Map.of("ok", true));
        }
    }
}
