package io.logto.resource.samples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.logto.resource.test.LogtoTokenMinter;
import io.logto.resource.test.TokenBuilder;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The sample on a real Tomcat at a random port, playing the sample contract over HTTP against a WireMock
 * JWKS, including what only a real server and a real key endpoint can show: header size limits, raw bytes,
 * and a JWKS endpoint that fails, answers garbage or hangs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SpringSampleHttpTest {

    static final String AUDIENCE = "https://api.example.com";
    static final WireMockServer LOGTO = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
    static final String ISSUER;
    static final LogtoTokenMinter MINTER;

    static {
        LOGTO.start();
        ISSUER = "http://127.0.0.1:" + LOGTO.port() + "/oidc";
        MINTER = LogtoTokenMinter.create(ISSUER);
        healthyLogto();
    }

    @LocalServerPort
    int port;

    final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @DynamicPropertySource
    static void logto(DynamicPropertyRegistry registry) {
        registry.add("logto.issuer", () -> ISSUER);
        registry.add("logto.audience", () -> AUDIENCE);
    }

    @AfterAll
    static void stopLogto() {
        LOGTO.stop();
    }

    static void healthyLogto() {
        LOGTO.resetAll();
        LOGTO.stubFor(WireMock.get("/oidc/.well-known/openid-configuration").willReturn(WireMock.okJson(
                "{\"issuer\":\"" + ISSUER + "\",\"jwks_uri\":\"" + ISSUER + "/jwks\"}")));
        LOGTO.stubFor(WireMock.get("/oidc/jwks").willReturn(WireMock.okJson(MINTER.jwksJson())
                .withHeader("Cache-Control", "no-cache")));
    }

    static Stream<Arguments> contract() {
        Supplier<TokenBuilder> reports = () -> MINTER.globalToken(AUDIENCE);
        Supplier<TokenBuilder> org42 = () -> MINTER.organizationToken("org_42");
        Supplier<TokenBuilder> api42 = () -> MINTER.organizationApiToken(AUDIENCE, "org_42");
        String members = "/api/organizations/org_42/members";
        String projects = "/api/organizations/org_42/projects";
        return Stream.of(
                row("public route needs nothing", "GET", "/api/public", null, 200, "{"),
                row("reports with read:report", "GET", "/api/reports", reports.get().scopes("read:report"), 200,
                        "{\"sub\":\"user-1\"}"),
                row("new report with write:report", "POST", "/api/reports", reports.get().scopes("write:report"), 200,
                        "{\"sub\":\"user-1\"}"),
                row("members with the organization's read:member", "GET", members, org42.get().scopes("read:member"), 200,
                        "{\"organizationId\":\"org_42\",\"sub\":\"user-1\"}"),
                row("invitation with the organization's invite:member", "POST", members,
                        org42.get().scopes("invite:member"), 200, "{\"organizationId\":\"org_42\",\"sub\":\"user-1\"}"),
                row("projects with an organization-level API token", "GET", projects, api42.get().scopes("read:project"),
                        200, "{\"organizationId\":\"org_42\",\"sub\":\"user-1\"}"),
                row("metadata is public", "GET", "/.well-known/oauth-protected-resource", null, 200,
                        "\"authorization_servers\":[\"" + ISSUER + "\"]"),
                row("reports without a token", "GET", "/api/reports", null, 401, "Bearer resource_metadata="),
                row("members without a token", "POST", members, null, 401, "Bearer resource_metadata="),
                row("projects without a token", "GET", projects, null, 401, "Bearer resource_metadata="),
                row("expired token", "GET", "/api/reports", reports.get().scopes("read:report").expired(), 401,
                        "error=\"invalid_token\""),
                row("token for another API", "GET", projects,
                        MINTER.organizationApiToken("https://other.example.com", "org_42").scopes("read:project"), 401,
                        "error=\"invalid_token\""),
                row("token lacking the scope", "POST", "/api/reports", reports.get().scopes("read:report"), 403,
                        "scope=\"write:report\""),
                row("organization token on a global route", "GET", "/api/reports", org42.get().scopes("read:report"), 403,
                        "scope=\"read:report\""),
                row("organization-level API token on a global route", "GET", "/api/reports",
                        api42.get().scopes("read:report"), 403, "scope=\"read:report\""),
                row("global token on an organization route", "GET", members, reports.get().scopes("read:member"), 403,
                        "scope=\"read:member\""),
                row("token for another organization", "GET", members,
                        MINTER.organizationToken("org_7").scopes("read:member"), 403, "scope=\"read:member\""),
                row("global token on an organization-level API route", "GET", projects,
                        reports.get().scopes("read:project"), 403, "scope=\"read:project\""));
    }

    private static Arguments row(String name, String method, String path, TokenBuilder token, int status, String expected) {
        return Arguments.of(name, method, path, token == null ? null : token.sign(), status, expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contract")
    void answersTheContract(String name, String method, String path, String token, int status, String expected)
            throws Exception {
        HttpResponse<String> response = send(method, path, token == null ? null : "Bearer " + token);
        assertThat(response.statusCode()).isEqualTo(status);
        if (status == 200) {
            assertThat(response.body()).contains(expected);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                    .startsWith("application/json"));
        } else {
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(challenge -> assertThat(challenge)
                    .startsWith("Bearer").contains(expected).contains("resource_metadata=\""));
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        }
    }

    @Test
    void unmappedPathsNeedATokenAndThenAnswerNotFound() throws Exception {
        assertThat(send("GET", "/api/nothing-here", null).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/api/nothing-here", bearer("read:report")).statusCode()).isEqualTo(404);
    }

    @Test
    void a60KilobyteTokenIsAnInvalidTokenNotAHeaderTooLarge() throws Exception {
        HttpResponse<String> response = send("GET", "/api/reports", "Bearer " + "A".repeat(60 * 1024));
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).contains("error=\"invalid_token\""));
    }

    @Test
    void oversizedOrGarbageHeadersNeverCauseA5xx() throws Exception {
        assertThat(send("GET", "/api/reports", "Bearer " + "A".repeat(80 * 1024)).statusCode()).isBetween(400, 499);
        assertThat(send("GET", "/api/reports", "Bearer !!!").statusCode()).isEqualTo(400);
        assertThat(send("GET", "/api/reports", "bearer").statusCode()).isEqualTo(400);
        assertThat(rawStatus("Authorization: Bearer \u00ff\u00fe\u0080abc")).isBetween(400, 499);
    }

    @Test
    void schemeIsCaseInsensitiveAndQueryTokensAreIgnored() throws Exception {
        String token = MINTER.globalToken(AUDIENCE).scopes("read:report").sign();
        assertThat(send("GET", "/api/reports", "BEARER " + token).statusCode()).isEqualTo(200);
        HttpResponse<String> query = send("GET", "/api/reports?access_token=" + token, null);
        assertThat(query.statusCode()).isEqualTo(401);
        assertThat(query.headers().firstValue("WWW-Authenticate").orElseThrow()).doesNotContain("error=");
    }

    @Test
    void aFailingSlowOrGarbageJwksNeitherHangsRequestsNorInvalidatesKnownKeys() throws Exception {
        assertThat(send("GET", "/api/reports", bearer("read:report")).statusCode()).isEqualTo(200);
        try {
            LOGTO.stubFor(WireMock.get("/oidc/jwks").willReturn(WireMock.serverError()));
            assertThat(send("GET", "/api/reports", bearer("read:report")).statusCode()).isEqualTo(200);
            assertThat(send("GET", "/api/reports", unknownKey()).statusCode()).isEqualTo(401);

            LOGTO.stubFor(WireMock.get("/oidc/jwks").willReturn(WireMock.okJson("{\"keys\": not json")));
            assertThat(send("GET", "/api/reports", bearer("read:report")).statusCode()).isEqualTo(200);
            assertThat(send("GET", "/api/reports", unknownKey()).statusCode()).isEqualTo(401);

            LOGTO.stubFor(WireMock.get("/oidc/jwks").willReturn(WireMock.okJson(MINTER.jwksJson()).withFixedDelay(6_000)));
            assertThat(send("GET", "/api/reports", bearer("read:report")).statusCode()).isEqualTo(200);
            assertThat(send("GET", "/api/reports", unknownKey()).statusCode()).isEqualTo(401);
        } finally {
            healthyLogto();
        }
    }

    private static String bearer(String scope) {
        return "Bearer " + MINTER.globalToken(AUDIENCE).scopes(scope).sign();
    }

    private static String unknownKey() {
        return "Bearer " + MINTER.globalToken(AUDIENCE).scopes("read:report").signedWithUnknownKey().sign();
    }

    /** Sends a request; a request the server leaves hanging fails the test after 15 seconds. */
    private HttpResponse<String> send(String method, String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(15)).method(method, HttpRequest.BodyPublishers.noBody());
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Sends raw bytes no HTTP client library would, and returns the status code. */
    private int rawStatus(String header) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/reports HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n" + header + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String statusLine = new String(in.readNBytes(12), StandardCharsets.ISO_8859_1);
            return Integer.parseInt(statusLine.substring(9, 12));
        }
    }
}
