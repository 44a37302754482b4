package io.logto.resource.spring.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.logto.resource.core.EndpointRequirement;
import io.logto.resource.core.LogtoConfig;
import io.logto.resource.core.LogtoResourceServer;
import io.logto.resource.core.ScopeMatch;
import io.logto.resource.spring.mcp.internal.McpGuard;
import io.logto.resource.spring.mcp.internal.McpToolRequirements;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.security.web.DefaultSecurityFilterChain;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;

/** The auto-configuration's properties and back-off, in a servlet context with the application's own chain. */
class LogtoMcpAutoConfigurationTest {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(LogtoMcpAutoConfiguration.class))
            .withBean(LogtoResourceServer.class, () -> LogtoResourceServer.create(LogtoConfig.custom()
                    .issuer("https://tenant.logto.app/oidc").audience("https://mcp.example.com/mcp").build()))
            .withBean(SecurityFilterChain.class, () -> new DefaultSecurityFilterChain(AnyRequestMatcher.INSTANCE));

    @Test
    void readsTheEndpointFromSpringAiUnlessLogtoNamesOne() {
        runner.run(context -> assertThat(context.getBean(McpGuard.class).endpoint()).isEqualTo("/mcp"));
        runner.withPropertyValues("spring.ai.mcp.server.streamable-http.mcp-endpoint=/agent")
                .run(context -> assertThat(context.getBean(McpGuard.class).endpoint()).isEqualTo("/agent"));
        runner.withPropertyValues("spring.ai.mcp.server.streamable-http.mcp-endpoint=/agent", "logto.mcp.endpoint=/tools")
                .run(context -> assertThat(context.getBean(McpGuard.class).endpoint()).isEqualTo("/tools"));
    }

    @Test
    void theScopeHintDefaultsToTheGlobalToolsScopesAndCanBeSetOrTurnedOff() {
        runner.run(context -> assertThat(context.getBean(McpGuard.class).challenges().scopeHint()).isEmpty());
        runner.withPropertyValues("logto.mcp.scope-hint=read:report, write:report")
                .run(context -> assertThat(context.getBean(McpGuard.class).challenges().scopeHint())
                        .contains("read:report write:report"));
        runner.withPropertyValues("logto.mcp.scope-hint=")
                .run(context -> assertThat(context.getBean(McpGuard.class).challenges().scopeHint()).isEmpty());
    }

    @Test
    void anInvalidScopeHintFailsStartupWithTheCoresMessage() {
        runner.withPropertyValues("logto.mcp.scope-hint=read\"report").run(context -> assertThat(context)
                .getFailure().rootCause().hasMessageContaining("Invalid scope name"));
    }

    @Test
    void theApplicationsOwnChainAndBeansWinAndTheModuleCanBeTurnedOff() {
        McpToolRequirements own = McpToolRequirements.of(Map.of());
        runner.withBean(McpToolRequirements.class, () -> own).run(context -> {
            assertThat(context.getBean(McpToolRequirements.class)).isSameAs(own);
            assertThat(context).doesNotHaveBean("logtoMcpSecurityFilterChain");
            assertThat(context.getBean(McpGuard.class).metadataPaths())
                    .containsExactly("/.well-known/oauth-protected-resource", "/.well-known/oauth-protected-resource/mcp");
        });
        runner.withPropertyValues("logto.mcp.enabled=false").run(context -> {
            assertThat(context).doesNotHaveBean(McpGuard.class);
            assertThat(context).doesNotHaveBean(McpToolRequirements.class);
        });
    }

    @Test
    void theMetadataListsTheToolsScopes() {
        runner.withBean(McpToolRequirements.class, () -> McpToolRequirements.of(Map.of("t",
                EndpointRequirement.global(ScopeMatch.ALL, Set.of("x:y")))))
                .run(context -> assertThat(context.getBean(McpGuard.class).metadataJson())
                        .contains("\"resource\":\"https://mcp.example.com/mcp\"", "\"scopes_supported\":[\"x:y\"]"));
    }
}
