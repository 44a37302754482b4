package io.logto.resource.spring.reactive;

import static org.assertj.core.api.Assertions.assertThat;

import io.logto.resource.core.Challenge;
import io.logto.resource.core.LogtoResourceServer;
import io.logto.resource.core.ProtectedResourceMetadata;
import io.logto.resource.core.Requirement;
import io.logto.resource.core.TokenRoles;
import io.logto.resource.test.LogtoTestIssuer;
import io.logto.resource.test.TokenBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What the WebFlux integration adds beyond the sample contract (which {@link ReactiveConformanceTest} plays),
 * over real HTTP (Netty on a random port) with real tokens from a loopback issuer: answers written exactly as
 * the core computes them, annotations on {@code Flux} handlers and on classes, a renamed organization variable,
 * optional token parameters, programmatic checks, the authentication object, scopes collected for the metadata
 * and the firewall's 400.
 */
@SpringBootTest(classes = ReactiveTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.main.web-application-type=reactive")
@AutoConfigureWebTestClient
class LogtoReactiveSecurityIntegrationTest {

    static final String AUDIENCE = "https://api.example.com";
    static final LogtoTestIssuer ISSUER = LogtoTestIssuer.start();

    @Autowired
    WebTestClient client;

    @Autowired
    LogtoResourceServer logto;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void logtoProperties(DynamicPropertyRegistry registry) {
        registry.add("logto.issuer", ISSUER::issuer);
        registry.add("logto.audience", () -> AUDIENCE);
    }

    @AfterAll
    static void stopIssuer() {
        ISSUER.close();
    }

    @Test
    void everyAnswerIsTheCoresChallengeExactly() {
        assertChallenge(client.get().uri("/api/reports").exchange().expectBody().returnResult(),
                logto.challenges().missingToken());
        String expired = ISSUER.globalToken(AUDIENCE).scopes("read:report").expired().sign();
        assertChallenge(withHeader(HttpMethod.GET, "/api/reports", "Bearer " + expired),
                logto.authenticate("Bearer " + expired).challenge().orElseThrow());
        assertChallenge(withHeader(HttpMethod.GET, "/api/reports", "Bearer two tokens"), logto.challenges().invalidRequest());
        String other = ISSUER.globalToken(AUDIENCE).scopes("write:report").sign();
        assertChallenge(withHeader(HttpMethod.GET, "/api/reports", "Bearer " + other),
                logto.challenges().insufficientScope(logto.authorize(logto.verifier().verify(other).token().orElseThrow(),
                        Requirement.global("read:report"))));
        assertChallenge(call(HttpMethod.GET, "/api/idiom/pre-authorize", ISSUER.organizationToken("org_1").scopes("read:report")),
                logto.challenges().accessDenied());
    }

    @Test
    void anyOfScopesOnAFluxHandler() {
        EntityExchangeResult<byte[]> response = call(HttpMethod.GET, "/api/reports/any",
                ISSUER.globalToken(AUDIENCE).scopes("admin"));
        assertThat(response.getStatus().value()).isEqualTo(200);
        assertThat(body(response)).isEqualTo("ab");
        assertThat(call(HttpMethod.GET, "/api/reports/any", ISSUER.globalToken(AUDIENCE).scopes("other"))
                .getStatus().value()).isEqualTo(403);
    }

    @Test
    void organizationVariableCanBeRenamed() {
        EntityExchangeResult<byte[]> response = call(HttpMethod.GET, "/api/tenants/t_9/members",
                ISSUER.organizationToken("t_9").scopes("read:member"));
        assertThat(response.getStatus().value()).isEqualTo(200);
        assertThat(body(response)).isEqualTo("{\"organizationId\":\"t_9\"}");
    }

    @Test
    void missingOrganizationVariableGetsTheCoresAccessDenied() {
        assertChallenge(call(HttpMethod.GET, "/api/teams/members", ISSUER.organizationToken("org_1").scopes("read:member")),
                logto.challenges().accessDenied());
    }

    @Test
    void classLevelAnnotationAppliesAndAMethodAnnotationWins() {
        assertThat(call(HttpMethod.GET, "/api/admin/settings", ISSUER.globalToken(AUDIENCE).scopes("read:admin"))
                .getStatus().value()).isEqualTo(200);
        assertThat(call(HttpMethod.GET, "/api/admin/settings", ISSUER.globalToken(AUDIENCE).scopes("write:admin"))
                .getStatus().value()).isEqualTo(403);
        assertThat(call(HttpMethod.POST, "/api/admin/settings", ISSUER.globalToken(AUDIENCE).scopes("write:admin"))
                .getStatus().value()).isEqualTo(200);
        assertThat(call(HttpMethod.POST, "/api/admin/settings", ISSUER.globalToken(AUDIENCE).scopes("read:admin"))
                .getStatus().value()).isEqualTo(403);
    }

    @Test
    void nullableTokenParameterIsOptional() {
        assertThat(body(client.get().uri("/api/optional").exchange().expectBody().returnResult()))
                .isEqualTo("{\"sub\":\"anonymous\"}");
        assertThat(body(call(HttpMethod.GET, "/api/optional", ISSUER.globalToken(AUDIENCE).subject("u-3"))))
                .isEqualTo("{\"sub\":\"u-3\"}");
    }

    @Test
    void accessRefusedExceptionFromHandlerCodeGetsTheCoresChallenge() {
        EntityExchangeResult<byte[]> response = call(HttpMethod.POST, "/api/organizations/org_1/invitations",
                ISSUER.organizationToken("org_1").scopes("read:member"));
        assertThat(response.getStatus().value()).isEqualTo(403);
        assertThat(response.getResponseHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).contains("scope=\"invite:member\"");
        assertThat(call(HttpMethod.POST, "/api/organizations/org_1/invitations",
                ISSUER.organizationToken("org_1").scopes("invite:member")).getStatus().value()).isEqualTo(200);
    }

    @Test
    void authenticationIsTheVerifiedTokenWithAuthoritiesFromTheCoresRoles() {
        String global = body(call(HttpMethod.GET, "/api/me", ISSUER.globalToken(AUDIENCE).subject("u-8").scopes("read:report")));
        assertThat(global).contains("\"name\":\"u-8\"").contains("\"principal\":\"VerifiedToken\"")
                .contains("\"authorities\":[\"SCOPE_read:report\"]");
        String organization = body(call(HttpMethod.GET, "/api/me", ISSUER.organizationToken("org_1").scopes("read:report")));
        assertThat(organization).contains("\"SCOPE_" + TokenRoles.organization("org_1", "read:report") + "\"")
                .doesNotContain("\"SCOPE_read:report\"");
    }

    @Test
    void metadataIsPublicAndListsTheAnnotatedScopes() {
        EntityExchangeResult<byte[]> response = withHeader(HttpMethod.GET, ProtectedResourceMetadata.PATH, "Bearer not-a-jwt");
        assertThat(response.getStatus().value()).isEqualTo(200);
        assertThat(body(response)).isEqualTo(logto.metadata().withScopes(List.of("read:report", "write:report", "admin",
                "read:member", "invite:member", "read:project", "read:admin", "write:admin")).toJson());
        assertThat(client.head().uri(ProtectedResourceMetadata.PATH).exchange().expectBody().returnResult()
                .getStatus().value()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"//api/reports", "/api;a=b/reports", "/api/./reports", "/api/%2e/reports"})
    void urlTheFirewallRejectsIsABadRequestEvenWithAValidToken(String path) throws IOException {
        String token = ISSUER.globalToken(AUDIENCE).scopes("read:report").sign();
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String status = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            assertThat(status).isEqualTo("HTTP/1.1 400");
        }
    }

    private EntityExchangeResult<byte[]> call(HttpMethod method, String path, TokenBuilder token) {
        return withHeader(method, path, "Bearer " + token.sign());
    }

    private EntityExchangeResult<byte[]> withHeader(HttpMethod method, String path, String authorization) {
        return client.method(method).uri(path).header(HttpHeaders.AUTHORIZATION, authorization)
                .exchange().expectBody().returnResult();
    }

    private static String body(EntityExchangeResult<byte[]> response) {
        byte[] body = response.getResponseBody();
        return body == null ? "" : new String(body, StandardCharsets.UTF_8);
    }

    private static void assertChallenge(EntityExchangeResult<byte[]> response, Challenge expected) {
        assertThat(response.getStatus().value()).isEqualTo(expected.status());
        assertThat(response.getResponseHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).isEqualTo(expected.wwwAuthenticate());
        assertThat(response.getResponseHeaders().getFirst(HttpHeaders.CONTENT_TYPE)).startsWith(Challenge.CONTENT_TYPE);
        assertThat(body(response)).isEqualTo(expected.body());
    }
}
