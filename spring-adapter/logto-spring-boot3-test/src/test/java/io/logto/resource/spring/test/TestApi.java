package io.logto.resource.spring.test;

import io.logto.resource.core.VerifiedToken;
import io.logto.resource.spring.RequireOrganizationApiScopes;
import io.logto.resource.spring.RequireOrganizationScopes;
import io.logto.resource.spring.RequireScopes;
import java.util.Map;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A user's application as the test support meets it: annotated controllers, no security code. */
@SpringBootApplication
class TestApi {

    @RestController
    static class Reports {

        @GetMapping("/api/reports")
        @RequireScopes("read:report")
        Map<String, Object> reports(VerifiedToken token) {
            return Map.of("sub", token.subject());
        }

        @GetMapping("/api/organizations/{orgId}/members")
        @RequireOrganizationScopes("read:member")
        Map<String, Object> members(@PathVariable String orgId, VerifiedToken token) {
            return Map.of("organizationId", orgId, "sub", token.subject());
        }

        @GetMapping("/api/organizations/{orgId}/projects")
        @RequireOrganizationApiScopes("read:project")
        Map<String, Object> projects(@PathVariable String orgId, VerifiedToken token) {
            return Map.of("organizationId", orgId, "sub", token.subject());
        }
    }
}
