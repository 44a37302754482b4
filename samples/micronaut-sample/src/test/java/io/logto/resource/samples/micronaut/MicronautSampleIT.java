package io.logto.resource.samples.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

import io.logto.resource.test.LogtoTestIssuer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Starts {@code target/micronaut-sample.jar} with {@code java -jar} (its manifest's main class), pointed at a
 * local Logto-shaped issuer through {@code LOGTO_ISSUER}, {@code LOGTO_AUDIENCE} and {@code PORT}, and plays the
 * sample contract of DESIGN.md over HTTP.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MicronautSampleIT {

    private static final String AUDIENCE = "https://api.example.com";
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final LogtoTestIssuer issuer = LogtoTestIssuer.start();
    private Process sample;
    private Path output;
    private String base;

    @BeforeAll
    void startTheJar() throws Exception {
        int port = freePort();
        base = "http://127.0.0.1:" + port;
        output = Files.createTempFile("micronaut-sample", ".log");
        sample = java(Map.of("LOGTO_ISSUER", issuer.issuer(), "LOGTO_AUDIENCE", AUDIENCE, "PORT", String.valueOf(port)), output);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!Files.readString(output).contains("Sample API listening on " + base)) {
            assertThat(sample.isAlive()).as("the sample exited:%n%s", Files.readString(output)).isTrue();
            assertThat(System.nanoTime()).as("no announcement within 90 s:%n%s", Files.readString(output)).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    @AfterAll
    void stopTheJar() throws Exception {
        if (sample != null) {
            sample.destroy();
            if (!sample.waitFor(20, TimeUnit.SECONDS)) {
                sample.destroyForcibly();
            }
        }
        Files.deleteIfExists(output);
        issuer.close();
    }

    @Test
    void answersEveryRowOfTheContract() throws Exception {
        String reader = issuer.globalToken(AUDIENCE).subject("user-1").scopes("read:report").sign();
        String writer = issuer.globalToken(AUDIENCE).subject("user-2").scopes("write:report").sign();
        String member = issuer.organizationToken("org_42").subject("user-3").scopes("read:member", "invite:member").sign();
        String project = issuer.organizationApiToken(AUDIENCE, "org_42").subject("user-4").scopes("read:project").sign();

        assertThat(send("GET", "/api/public").statusCode()).isEqualTo(200);
        assertOk(send("GET", "/api/reports", bearer(reader)), "{\"sub\":\"user-1\"}");
        assertOk(send("POST", "/api/reports", bearer(writer)), "{\"sub\":\"user-2\"}");
        assertOk(send("GET", "/api/organizations/org_42/members", bearer(member)), "{\"organizationId\":\"org_42\",\"sub\":\"user-3\"}");
        assertOk(send("POST", "/api/organizations/org_42/members", bearer(member)), "{\"organizationId\":\"org_42\",\"sub\":\"user-3\"}");
        assertOk(send("GET", "/api/organizations/org_42/projects", bearer(project)), "{\"organizationId\":\"org_42\",\"sub\":\"user-4\"}");
        HttpResponse<String> metadata = send("GET", "/.well-known/oauth-protected-resource");
        assertThat(metadata.statusCode()).isEqualTo(200);
        assertThat(metadata.body()).contains("\"resource\":\"" + AUDIENCE + "\"",
                "\"authorization_servers\":[\"" + issuer.issuer() + "\"]",
                "\"scopes_supported\":[\"invite:member\",\"read:member\",\"read:project\",\"read:report\",\"write:report\"]",
                "\"bearer_methods_supported\":[\"header\"]");
    }

    @Test
    void refusesTheWrongKindOrganizationOrScopeWith403NamingTheScope() throws Exception {
        String writer = issuer.globalToken(AUDIENCE).scopes("write:report").sign();
        String organizationApi = issuer.organizationApiToken(AUDIENCE, "org_42").scopes("read:report", "read:member").sign();
        String otherOrganization = issuer.organizationToken("org_7").scopes("read:member", "invite:member").sign();
        String globalProject = issuer.globalToken(AUDIENCE).scopes("read:project").sign();
        String organizationProject = issuer.organizationToken("org_42").scopes("read:project").sign();

        assertInsufficientScope(send("GET", "/api/reports", bearer(writer)), "read:report");
        assertInsufficientScope(send("GET", "/api/reports", bearer(organizationApi)), "read:report");
        assertInsufficientScope(send("GET", "/api/organizations/org_42/members", bearer(organizationApi)), "read:member");
        assertInsufficientScope(send("POST", "/api/organizations/org_42/members", bearer(otherOrganization)), "invite:member");
        assertInsufficientScope(send("GET", "/api/organizations/org_42/projects", bearer(globalProject)), "read:project");
        assertInsufficientScope(send("GET", "/api/organizations/org_42/projects", bearer(organizationProject)), "read:project");
    }

    @Test
    void followsTheRulesOfEveryProtectedRoute() throws Exception {
        String valid = issuer.globalToken(AUDIENCE).scopes("read:report").sign();

        HttpResponse<String> none = send("GET", "/api/reports");
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate").orElseThrow())
                .startsWith("Bearer").contains("resource_metadata=\"").doesNotContain("error=");
        assertInvalidToken(send("GET", "/api/reports", bearer(issuer.globalToken(AUDIENCE).scopes("read:report").expired().sign())));
        assertInvalidToken(send("GET", "/api/reports", bearer(issuer.globalToken(AUDIENCE).scopes("read:report").signedWithUnknownKey().sign())));
        assertInvalidToken(send("GET", "/api/reports", bearer(issuer.globalToken("https://other.example.com").scopes("read:report").sign())));
        assertInvalidToken(send("GET", "/api/reports", bearer("x".repeat(60 * 1024))));
        assertThat(send("GET", "/api/reports", "bEaReR " + valid).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/api/reports?access_token=" + valid).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/api/reports", "Bearer a b c").statusCode()).isEqualTo(400);
        assertThat(send("GET", "/api/reports", bearer(valid), bearer(valid)).statusCode()).isEqualTo(400);
        assertThat(send("GET", "/api/reports", bearer("y".repeat(200 * 1024))).statusCode()).isBetween(400, 499);
    }

    @Test
    void stopsWithAClearMessageWhenTheEnvironmentIsIncomplete() throws Exception {
        Path incomplete = Files.createTempFile("micronaut-sample-incomplete", ".log");
        try {
            Process process = java(Map.of("LOGTO_ISSUER", issuer.issuer(), "PORT", String.valueOf(freePort())), incomplete);

            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isEqualTo(2);
            assertThat(Files.readString(incomplete)).contains("Invalid configuration: LOGTO_AUDIENCE is required with LOGTO_ISSUER");
        } finally {
            Files.deleteIfExists(incomplete);
        }
    }

    private static Process java(Map<String, String> environment, Path output) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-jar", System.getProperty("sample.jar", "target/micronaut-sample.jar"))
                .redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("LOGTO_") || name.startsWith("MICRONAUT_"));
        builder.environment().putAll(environment);
        return builder.start();
    }

    private HttpResponse<String> send(String method, String path, String... authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
                .method(method, HttpRequest.BodyPublishers.noBody());
        for (String value : authorization) {
            request.header("Authorization", value);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String bearer(String token) {
        return "Bearer " + token;
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
