package io.logto.resource.samples.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.logto.resource.test.LogtoTestIssuer;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.client.transport.customizer.McpHttpClientTransportAuthorizationErrorHandler;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The MCP sample on a real Tomcat, driven by the MCP Java SDK's client over streamable HTTP, as an agent
 * would connect: the 401 and its metadata, a session with tools listed and called, the 403 step-up challenge
 * naming only the called tool's scopes, organization-level API tokens, SSE and session requests, and sessions
 * bound to the caller that opened them. The audience is the server's own MCP URI, as Logto Console needs it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class McpSampleTest {

    static final LogtoTestIssuer LOGTO = LogtoTestIssuer.start();
    static final int PORT = freePort();
    static final String BASE = "http://127.0.0.1:" + PORT;
    static final String MCP = BASE + "/mcp";
    static final String METADATA = BASE + "/.well-known/oauth-protected-resource/mcp";
    static final String ACCEPT = "application/json, text/event-stream";

    @Autowired
    McpSyncServer mcpServer;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @DynamicPropertySource
    static void logto(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("logto.issuer", LOGTO::issuer);
        registry.add("logto.audience", () -> MCP);
    }

    @AfterAll
    static void stopIssuer() {
        LOGTO.close();
    }

    static String token(String... scopes) {
        return LOGTO.globalToken(MCP).scopes(scopes).sign();
    }

    /** A real MCP client whose requests carry the token; refusals (401/403) are recorded, never retried. */
    static McpSyncClient client(String token, List<HttpResponse.ResponseInfo> refusals) {
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(BASE)
                .endpoint("/mcp")
                .addHttpRequestCustomizer((request, method, uri, body, context) -> {
                    if (token != null) {
                        request.header("Authorization", "Bearer " + token);
                    }
                })
                .authorizationErrorHandler(McpHttpClientTransportAuthorizationErrorHandler.fromSync((request, response, context) -> {
                    refusals.add(response);
                    return false;
                }))
                .build();
        return McpClient.sync(transport).requestTimeout(Duration.ofSeconds(30))
                .clientInfo(McpSchema.Implementation.builder("logto-mcp-test", "1.0.0").build()).build();
    }

    static McpSchema.CallToolRequest tool(String name, Map<String, Object> arguments) {
        return McpSchema.CallToolRequest.builder(name).arguments(arguments).build();
    }

    static String text(McpSchema.CallToolResult result) {
        return result.content().stream().map(c -> ((McpSchema.TextContent) c).text()).collect(Collectors.joining());
    }

    static List<String> toolNames(McpSyncClient client) {
        return client.listTools().tools().stream().map(McpSchema.Tool::name).sorted().toList();
    }

    @Test
    void withoutATokenTheClientGets401WithResourceMetadataAndAScopeHintAndFindsTheMetadata() throws Exception {
        List<HttpResponse.ResponseInfo> refusals = new CopyOnWriteArrayList<>();
        try (McpSyncClient client = client(null, refusals)) {
            assertThatThrownBy(client::initialize).isInstanceOf(RuntimeException.class);
        }
        assertThat(refusals).hasSize(1);
        assertThat(refusals.get(0).statusCode()).isEqualTo(401);
        String challenge = refusals.get(0).headers().firstValue("WWW-Authenticate").orElseThrow();
        assertThat(challenge).isEqualTo("Bearer scope=\"read:report write:report\", resource_metadata=\"" + METADATA + "\"");

        HttpResponse<String> metadata = http.send(HttpRequest.newBuilder(URI.create(METADATA)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(metadata.statusCode()).isEqualTo(200);
        assertThat(metadata.body()).isEqualTo("{\"resource\":\"" + MCP + "\",\"authorization_servers\":[\"" + LOGTO.issuer()
                + "\"],\"scopes_supported\":[\"read:project\",\"read:report\",\"write:report\"],"
                + "\"bearer_methods_supported\":[\"header\"]}");
        HttpResponse<String> root = http.send(HttpRequest.newBuilder(URI.create(BASE + "/.well-known/oauth-protected-resource"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(root.body()).isEqualTo(metadata.body());
    }

    @Test
    void aRefusedTokenGets401InvalidTokenWithTheScopeHint() throws Exception {
        HttpResponse<String> response = post(LOGTO.globalToken(MCP).scopes("read:report").expired().sign(), null, ping(1));
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow())
                .startsWith("Bearer error=\"invalid_token\"")
                .contains("scope=\"read:report write:report\"", "resource_metadata=\"" + METADATA + "\"");
    }

    @Test
    void withATokenTheClientInitializesListsTheToolsItMayCallAndCallsThem() {
        List<HttpResponse.ResponseInfo> refusals = new CopyOnWriteArrayList<>();
        try (McpSyncClient client = client(token("read:report", "write:report"), refusals)) {
            assertThat(client.initialize().serverInfo().name()).isEqualTo("logto-mcp-sample");
            assertThat(toolNames(client)).containsExactly("create_report", "list_reports");
            McpSchema.CallToolResult created = client.callTool(tool("create_report", Map.of("title", "Written by an agent")));
            assertThat(created.isError()).isFalse();
            assertThat(text(client.callTool(tool("list_reports", Map.of()))))
                    .contains("Quarterly numbers", "Written by an agent");
        }
        assertThat(refusals).isEmpty();
    }

    @Test
    void aCallTheTokenDoesNotCoverGets403NamingOnlyThatToolsScopesAndTheToolNeverRuns() {
        List<HttpResponse.ResponseInfo> refusals = new CopyOnWriteArrayList<>();
        try (McpSyncClient reader = client(token("read:report"), refusals)) {
            reader.initialize();
            assertThat(toolNames(reader)).containsExactly("list_reports");
            assertThatThrownBy(() -> reader.callTool(tool("create_report", Map.of("title", "Must not exist")))).isInstanceOf(RuntimeException.class);
            assertThat(refusals).hasSize(1);
            assertThat(refusals.get(0).statusCode()).isEqualTo(403);
            assertThat(refusals.get(0).headers().firstValue("WWW-Authenticate").orElseThrow())
                    .isEqualTo("Bearer error=\"insufficient_scope\", error_description=\"The token lacks the required scope.\", "
                            + "scope=\"write:report\", resource_metadata=\"" + METADATA + "\"");
            assertThat(text(reader.callTool(tool("list_reports", Map.of()))))
                    .doesNotContain("Must not exist");
        }
    }

    @Test
    void listProjectsNeedsAnOrganizationLevelApiTokenForTheOrganizationInItsArgument() {
        List<HttpResponse.ResponseInfo> refusals = new CopyOnWriteArrayList<>();
        String org42 = LOGTO.organizationApiToken(MCP, "org_42").scopes("read:project").sign();
        try (McpSyncClient member = client(org42, refusals)) {
            member.initialize();
            assertThat(toolNames(member)).containsExactly("list_projects");
            assertThat(text(member.callTool(tool("list_projects", Map.of("orgId", "org_42")))))
                    .contains("\"organizationId\":\"org_42\"");
        }
        assertThat(refusals).isEmpty();

        String org7 = LOGTO.organizationApiToken(MCP, "org_7").scopes("read:project").sign();
        try (McpSyncClient outsider = client(org7, refusals)) {
            outsider.initialize();
            assertThatThrownBy(() -> outsider.callTool(tool("list_projects", Map.of("orgId", "org_42"))))
                    .isInstanceOf(RuntimeException.class);
        }
        assertThat(refusals).hasSize(1);
        assertThat(refusals.get(0).statusCode()).isEqualTo(403);
        assertThat(refusals.get(0).headers().firstValue("WWW-Authenticate").orElseThrow())
                .contains("error=\"insufficient_scope\"", "error_description=\"The token is for another organization.\"",
                        "scope=\"read:project\"");
    }

    @Test
    void aGlobalTokenWithTheScopeCannotCallAnOrganizationTool() throws Exception {
        String token = token("read:project", "read:report");
        String session = initialize(token);
        HttpResponse<String> response = post(token, session, call(2, "list_projects", "{\"orgId\":\"org_42\"}"));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow())
                .contains("An organization-level API token is required.", "scope=\"read:project\"");
        HttpResponse<String> missing = post(token(), session, call(3, "list_projects", "{}"));
        assertThat(missing.statusCode()).isEqualTo(403);
    }

    @Test
    void aBatchIsRefusedWhenOneOfItsCallsIsNotCovered() throws Exception {
        String token = token("read:report");
        String session = initialize(token);
        HttpResponse<String> response = post(token, session, "[" + call(2, "list_reports", "{}") + ","
                + call(3, "create_report", "{\"title\":\"batched\"}") + "]");
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("scope=\"write:report\"");
    }

    @Test
    void toolCallsAnswerWithServerSentEventsThroughTheCheck() throws Exception {
        String token = token("read:report");
        String session = initialize(token);
        HttpResponse<String> response = post(token, session, call(2, "list_reports", "{}"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/event-stream");
        assertThat(response.body()).contains("event:message", "data:", "Quarterly numbers");
    }

    @Test
    void sessionRequestsGetAndDeleteWorkForTheCallerThatOpenedTheSession() throws Exception {
        String token = token("read:report");
        String session = initialize(token);
        CompletableFuture<HttpResponse<InputStream>> listening = http.sendAsync(HttpRequest.newBuilder(URI.create(MCP)).GET()
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream")
                .header("Mcp-Session-Id", session).build(), HttpResponse.BodyHandlers.ofInputStream());
        // the listening stream sends its headers with its first event: notify until it is there
        for (int i = 0; i < 600 && !listening.isDone(); i++) {
            mcpServer.notifyToolsListChanged();
            Thread.sleep(50);
        }
        HttpResponse<InputStream> stream = listening.get(60, TimeUnit.SECONDS);
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/event-stream");

        HttpResponse<String> deleted = http.send(HttpRequest.newBuilder(URI.create(MCP)).DELETE()
                .header("Authorization", "Bearer " + token).header("Mcp-Session-Id", session).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(deleted.statusCode()).isEqualTo(200);
        try (InputStream events = stream.body()) {
            assertThat(new String(events.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                    .contains("notifications/tools/list_changed");
        }
        assertThat(post(token, session, call(2, "list_reports", "{}")).statusCode()).isEqualTo(404);
    }

    @Test
    void aSessionOpenedByAnotherCallerIsRefusedEvenWithAValidTokenOfItsOwn() throws Exception {
        String alice = LOGTO.globalToken(MCP).subject("alice").clientId("agent-a").scopes("read:report").sign();
        String session = initialize(alice);
        String bob = LOGTO.globalToken(MCP).subject("bob").clientId("agent-a").scopes("read:report").sign();
        String aliceOtherClient = LOGTO.globalToken(MCP).subject("alice").clientId("agent-b").scopes("read:report").sign();
        for (String intruder : List.of(bob, aliceOtherClient)) {
            HttpResponse<String> call = post(intruder, session, call(2, "list_reports", "{}"));
            assertThat(call.statusCode()).isEqualTo(403);
            assertThat(call.headers().firstValue("WWW-Authenticate").orElseThrow())
                    .startsWith("Bearer error=\"insufficient_scope\"").doesNotContain("scope=\"");
            HttpResponse<String> listen = http.send(HttpRequest.newBuilder(URI.create(MCP)).GET()
                    .header("Authorization", "Bearer " + intruder).header("Accept", "text/event-stream")
                    .header("Mcp-Session-Id", session).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(listen.statusCode()).isEqualTo(403);
            HttpResponse<String> delete = http.send(HttpRequest.newBuilder(URI.create(MCP)).DELETE()
                    .header("Authorization", "Bearer " + intruder).header("Mcp-Session-Id", session).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(delete.statusCode()).isEqualTo(403);
        }
        String aliceAgain = LOGTO.globalToken(MCP).subject("alice").clientId("agent-a").scopes("read:report").sign();
        assertThat(post(aliceAgain, session, call(3, "list_reports", "{}")).statusCode()).isEqualTo(200);
        assertThat(post(null, session, call(4, "list_reports", "{}")).statusCode()).isEqualTo(401);
    }

    @Test
    void anEncodedPathToTheEndpointIsCheckedToo() throws Exception {
        String token = token("read:report");
        String session = initialize(token);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(BASE + "/%6Dcp"))
                .POST(HttpRequest.BodyPublishers.ofString(call(2, "create_report", "{\"title\":\"sneaky\"}")))
                .header("Content-Type", "application/json").header("Accept", ACCEPT).header("Mcp-Session-Id", session)
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isIn(400, 403);
        assertThat(post(token, session, call(3, "list_reports", "{}")).body()).doesNotContain("sneaky");
    }

    @Test
    void aBodyThatIsNotJsonRpcIsRefusedBeforeTheServer() throws Exception {
        HttpResponse<String> response = post(token("read:report"), null, "{\"jsonrpc\":\"2.0\",\"id\":1,\"id\":2}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("-32700");
    }

    // raw HTTP, for what an MCP client does not expose: headers, batches, foreign session ids

    String initialize(String token) throws IOException, InterruptedException {
        HttpResponse<String> response = post(token, null, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
                + "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}");
        assertThat(response.statusCode()).isEqualTo(200);
        String session = response.headers().firstValue("Mcp-Session-Id").orElseThrow();
        assertThat(post(token, session, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}").statusCode())
                .isEqualTo(202);
        return session;
    }

    HttpResponse<String> post(String token, String session, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(MCP)).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json").header("Accept", ACCEPT).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (session != null) {
            request.header("Mcp-Session-Id", session);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String ping(int id) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"ping\"}";
    }

    static String call(int id, String tool, String arguments) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool
                + "\",\"arguments\":" + arguments + "}}";
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
