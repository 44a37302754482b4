package io.logto.resource.spring.mcp;

import io.logto.resource.core.LogtoListener;
import io.logto.resource.core.RejectionReason;
import io.logto.resource.core.TokenKind;
import io.logto.resource.spring.LogtoConfigurer;
import io.logto.resource.spring.RequireOrganizationScopes;
import io.logto.resource.spring.RequireScopes;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.ai.mcp.annotation.McpTool;
import org.springframework.ai.mcp.annotation.McpToolParam;
import org.springframework.ai.tool.ToolCallbackProvider;
import org.springframework.ai.tool.annotation.Tool;
import org.springframework.ai.tool.annotation.ToolParam;
import org.springframework.ai.tool.method.MethodToolCallbackProvider;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An application with its own security filter chain, an MCP tool from Spring AI's {@code @Tool} (through a
 * {@link ToolCallbackProvider}), one from {@code @McpTool} needing an organization token for its argument, and a
 * plain MVC controller whose Logto annotation stays with the starter's method security.
 */
@SpringBootApplication
class CustomChainApplication {

    // tag::chain[]
    @Bean
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        return http.with(LogtoConfigurer.logto())
                .with(LogtoMcpConfigurer.mcp())
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/status").permitAll()
                        .anyRequest().authenticated())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                .build();
    }
    // end::chain[]

    @Bean
    Rejections rejections() {
        return new Rejections();
    }

    /** Counts the core's rejections, to show how often a refused token is verified. */
    static final class Rejections implements LogtoListener {

        private final AtomicInteger count = new AtomicInteger();

        @Override
        public void tokenRejected(RejectionReason reason, TokenKind kind) {
            count.incrementAndGet();
        }

        int count() {
            return count.get();
        }
    }

    @Bean
    ToolCallbackProvider reportTools(ReportTools tools) {
        return MethodToolCallbackProvider.builder().toolObjects(tools).build();
    }

    /** Tools declared with Spring AI's tool-calling annotation. */
    @Component
    static class ReportTools {

        @Tool(name = "export_report", description = "Exports the report.")
        @RequireScopes("export:report")
        public String exportReport(@ToolParam(description = "pdf or csv") String format) {
            return "exported as " + format;
        }
    }

    /** A tool needing an organization token for the organization in its argument; it names its caller. */
    @Component
    static class ProjectTools {

        @McpTool(name = "archive_project", description = "Archives the organization's project.")
        @RequireOrganizationScopes(value = "archive:project", organizationIdFrom = "orgId")
        public String archiveProject(@McpToolParam(description = "organization") String orgId) {
            Authentication caller = SecurityContextHolder.getContext().getAuthentication();
            return "archived in " + orgId + " by " + (caller == null ? "nobody" : caller.getName());
        }
    }

    /** Plain MVC routes. */
    @RestController
    static class StatusController {

        @GetMapping("/status")
        Map<String, String> status() {
            return Map.of("status", "up");
        }

        @GetMapping("/admin")
        @RequireScopes("admin:server")
        Map<String, String> admin() {
            return Map.of("admin", "yes");
        }
    }
}
