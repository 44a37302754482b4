package io.logto.resource.samples.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import io.logto.resource.test.LogtoTestIssuer;
import io.logto.resource.test.LogtoTestIssuerExtension;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Runs {@code target/servlet-sample.jar} with {@code java -jar}, pointed at a local Logto-shaped issuer
 * through {@code LOGTO_ISSUER}, {@code LOGTO_AUDIENCE} and {@code PORT}, and plays the sample contract over HTTP.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServletSampleIT {

    private static final String AUDIENCE = "https://api.example.com";
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @RegisterExtension
    static final LogtoTestIssuerExtension LOGTO = new LogtoTestIssuerExtension();

    private LogtoTestIssuer issuer;
    private Process sample;
    private Path log;
    private String base;

    @BeforeAll
    void startTheJar() throws Exception {
        issuer = LOGTO.issuer();
        int port = freePort();
        base = "http://127.0.0.1:" + port;
        log = Files.createTempFile("servlet-sample", ".log");
        sample = java(Map.of("LOGTO_ISSUER", issuer.issuer(), "LOGTO_AUDIENCE", AUDIENCE, "PORT", String.valueOf(port)), log);
        String announcement = "Sample API listening on " + base;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.readString(log).contains(announcement)) {
            assertThat(sample.isAlive()).as("the sample exited early:%n%s", Files.readString(log)).isTrue();
            assertThat(System.nanoTime()).as("the sample did not announce itself in 60 s:%n%s", Files.readString(log))
                    .isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    @AfterAll
    void stopTheJar() throws Exception {
        if (sample != null) {
            sample.destroy();
            sample.waitFor(20, TimeUnit.SECONDS);
            sample.destroyForcibly();
        }
        Files.deleteIfExists(log);
    }

    @Test
    void publicNeedsNothing() throws Exception {
        assertThat(send("GET", "/api/public", null).statusCode()).isEqualTo(200);
    }

    @Test
    void reportsNeedGlobalTokensWithTheirScope() throws Exception {
        String reader = issuer.globalToken(AUDIENCE).subject("user-1").scopes("read:report").sign();
        String writer = issuer.globalToken(AUDIENCE).subject("user-2").scopes("write:report").sign();

        assertOk(send("GET", "/api/reports", reader), "{\"sub\":\"user-1\"}");
        assertOk(send("POST", "/api/reports", writer), "{\"sub\":\"user-2\"}");
        assertInsufficientScope(send("GET", "/api/reports", writer), "read:report");
        assertInsufficientScope(send("POST", "/api/reports", reader), "write:report");
    }

    @Test
    void membersNeedAnOrganizationTokenForTheOrganizationInThePath() throws Exception {
        String member = issuer.organizationToken("org_42").subject("user-3").scopes("read:member", "invite:member").sign();
        String otherOrganization = issuer.organizationToken("org_7").scopes("read:member").sign();
        String global = issuer.globalToken(AUDIENCE).scopes("read:member").sign();

        assertOk(send("GET", "/api/organizations/org_42/members", member), "{\"organizationId\":\"org_42\",\"sub\":\"user-3\"}");
        assertOk(send("POST", "/api/organizations/org_42/members", member), "{\"organizationId\":\"org_42\",\"sub\":\"user-3\"}");
        assertInsufficientScope(send("GET", "/api/organizations/org_42/members", otherOrganization), "read:member");
        assertInsufficientScope(send("GET", "/api/organizations/org_42/members", global), "read:member");
        assertInsufficientScope(send("POST", "/api/organizations/org_7/members", otherOrganization), "invite:member");
    }

    @Test
    void projectsNeedAnOrganizationLevelApiToken() throws Exception {
        String project = issuer.organizationApiToken(AUDIENCE, "org_42").subject("user-4").scopes("read:project").sign();
        String global = issuer.globalToken(AUDIENCE).scopes("read:project").sign();
        String organizationApiOnReports = issuer.organizationApiToken(AUDIENCE, "org_42").scopes("read:report").sign();

        assertOk(send("GET", "/api/organizations/org_42/projects", project), "{\"organizationId\":\"org_42\",\"sub\":\"user-4\"}");
        assertInsufficientScope(send("GET", "/api/organizations/org_42/projects", global), "read:project");
        assertInsufficientScope(send("GET", "/api/organizations/org_7/projects", project), "read:project");
        assertInsufficientScope(send("GET", "/api/reports", organizationApiOnReports), "read:report");
    }

    @Test
    void refusalsFollowTheRulesOfEveryProtectedRoute() throws Exception {
        String valid = issuer.globalToken(AUDIENCE).scopes("read:report").sign();

        HttpResponse<String> none = send("GET", "/api/reports", null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate").orElseThrow())
                .startsWith("Bearer").contains("resource_metadata=\"").doesNotContain("error=");
        assertInvalidToken(send("GET", "/api/reports", issuer.globalToken(AUDIENCE).scopes("read:report").expired().sign()));
        assertInvalidToken(send("GET", "/api/reports", issuer.globalToken(AUDIENCE).scopes("read:report").signedWithUnknownKey().sign()));
        assertInvalidToken(send("GET", "/api/reports", issuer.globalToken("https://other.example.com").scopes("read:report").sign()));
        assertInvalidToken(send("GET", "/api/reports", "x".repeat(60 * 1024)));
        assertThat(sendHeaders("GET", "/api/reports", "Authorization", "bEaReR " + valid).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/api/reports?access_token=" + valid, null).statusCode()).isEqualTo(401);
        assertThat(sendHeaders("GET", "/api/reports", "Authorization", "Bearer a b c").statusCode()).isEqualTo(400);
    }

    @Test
    void metadataNamesTheResourceTheIssuerAndTheScopes() throws Exception {
        HttpResponse<String> response = send("GET", "/.well-known/oauth-protected-resource", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains(
                "\"resource\":\"" + AUDIENCE + "\"",
                "\"authorization_servers\":[\"" + issuer.issuer() + "\"]",
                "\"scopes_supported\":[\"invite:member\",\"read:member\",\"read:project\",\"read:report\",\"write:report\"]",
                "\"bearer_methods_supported\":[\"header\"]");
    }

    @Test
    void anIncompleteEnvironmentStopsTheJarWithAClearMessage() throws Exception {
        Path output = Files.createTempFile("servlet-sample-invalid", ".log");
        try {
            Process invalid = java(Map.of("LOGTO_ISSUER", issuer.issuer(), "PORT", String.valueOf(freePort())), output);

            assertThat(invalid.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(invalid.exitValue()).isEqualTo(2);
            assertThat(Files.readString(output)).contains("Invalid configuration: LOGTO_AUDIENCE is required with LOGTO_ISSUER");
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private static Process java(Map<String, String> environment, Path output) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-jar", System.getProperty("sample.jar", "target/servlet-sample.jar"))
                .redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().remove("LOGTO_ISSUER");
        builder.environment().remove("LOGTO_AUDIENCE");
        builder.environment().putAll(environment);
        return builder.start();
    }

    private HttpResponse<String> send(String method, String path, String token) throws Exception {
        return token == null ? sendHeaders(method, path) : sendHeaders(method, path, "Authorization", "Bearer " + token);
    }

    private HttpResponse<String> sendHeaders(String method, String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
                .method(method, HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static void assertOk(HttpResponse<String> response, String body) {
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(body);
    }

    private static void assertInsufficientScope(HttpResponse<String> response, String scope) {
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow())
                .contains("error=\"insufficient_scope\"", "scope=\"" + scope + "\"");
        assertThat(response.body()).contains("\"error\":\"insufficient_scope\"");
    }

    private static void assertInvalidToken(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("error=\"invalid_token\"");
        assertThat(response.body()).contains("\"error\":\"invalid_token\"");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
