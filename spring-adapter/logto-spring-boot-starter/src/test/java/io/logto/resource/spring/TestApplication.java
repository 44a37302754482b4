package io.logto.resource.spring;

import io.logto.resource.core.Requirement;
import io.logto.resource.core.ScopeMatch;
import io.logto.resource.core.VerifiedToken;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** A small API exercising every integration point, protected by the auto-configured default chain. */
@SpringBootConfiguration
@EnableAutoConfiguration
@EnableMethodSecurity
@Import({TestApplication.Endpoints.class, TestApplication.AdminEndpoints.class, TestApplication.ProjectEndpoints.class})
class TestApplication {

    /** A composed annotation: Logto annotations work as meta-annotations. */
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @RequireScopes("read:audit")
    @interface ReadAudit {
    }

    @RestController
    static class Endpoints {

        @GetMapping("/reports")
        @RequireScopes("read:report")
        Map<String, Object> reports(VerifiedToken token) {
            return Map.of("sub", token.subject());
        }

        @GetMapping("/reports/any")
        @RequireScopes(value = {"read:report", "admin"}, match = ScopeMatch.ANY)
        Map<String, Object> anyReports(VerifiedToken token) {
            return Map.of("sub", token.subject());
        }

        @GetMapping("/audit")
        @ReadAudit
        Map<String, Object> audit(VerifiedToken token) {
            return Map.of("sub", token.subject());
        }

        @GetMapping("/orgs/{orgId}/members")
        @RequireOrganizationScopes("read:member")
        Map<String, Object> members(@PathVariable String orgId, VerifiedToken token) {
            return Map.of("organizationId", orgId, "sub", token.subject());
        }

        @GetMapping("/tenants/{tenant}/members")
        @RequireOrganizationScopes(value = "read:member", organizationIdFrom = "tenant")
        Map<String, Object> tenantMembers(VerifiedToken token) {
            return Map.of("organizationId", token.organizationId().orElseThrow());
        }

        @GetMapping("/orgs/{orgId}/projects")
        @RequireOrganizationApiScopes("read:project")
        Map<String, Object> projects(@PathVariable String orgId, VerifiedToken token) {
            return Map.of("organizationId", orgId, "sub", token.subject());
        }

        @GetMapping("/expr/orgs/{orgId}/members")
        @PreAuthorize("@logto.organization(#orgId).has('read:member')")
        Map<String, Object> exprMembers(@PathVariable String orgId) {
            return Map.of("organizationId", orgId);
        }

        @GetMapping("/expr/orgs/{orgId}/projects")
        @PreAuthorize("@logto.organizationApi(#orgId).has('read:project')")
        Map<String, Object> exprProjects(@PathVariable String orgId) {
            return Map.of("organizationId", orgId);
        }

        @GetMapping("/expr/reports")
        @PreAuthorize("@logto.global().hasAny('read:report', 'admin')")
        Map<String, Object> exprReports() {
            return Map.of("ok", true);
        }

        @GetMapping("/expr/authority")
        @PreAuthorize("hasAuthority('SCOPE_read:report')")
        Map<String, Object> authority(Authentication authentication) {
            return Map.of("name", authentication.getName());
        }

        // tag::organization-authority[]
        @GetMapping("/expr/orgs/{orgId}/authority")
        @PreAuthorize("hasAuthority('SCOPE_' + T(io.logto.resource.core.TokenRoles).organization(#orgId, 'read:member'))")
        Map<String, Object> organizationAuthority(@PathVariable String orgId) {
            return Map.of("organizationId", orgId);
        }
        // end::organization-authority[]

        @GetMapping("/expr/orgs/{orgId}/unnamed")
        @PreAuthorize("@logto.organization(#nothing).has('read:member')")
        Map<String, Object> unnamedOrganization(@PathVariable String orgId) {
            return Map.of("organizationId", orgId);
        }

        @GetMapping("/members-of-no-organization")
        @RequireOrganizationScopes("read:member")
        Map<String, Object> membersWithoutVariable() {
            return Map.of("ok", true);
        }

        @PostMapping("/orgs/{orgId}/invitations")
        Map<String, Object> invite(@PathVariable String orgId, VerifiedToken token) {
            Requirement.organization(orgId, "invite:member").check(token);
            return Map.of("invited", true);
        }

        @GetMapping("/principal")
        Map<String, Object> principal(@AuthenticationPrincipal VerifiedToken token) {
            return Map.of("sub", token.subject());
        }

        @GetMapping("/me")
        Map<String, Object> me(Authentication authentication) {
            List<String> authorities = authentication.getAuthorities().stream().map(Object::toString).sorted().toList();
            return Map.of("name", authentication.getName(), "authorities", authorities,
                    "credentials", authentication.getCredentials().getClass().getSimpleName(),
                    "principal", authentication.getPrincipal().getClass().getSimpleName());
        }
    }

    /** Class-level requirement, overridden on one method. */
    @RestController
    @RequireScopes("read:admin")
    static class AdminEndpoints {

        @GetMapping("/admin/settings")
        Map<String, Object> settings() {
            return Map.of("ok", true);
        }

        @PostMapping("/admin/settings")
        @RequireScopes("write:admin")
        Map<String, Object> updateSettings() {
            return Map.of("ok", true);
        }
    }

    /** Class-level organization-API requirement, overridden on one method. */
    @RestController
    @RequireOrganizationApiScopes(value = "read:project", organizationIdFrom = "project")
    static class ProjectEndpoints {

        @GetMapping("/projects/{project}/files")
        Map<String, Object> files(@PathVariable String project) {
            return Map.of("organizationId", project);
        }

        @PostMapping("/projects/{project}/files")
        @RequireOrganizationApiScopes(value = "write:project", organizationIdFrom = "project")
        Map<String, Object> upload(@PathVariable String project) {
            return Map.of("organizationId", project);
        }
    }
}
