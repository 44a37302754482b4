package io.logto.resource.spring.mcp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import io.logto.resource.core.EndpointRequirement;
import io.logto.resource.core.ScopeMatch;
import io.logto.resource.core.TokenKind;
import io.logto.resource.spring.RequireOrganizationApiScopes;
import io.logto.resource.spring.RequireScopes;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.ai.mcp.annotation.McpTool;
import org.springframework.ai.tool.annotation.Tool;
import org.springframework.context.support.GenericApplicationContext;

class McpToolRequirementsTest {

    @RequireScopes("read:all")
    static class Tools {

        @McpTool(name = "list_projects", description = "d")
        @RequireOrganizationApiScopes(value = "read:project", organizationIdFrom = "orgId")
        public String listProjects(String orgId) {
            return orgId;
        }

        @Tool(description = "d")
        public String inheritsTheClassRequirement() {
            return "";
        }

        @McpTool(name = "any_of", description = "d")
        @RequireScopes(value = {"a", "b"}, match = ScopeMatch.ANY)
        public String anyOf() {
            return "";
        }

        public String notATool() {
            return "";
        }
    }

    static class NoSuchArgument {

        @McpTool(name = "broken", description = "d")
        @RequireOrganizationApiScopes(value = "read:project", organizationIdFrom = "organization")
        public String broken(String orgId) {
            return orgId;
        }
    }

    static class TwoAnnotations {

        @McpTool(name = "twice", description = "d")
        @RequireScopes("a")
        @RequireOrganizationApiScopes("b")
        public String twice(String orgId) {
            return orgId;
        }
    }

    static class BadScope {

        @McpTool(name = "bad", description = "d")
        @RequireScopes("read report")
        public String bad() {
            return "";
        }
    }

    private static McpToolRequirements scan(Class<?> type) {
        try (GenericApplicationContext context = new GenericApplicationContext()) {
            context.registerBean(type);
            context.refresh();
            McpToolRequirements requirements = new McpToolRequirements(context);
            requirements.afterSingletonsInstantiated();
            return requirements;
        }
    }

    @Test
    void readsEachToolsRequirementWithTheMethodWinningOverTheClass() {
        McpToolRequirements tools = scan(Tools.class);
        assertThat(tools.requirement("list_projects")).contains(
                EndpointRequirement.organizationApi("orgId", ScopeMatch.ALL, List.of("read:project")));
        assertThat(tools.requirement("inheritsTheClassRequirement"))
                .contains(EndpointRequirement.global(ScopeMatch.ALL, List.of("read:all")));
        assertThat(tools.requirement("any_of")).contains(EndpointRequirement.global(ScopeMatch.ANY, List.of("a", "b")));
        assertThat(tools.requirement("notATool")).isEmpty();
        assertThat(tools.scopes()).containsExactly("a", "b", "read:all", "read:project");
        assertThat(tools.globalScopes()).containsExactly("a", "b", "read:all");
        assertThat(tools.requirement("list_projects").orElseThrow().kind()).isEqualTo(TokenKind.ORGANIZATION_API);
    }

    @Test
    void anOrganizationArgumentTheToolDoesNotHaveFailsStartup() {
        assertThatIllegalStateException().isThrownBy(() -> scan(NoSuchArgument.class))
                .withMessageContaining("tool argument 'organization'").withMessageContaining("NoSuchArgument#broken");
    }

    @Test
    void twoLogtoAnnotationsOnOneToolFailStartup() {
        assertThatIllegalStateException().isThrownBy(() -> scan(TwoAnnotations.class))
                .withMessageContaining("more than one of @RequireScopes");
    }

    @Test
    void anInvalidScopeNameFailsStartupNamingTheTool() {
        assertThatIllegalStateException().isThrownBy(() -> scan(BadScope.class))
                .withMessageContaining("BadScope#bad").withMessageContaining("Invalid scope name");
    }
}
