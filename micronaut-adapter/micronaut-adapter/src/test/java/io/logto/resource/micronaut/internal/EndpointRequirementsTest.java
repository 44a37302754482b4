package io.logto.resource.micronaut.internal;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.logto.resource.core.EndpointRequirement;
import io.logto.resource.core.ScopeMatch;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Requirement annotations that cannot work fail startup, naming the endpoint. */
class EndpointRequirementsTest {

    @Test
    void failsStartupWithTheCoresMessageForAScopeNameItRefuses() {
        String coreMessage = catchThrowableOfType(IllegalArgumentException.class,
                () -> EndpointRequirement.global(ScopeMatch.ALL, List.of("read report"))).getMessage();

        assertThatThrownBy(() -> start("scope"))
                .hasStackTraceContaining("@RequireScopes: " + coreMessage)
                .hasStackTraceContaining("/misconfigured/reports");
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
