package io.logto.resource.micronaut.internal;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Requirement annotations that cannot work fail startup, naming the endpoint. */
class EndpointRequirementsTest {

    @Test
    void failsStartupWhenOrganizationIdFromNamesAVariableThePathLacks() {
        assertThatThrownBy(() -> start("variable"))
                .hasStackTraceContaining("organizationIdFrom names the path variable 'organization'")
                .hasStackTraceContaining("/misconfigured/{orgId}");
    }

    @Test
    void failsStartupWhenAnEndpointCarriesTwoRequirements() {
        assertThatThrownBy(() -> start("two"))
                .hasStackTraceContaining("at most one of @RequireScopes, @RequireOrganizationScopes and @RequireOrganizationApiScopes");
    }

    private static void start(String mistake) {
        ApplicationContext.run(EmbeddedServer.class, Map.of(
                "logto.issuer", "https://tenant.logto.app/oidc",
                "logto.audience", "https://api.example.com",
                "micronaut.server.port", "-1",
                "test.misconfigured", mistake)).close();
    }
}
