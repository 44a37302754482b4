package io.logto.resource.samples.webflux;

import io.logto.resource.core.VerifiedToken;
import io.logto.resource.spring.RequireOrganizationApiScopes;
import io.logto.resource.spring.RequireOrganizationScopes;
import io.logto.resource.spring.RequireScopes;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The sample contract's routes, one per row, each returning a {@code Mono}; each Logto scenario is one annotation. */
@RestController
@RequestMapping("/api")
class SampleController {

    /** The body of the global routes. */
    record Caller(String sub) {
    }

    /** The body of the organization routes. */
    record OrganizationCaller(String organizationId, String sub) {
    }

    @GetMapping("/public")
    Mono<Map<String, Object>> publicInfo() {
        return Mono.just(Map.of("message", "Anyone can read this."));
    }

    // tag::endpoints[]
    @GetMapping("/reports")
    @RequireScopes("read:report")
    Mono<Caller> readReports(VerifiedToken token) {
        return Mono.just(new Caller(token.subject()));
    }

    @GetMapping("/organizations/{orgId}/members")
    @RequireOrganizationScopes("read:member")
    Mono<OrganizationCaller> members(@PathVariable String orgId, VerifiedToken token) {
        return Mono.just(new OrganizationCaller(orgId, token.subject()));
    }

    @GetMapping("/organizations/{orgId}/projects")
    @RequireOrganizationApiScopes("read:project")
    Mono<OrganizationCaller> projects(@PathVariable String orgId, VerifiedToken token) {
        return Mono.just(new OrganizationCaller(orgId, token.subject()));
    }
    // end::endpoints[]

    @PostMapping("/reports")
    @RequireScopes("write:report")
    Mono<Caller> writeReport(VerifiedToken token) {
        return Mono.just(new Caller(token.subject()));
    }

    @PostMapping("/organizations/{orgId}/members")
    @RequireOrganizationScopes("invite:member")
    Mono<OrganizationCaller> inviteMember(@PathVariable String orgId, VerifiedToken token) {
        return Mono.just(new OrganizationCaller(orgId, token.subject()));
    }

    /** Guarded only by {@code hasAuthority("SCOPE_read:report")} in {@link WebFluxSample}'s filter chain. */
    @GetMapping("/idiom/filter-chain")
    Mono<Caller> idiomFilterChain(VerifiedToken token) {
        return Mono.just(new Caller(token.subject()));
    }

    /** Guarded only by Spring's own {@code @PreAuthorize}: only a global API token's scopes are authorities. */
    @GetMapping("/idiom/pre-authorize")
    @PreAuthorize("hasAuthority('SCOPE_read:report')")
    Mono<Caller> idiomPreAuthorize(VerifiedToken token) {
        return Mono.just(new Caller(token.subject()));
    }
}
