package io.logto.resource.spring.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.logto.resource.test.LogtoTestIssuer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link LogtoMcpConfigurer} in an application's own chain, on a real Tomcat: the chain's own rules still
 * apply elsewhere, the configured scope hint, path-form metadata for an audience with a path, a
 * {@code @Tool} tool and an organization {@code @McpTool} tool decided before dispatch (the latter runs, so
 * tool methods are out of method security, and it sees its caller's authentication), and method security kept
 * for MVC handlers.
 */
@SpringBootTest(classes = CustomChainApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"logto.mcp.scope-hint=export:report", "spring.ai.mcp.server.protocol=streamable"})
class LogtoMcpConfigurerTest {

    static final String AUDIENCE = "https://mcp.example.com/mcp";
    static final String METADATA = "https://mcp.example.com/.well-known/oauth-protected-resource/mcp";
    static final LogtoTestIssuer LOGTO = LogtoTestIssuer.start();

    @LocalServerPort
    int port;

    @Autowired
    CustomChainApplication.Rejections rejections;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @DynamicPropertySource
    static void logto(DynamicPropertyRegistry registry) {
        registry.add("logto.issuer", LOGTO::issuer);
        registry.add("logto.audience", () -> AUDIENCE);
    }

    @AfterAll
    static void stop() {
        LOGTO.close();
    }

    @Test
    void theChainsOwnRulesStillApplyOutsideTheMcpEndpoint() throws Exception {
        assertThat(get("/status", null).statusCode()).isEqualTo(200);
        HttpResponse<String> admin = get("/admin", LOGTO.globalToken(AUDIENCE).scopes("export:report").sign());
        assertThat(admin.statusCode()).isEqualTo(403);
        assertThat(admin.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("scope=\"admin:server\"");
    }

    @Test
    void withoutATokenTheMcpEndpointAnswers401WithTheConfiguredHintAndThePathFormMetadata() throws Exception {
        HttpResponse<String> response = post(null, null, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow())
                .isEqualTo("Bearer scope=\"export:report\", resource_metadata=\"" + METADATA + "\"");
        HttpResponse<String> metadata = get("/.well-known/oauth-protected-resource/mcp", null);
        assertThat(metadata.statusCode()).isEqualTo(200);
        assertThat(metadata.body()).contains("\"resource\":\"" + AUDIENCE + "\"",
                "\"scopes_supported\":[\"admin:server\",\"archive:project\",\"export:report\"]");
    }

    @Test
    void aRefusedTokenGets401InvalidTokenWithTheHintAndIsVerifiedOnce() throws Exception {
        int before = rejections.count();
        HttpResponse<String> response = post(LOGTO.globalToken(AUDIENCE).scopes("export:report").expired().sign(), null,
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow())
                .startsWith("Bearer error=\"invalid_token\"")
                .contains("scope=\"export:report\"", "resource_metadata=\"" + METADATA + "\"");
        assertThat(rejections.count() - before).as("the core rejected the token once, not again for the MCP answer")
                .isEqualTo(1);
    }

    @Test
    void aToolFromSpringAiToolAnnotationIsDecidedBeforeDispatch() throws Exception {
        String reader = LOGTO.globalToken(AUDIENCE).scopes("read:report").sign();
        String session = initialize(reader);
        HttpResponse<String> denied = post(reader, session, call("export_report", "{\"format\":\"pdf\"}"));
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(denied.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("scope=\"export:report\"");

        String exporter = LOGTO.globalToken(AUDIENCE).scopes("export:report").sign();
        String exporterSession = initialize(exporter);
        HttpResponse<String> granted = post(exporter, exporterSession, call("export_report", "{\"format\":\"pdf\"}"));
        assertThat(granted.statusCode()).isEqualTo(200);
        assertThat(granted.body()).contains("exported as pdf").doesNotContain("\"isError\":true");
    }

    @Test
    void anOrganizationToolRunsForTheTokensOrganizationOnlyAndOutsideMethodSecurity() throws Exception {
        String member = LOGTO.organizationToken("org_1").scopes("archive:project").sign();
        String session = initialize(member);
        HttpResponse<String> list = post(member, session, "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/list\"}");
        assertThat(list.body()).contains("archive_project").doesNotContain("export_report");

        HttpResponse<String> granted = post(member, session, call("archive_project", "{\"orgId\":\"org_1\"}"));
        assertThat(granted.statusCode()).isEqualTo(200);
        assertThat(granted.body()).contains("archived in org_1 by user-1").doesNotContain("\"isError\":true");

        HttpResponse<String> otherOrganization = post(member, session, call("archive_project", "{\"orgId\":\"org_2\"}"));
        assertThat(otherOrganization.statusCode()).isEqualTo(403);
        assertThat(otherOrganization.headers().firstValue("WWW-Authenticate").orElseThrow())
                .contains("The token is for another organization.", "scope=\"archive:project\"");
    }

    String initialize(String token) throws IOException, InterruptedException {
        HttpResponse<String> response = post(token, null, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
                + "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}");
        assertThat(response.statusCode()).isEqualTo(200);
        String session = response.headers().firstValue("Mcp-Session-Id").orElseThrow();
        post(token, session, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
        return session;
    }

    static String call(String tool, String arguments) {
        return "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool + "\",\"arguments\":"
                + arguments + "}}";
    }

    HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String token, String session, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/mcp"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream").timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (session != null) {
            request.header("Mcp-Session-Id", session);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
