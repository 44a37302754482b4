package io.logto.resource.samples.spring;

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

/**
 * The sample contract's routes, one per row; each of Logto's three scenarios is one annotation. The
 * {@code /api/idiom/...} routes use Spring Security's own checks instead, which the starter's authorities make
 * safe: {@code SCOPE_read:report} is held by global API tokens with {@code read:report} only.
 */
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
    Map<String, Object> publicInfo() {
        return Map.of("message", "Anyone can read this.");
    }

    // tag::endpoints[]
    @GetMapping("/reports")
    @RequireScopes("read:report")
    Caller readReports(VerifiedToken token) {
        return new Caller(token.subject());
    }

    @GetMapping("/organizations/{orgId}/members")
    @RequireOrganizationScopes("read:member")
    OrganizationCaller members(@PathVariable String orgId, VerifiedToken token) {
        return new OrganizationCaller(orgId, token.subject());
    }

    @GetMapping("/organizations/{orgId}/projects")
    @RequireOrganizationApiScopes("read:project")
    OrganizationCaller projects(@PathVariable String orgId, VerifiedToken token) {
        return new OrganizationCaller(orgId, token.subject());
    }
    // end::endpoints[]

    @PostMapping("/reports")
    @RequireScopes("write:report")
    Caller writeReport(VerifiedToken token) {
        return new Caller(token.subject());
    }

    /** Guarded only by the filter chain's {@code hasAuthority("SCOPE_read:report")} (see {@link SpringSample}). */
    @GetMapping("/idiom/filter-chain")
    Caller filterChainIdiom(VerifiedToken token) {
        return new Caller(token.subject());
    }

    // tag::pre-authorize[]
    @GetMapping("/idiom/pre-authorize")
    @PreAuthorize("hasAuthority('SCOPE_read:report')")
    Caller preAuthorizeIdiom(VerifiedToken token) {
        return new Caller(token.subject());
    }
    // end::pre-authorize[]

    @PostMapping("/organizations/{orgId}/members")
    @RequireOrganizationScopes("invite:member")
    OrganizationCaller inviteMember(@PathVariable String orgId, VerifiedToken token) {
        return new OrganizationCaller(orgId, token.subject());
    }
}
