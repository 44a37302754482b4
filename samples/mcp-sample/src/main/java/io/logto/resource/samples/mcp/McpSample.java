package io.logto.resource.samples.mcp;

import io.logto.resource.samples.SampleSettings;
import io.logto.resource.test.LogtoTestIssuer;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;

/**
 * The MCP sample: {@code java -jar mcp-sample.jar}, a Spring AI MCP server (streamable HTTP at {@code /mcp})
 * whose tools need Logto scopes, configured by {@code LOGTO_ISSUER}, {@code LOGTO_AUDIENCE} and {@code PORT}.
 * The audience is the MCP server's own URI; without {@code LOGTO_ISSUER} it runs against a local test issuer
 * with the audience {@code http://127.0.0.1:<PORT>/mcp} and prints tokens and requests to try.
 * The security needs no code: {@code logto-spring-ai-mcp} installs the filter chain.
 */
@SpringBootApplication
public class McpSample {

    /**
     * Starts the sample.
     *
     * @param args Spring Boot command-line arguments
     */
    public static void main(String[] args) {
        SampleSettings settings = SampleSettings.from(localAudienceByDefault(System::getenv));
        SpringApplication application = new SpringApplication(McpSample.class);
        application.setDefaultProperties(Map.of(
                "logto.issuer", settings.issuer(),
                "logto.audience", settings.audience(),
                "server.port", settings.port()));
        application.addListeners((ApplicationListener<ApplicationReadyEvent>) ready -> System.out.println(announcement(
                settings, ((WebServerApplicationContext) ready.getApplicationContext()).getWebServer().getPort())));
        application.run(args);
    }

    /** Without {@code LOGTO_ISSUER} and {@code LOGTO_AUDIENCE}, the audience is this server's MCP URI. */
    static Function<String, String> localAudienceByDefault(Function<String, String> environment) {
        return name -> {
            String value = environment.apply(name);
            if (name.equals("LOGTO_AUDIENCE") && blank(value) && blank(environment.apply("LOGTO_ISSUER"))) {
                String port = environment.apply("PORT");
                return "http://127.0.0.1:" + (blank(port) ? SampleSettings.DEFAULT_PORT : port.strip()) + "/mcp";
            }
            return value;
        };
    }

    /**
     * What the sample prints once it listens: with the local issuer, tokens for each tool and the requests of
     * an MCP session; with a real tenant, one line.
     *
     * @param settings the sample's settings
     * @param port     the port it listens on
     * @return the text
     */
    static String announcement(SampleSettings settings, int port) {
        String mcp = "http://127.0.0.1:" + port + "/mcp";
        if (settings.localIssuer().isEmpty()) {
            return "MCP server listening on " + mcp + " (issuer " + settings.issuer() + ", audience " + settings.audience() + ")";
        }
        LogtoTestIssuer issuer = settings.localIssuer().get();
        Duration day = Duration.ofHours(24);
        String audience = settings.audience();
        String reader = issuer.globalToken(audience).scopes("read:report").lifetime(day).sign();
        String writer = issuer.globalToken(audience).scopes("read:report", "write:report").lifetime(day).sign();
        String project = issuer.organizationApiToken(audience, "org_42").scopes("read:project").lifetime(day).sign();
        String headers = " -H 'Content-Type: application/json' -H 'Accept: application/json, text/event-stream'";
        return "\nMCP server listening on " + mcp + " with the LOCAL test issuer " + issuer.issuer()
                + " (audience " + audience + ").\n"
                + "Tokens (valid for 24 hours, for this run only):\n"
                + "  read:report                     " + reader + "\n"
                + "  read:report write:report        " + writer + "\n"
                + "  org_42 API token, read:project  " + project + "\n\n"
                + "# expect 401 with resource_metadata and scope (no token)\n"
                + "curl -i -X POST" + headers + " -d '{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}' " + mcp + "\n\n"
                + "# the protected resource metadata\n"
                + "curl -i http://127.0.0.1:" + port + "/.well-known/oauth-protected-resource/mcp\n\n"
                + "# open a session: note the Mcp-Session-Id response header\n"
                + "curl -i -X POST" + headers + " -H 'Authorization: Bearer " + reader + "' -d '{\"jsonrpc\":\"2.0\",\"id\":1,"
                + "\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},"
                + "\"clientInfo\":{\"name\":\"curl\",\"version\":\"1\"}}}' " + mcp + "\n\n"
                + "# expect 403 insufficient_scope, scope=\"write:report\" (the reader token calls create_report)\n"
                + "curl -i -X POST" + headers + " -H 'Authorization: Bearer " + reader + "' -H 'Mcp-Session-Id: <id>'"
                + " -d '{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"create_report\","
                + "\"arguments\":{\"title\":\"Q3\"}}}' " + mcp + "\n\n"
                + "Or point an MCP client (e.g. MCP Inspector, streamable HTTP) at " + mcp + " with one of the tokens above.\n";
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
