package io.logto.resource.spring.reactive;

import static org.assertj.core.api.Assertions.assertThat;

import io.logto.resource.core.Challenge;
import io.logto.resource.core.LogtoResourceServer;
import io.logto.resource.core.ProtectedResourceMetadata;
import io.logto.resource.core.Requirement;
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
 * The WebFlux integration over real HTTP (Netty on a random port): the contract's routes, the annotations
 * on {@code Mono}/{@code Flux} handlers, the framework idioms, handler parameters and the metadata endpoint,
 * against real tokens from a loopback issuer. Every refusal must be exactly the core's challenge for the same
 * input.
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
    void globalTokenWithTheScopeReachesTheHandlerWithItsSubject() {
        EntityExchangeResult<byte[]> response = call(HttpMethod.GET, "/api/reports",
                ISSUER.globalToken(AUDIENCE).subject("u-7").scopes("read:report"));
        assertThat(response.getStatus().value()).isEqualTo(200);
        assertThat(body(response)).isEqualTo("{\"sub\":\"u-7\"}");
    }

    @Test
    void requestWithoutTokenGetsTheMissingTokenChallenge() {
        EntityExchangeResult<byte[]> response = client.get().uri("/api/reports").exchange().expectBody().returnResult();
        assertChallenge(response, logto.challenges().missingToken());
        assertThat(response.getResponseHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE))
                .contains("resource_metadata=").doesNotContain("error=");
    }

    @Test
    void everyRefusedTokenGetsTheCoresInvalidTokenChallenge() {
        List<String> refused = List.of(
                ISSUER.globalToken(AUDIENCE).scopes("read:report").signedWithUnknownKey().sign(),
                ISSUER.globalToken(AUDIENCE).scopes("read:report").issuer("https://evil.example.com/oidc").sign(),
                ISSUER.globalToken(AUDIENCE).scopes("read:report").audience("https://other.example.com").sign(),
                ISSUER.globalToken(AUDIENCE).scopes("read:report").type("JWT").sign(),
                ISSUER.globalToken(AUDIENCE).scopes("read:report").expired().sign(),
                "not-a-jwt");
        for (String token : refused) {
            EntityExchangeResult<byte[]> response = withHeader(HttpMethod.GET, "/api/reports", "Bearer " + token);
            assertChallenge(response, logto.authenticate("Bearer " + token).challenge().orElseThrow());
            assertThat(response.getStatus().value()).isEqualTo(401);
            assertThat(response.getResponseHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).contains("error=\"invalid_token\"");
        }
    }

    @Test
    void malformedAuthorizationHeaderGetsInvalidRequest() {
        for (String header : List.of("Bearer two tokens", "Bearer")) {
            assertChallenge(withHeader(HttpMethod.GET, "/api/reports", header), logto.challenges().invalidRequest());
        }
    }

    @Test
    void repeatedAuthorizationHeaderIsMalformed() {
        String token = ISSUER.globalToken(AUDIENCE).scopes("read:report").sign();
        EntityExchangeResult<byte[]> response = client.get().uri("/api/reports")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token, "Bearer " + token)
                .exchange().expectBody().returnResult();
        assertChallenge(response, logto.challenges().invalidRequest());
    }

    @Test
    void bearerSchemeIsCaseInsensitiveAndQueryTokensAreIgnored() {
        String token = ISSUER.globalToken(AUDIENCE).scopes("read:report").sign();
        assertThat(withHeader(HttpMethod.GET, "/api/reports", "bEaReR " + token).getStatus().value()).isEqualTo(200);
        assertChallenge(client.get().uri("/api/reports?access_token=" + token).exchange().expectBody().returnResult(),
                logto.challenges().missingToken());
    }

    @Test
    void missingScopeGetsInsufficientScopeNamingIt() {
        EntityExchangeResult<byte[]> response = call(HttpMethod.GET, "/api/reports",
                ISSUER.globalToken(AUDIENCE).scopes("write:report"));
        assertChallenge(response, logto.challenges().insufficientScope(
                Requirement.global("read:report").evaluate(logto.verifier().verify(
                        ISSUER.globalToken(AUDIENCE).scopes("write:report").sign()).token().orElseThrow())));
        assertThat(response.getResponseHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE))
                .contains("error=\"insufficient_scope\"").contains("scope=\"read:report\"");
    }

    @Test
    void postRouteNeedsItsOwnScope() {
        assertThat(call(HttpMethod.POST, "/api/reports", ISSUER.globalToken(AUDIENCE).scopes("write:report"))
                .getStatus().value()).isEqualTo(200);
        assertThat(call(HttpMethod.POST, "/api/reports", ISSUER.globalToken(AUDIENCE).scopes("read:report"))
                .getStatus().value()).isEqualTo(403);
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
    void organizationRouteTakesTheOrganizationFromThePath() {
        EntityExchangeResult<byte[]> granted = call(HttpMethod.GET, "/api/organizations/org_1/members",
                ISSUER.organizationToken("org_1").subject("u-1").scopes("read:member"));
        assertThat(granted.getStatus().value()).isEqualTo(200);
        assertThat(body(granted)).contains("\"organizationId\":\"org_1\"").contains("\"sub\":\"u-1\"");
        assertThat(call(HttpMethod.GET, "/api/organizations/org_2/members",
                ISSUER.organizationToken("org_1").scopes("read:member")).getStatus().value()).isEqualTo(403);
        assertThat(call(HttpMethod.GET, "/api/organizations/org_1/members",
                ISSUER.globalToken(AUDIENCE).scopes("read:member")).getStatus().value()).isEqualTo(403);
        assertThat(call(HttpMethod.POST, "/api/organizations/org_1/members",
                ISSUER.organizationToken("org_1").scopes("invite:member")).getStatus().value()).isEqualTo(200);
    }

    @Test
    void organizationVariableCanBeRenamed() {
        EntityExchangeResult<byte[]> response = call(HttpMethod.GET, "/api/tenants/t_9/members",
                ISSUER.organizationToken("t_9").scopes("read:member"));
        assertThat(response.getStatus().value()).isEqualTo(200);
        assertThat(body(response)).isEqualTo("{\"organizationId\":\"t_9\"}");
    }

    @Test
    void organizationApiRouteNeedsTheOrganizationIdClaim() {
        assertThat(call(HttpMethod.GET, "/api/organizations/org_1/projects",
                ISSUER.organizationApiToken(AUDIENCE, "org_1").scopes("read:project")).getStatus().value()).isEqualTo(200);
        assertThat(call(HttpMethod.GET, "/api/organizations/org_1/projects",
                ISSUER.organizationApiToken(AUDIENCE, "org_2").scopes("read:project")).getStatus().value()).isEqualTo(403);
        assertThat(call(HttpMethod.GET, "/api/organizations/org_1/projects",
                ISSUER.globalToken(AUDIENCE).scopes("read:project")).getStatus().value()).isEqualTo(403);
        assertThat(call(HttpMethod.GET, "/api/reports",
                ISSUER.organizationApiToken(AUDIENCE, "org_1").scopes("read:report")).getStatus().value()).isEqualTo(403);
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
    void publicRouteIgnoresTheAuthorizationHeader() {
        assertThat(client.get().uri("/api/public").exchange().expectBody().returnResult().getStatus().value()).isEqualTo(200);
        assertThat(withHeader(HttpMethod.GET, "/api/public", "Bearer not-a-jwt").getStatus().value()).isEqualTo(200);
        assertThat(withHeader(HttpMethod.GET, "/api/public", "Bearer two tokens").getStatus().value()).isEqualTo(200);
        assertThat(call(HttpMethod.GET, "/api/public", ISSUER.globalToken(AUDIENCE).expired()).getStatus().value())
                .isEqualTo(200);
    }

    @Test
    void nullableTokenParameterIsOptional() {
        assertThat(body(client.get().uri("/api/optional").exchange().expectBody().returnResult()))
                .isEqualTo("{\"sub\":\"anonymous\"}");
        assertThat(body(call(HttpMethod.GET, "/api/optional", ISSUER.globalToken(AUDIENCE).subject("u-3"))))
                .isEqualTo("{\"sub\":\"u-3\"}");
    }

    @Test
    void filterChainAuthorityIdiomGrantsOnlyGlobalTokens() {
        assertIdiom("/api/idiom/filter-chain");
    }

    @Test
    void preAuthorizeAuthorityIdiomGrantsOnlyGlobalTokens() {
        assertIdiom("/api/idiom/pre-authorize");
    }

    private void assertIdiom(String path) {
        EntityExchangeResult<byte[]> granted = call(HttpMethod.GET, path, ISSUER.globalToken(AUDIENCE).subject("u-5").scopes("read:report"));
        assertThat(granted.getStatus().value()).isEqualTo(200);
        assertThat(body(granted)).isEqualTo("{\"sub\":\"u-5\"}");
        assertThat(call(HttpMethod.GET, path, ISSUER.globalToken(AUDIENCE).scopes("read:report", "a,b")).getStatus().value())
                .isEqualTo(200);
        assertChallenge(call(HttpMethod.GET, path, ISSUER.globalToken(AUDIENCE).scopes("write:report")),
                logto.challenges().accessDenied());
        assertChallenge(call(HttpMethod.GET, path, ISSUER.organizationToken("org_1").scopes("read:report")),
                logto.challenges().accessDenied());
        assertChallenge(call(HttpMethod.GET, path, ISSUER.organizationApiToken(AUDIENCE, "org_1").scopes("read:report")),
                logto.challenges().accessDenied());
        assertChallenge(client.get().uri(path).exchange().expectBody().returnResult(), logto.challenges().missingToken());
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
    void authenticationIsTheVerifiedTokenNamedBySubject() {
        String body = body(call(HttpMethod.GET, "/api/me", ISSUER.globalToken(AUDIENCE).subject("u-8").scopes("read:report")));
        assertThat(body).contains("\"name\":\"u-8\"").contains("\"principal\":\"VerifiedToken\"")
                .contains("SCOPE_read:report");
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
