package io.logto.resource.servlet;

import io.logto.resource.core.LogtoConfig;
import io.logto.resource.test.LogtoTestIssuer;

/** The contract with the filter configured in code: {@link LogtoConfig} and the {@link LogtoRoutes} builder. */
class LogtoFilterInCodeTest extends LogtoFilterContractTest {

    @Override
    JettyApp startApp(LogtoTestIssuer issuer) {
        LogtoConfig config = LogtoConfig.custom().issuer(issuer.issuer()).audience(AUDIENCE).build();
        LogtoRoutes routes = LogtoRoutes.builder()
                .permitAll("GET", "/api/public")
                .requireScopes("GET", "/api/reports", "read:report")
                .requireScopes("POST", "/api/reports", "write:report")
                .requireOrganizationScopes("GET", "/api/organizations/{orgId}/members", "orgId", "read:member")
                .requireOrganizationScopes("POST", "/api/organizations/{orgId}/members", "orgId", "invite:member")
                .requireOrganizationApiScopes("GET", "/api/organizations/{orgId}/projects", "orgId", "read:project")
                .requireScopes("GET", "/api/admin")
                .build();
        return JettyApp.start(new LogtoFilter(config, routes));
    }
}
