package io.logto.resource.samples.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code java -jar target/mcp-sample.jar} as a user runs it, without {@code LOGTO_ISSUER}: it listens on
 * {@code PORT} with its own MCP URI as the audience, prints tokens, answers 401 with the path-form metadata,
 * and an MCP client with a printed token lists and calls the tools it covers.
 */
class McpSampleJarIT {

    static final Duration STARTUP_LIMIT = Duration.ofMinutes(3);
    static final Pattern READER_TOKEN = Pattern.compile("read:report {2,}(\\S+)");

    @Test
    void theJarRunsWithItsLocalIssuerPrintsTokensAndServesMcpClients() throws Exception {
        int port = freePort();
        String mcp = "http://127.0.0.1:" + port + "/mcp";
        Path log = Files.createTempFile("mcp-sample", ".log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("sample.jar", "target/mcp-sample.jar"))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().remove("LOGTO_ISSUER");
        builder.environment().remove("LOGTO_AUDIENCE");
        builder.environment().putAll(Map.of("PORT", Integer.toString(port)));
        Process sample = builder.start();
        try {
            Instant deadline = Instant.now().plus(STARTUP_LIMIT);
            while (!Files.readString(log).contains("Or point an MCP client")) {
                assertThat(sample.isAlive() && Instant.now().isBefore(deadline))
                        .as("the sample starts:\n%s", Files.readString(log)).isTrue();
                Thread.sleep(200);
            }
            String announcement = Files.readString(log);
            assertThat(announcement).contains("MCP server listening on " + mcp + " with the LOCAL test issuer",
                    "(audience " + mcp + ")");

            HttpResponse<String> unauthenticated = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(mcp))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}"))
                    .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(unauthenticated.statusCode()).isEqualTo(401);
            String metadata = "http://127.0.0.1:" + port + "/.well-known/oauth-protected-resource/mcp";
            assertThat(unauthenticated.headers().firstValue("WWW-Authenticate").orElseThrow())
                    .contains("resource_metadata=\"" + metadata + "\"");
            assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(metadata)).build(),
                    HttpResponse.BodyHandlers.ofString()).body()).contains("\"resource\":\"" + mcp + "\"");

            Matcher reader = READER_TOKEN.matcher(announcement);
            assertThat(reader.find()).as("the announcement prints a read:report token").isTrue();
            HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + port)
                    .endpoint("/mcp")
                    .addHttpRequestCustomizer((request, method, uri, body, context) ->
                            request.header("Authorization", "Bearer " + reader.group(1)))
                    .build();
            try (McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(30)).build()) {
                client.initialize();
                assertThat(client.listTools().tools()).extracting(McpSchema.Tool::name).containsExactly("list_reports");
                assertThat(client.callTool(McpSchema.CallToolRequest.builder("list_reports").arguments(Map.of()).build())
                        .isError()).isFalse();
            }
        } finally {
            sample.destroy();
            sample.waitFor();
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket free = new ServerSocket(0)) {
            return free.getLocalPort();
        }
    }
}
