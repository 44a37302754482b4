package io.logto.resource.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

import io.logto.resource.core.Challenge;
import io.logto.resource.core.LogtoResourceServer;
import io.logto.resource.core.Requirement;
import io.logto.resource.core.VerificationResult;
import io.logto.resource.test.LogtoTestIssuer;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every row of the sample contract and every rule that holds on protected routes, with real tokens. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContractTest implements TestPropertyProvider {

    static final String AUDIENCE = "https://api.example.com";

    final LogtoTestIssuer issuer = LogtoTestIssuer.start();

    @Inject
    EmbeddedServer server;
    @Inject
    LogtoResourceServer logto;
    @Inject
    JsonMapper json;

    TestHttp http;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("logto.issuer", issuer.issuer(), "logto.audience", AUDIENCE,
                "micronaut.server.netty.max-header-size", "65536");
    }

    @BeforeAll
    void client() {
        http = new TestHttp(server.getURI());
    }

    @AfterAll
    void stopIssuer() {
        issuer.close();
    }

    static Stream<Arguments> grantedRequests() {
        return Stream.of(
                Arguments.of("GET", "/api/reports", "global", "read:report"),
                Arguments.of("POST", "/api/reports", "global", "write:report"),
                Arguments.of("GET", "/api/organizations/org_42/members", "organization", "read:member"),
                Arguments.of("POST", "/api/organizations/org_42/members", "organization", "invite:member"),
                Arguments.of("GET", "/api/organizations/org_42/projects", "organizationApi", "read:project"));
    }

    static Stream<String> protectedRoutes() {
        return grantedRequests().map(arguments -> arguments.get()[0] + " " + arguments.get()[1]);
    }

    @Test
    void publicEndpointNeedsNothing() {
        HttpResponse<String> response = http.get("/api/public");

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("grantedRequests")
    void grantsTheRightTokenWithTheRightScopeAndAnswersTheSubject(String method, String path, String kind, String scope)
            throws IOException {
        String token = token(kind, "org_42").subject("user-7").scopes("other", scope).sign();

        HttpResponse<String> response = http.send(method, path, "Bearer " + token);

        assertThat(response.statusCode()).isEqualTo(200);
        Map<?, ?> body = json.readValue(response.body(), Map.class);
        assertThat(body.get("sub")).isEqualTo("user-7");
        if (!kind.equals("global")) {
            assertThat(body.get("organizationId")).isEqualTo("org_42");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("protectedRoutes")
    void answersNoTokenWith401WithoutErrorCodeButWithResourceMetadata(String route) {
        String[] parts = route.split(" ");

        HttpResponse<String> response = http.send(parts[0], parts[1]);

        assertChallenge(response, logto.challenges().missingToken());
        assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow())
                .startsWith("Bearer")
                .contains("resource_metadata=\"https://api.example.com/.well-known/oauth-protected-resource\"")
                .doesNotContain("error=");
    }

    static Stream<Arguments> refusedTokens() {
        return Stream.of(
                Arguments.of("unknown key", (TokenMaker) issuer -> issuer.globalToken(AUDIENCE).scopes("read:report").signedWithUnknownKey().sign()),
                Arguments.of("other issuer", (TokenMaker) issuer -> issuer.globalToken(AUDIENCE).scopes("read:report").issuer("https://evil.example.com/oidc").sign()),
                Arguments.of("other audience", (TokenMaker) issuer -> issuer.globalToken("https://other.example.com").scopes("read:report").sign()),
                Arguments.of("id token type", (TokenMaker) issuer -> issuer.globalToken(AUDIENCE).scopes("read:report").type("JWT").sign()),
                Arguments.of("expired", (TokenMaker) issuer -> issuer.globalToken(AUDIENCE).scopes("read:report").expired().sign()),
                Arguments.of("tampered signature", (TokenMaker) issuer -> tamper(issuer.globalToken(AUDIENCE).scopes("read:report").sign())),
                Arguments.of("not a JWT", (TokenMaker) issuer -> "not-a-jwt"),
                Arguments.of("60 KB long", (TokenMaker) issuer -> "a".repeat(60 * 1024)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedTokens")
    void answersEveryRefusedTokenWith401InvalidToken(String description, TokenMaker maker) {
        String token = maker.make(issuer);

        HttpResponse<String> response = http.get("/api/reports", "Bearer " + token);

        VerificationResult expected = logto.verifier().verify(token);
        assertChallenge(response, logto.challenges().invalidToken(expected.rejection().orElseThrow()));
        assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("error=\"invalid_token\"");
    }

    static Stream<Arguments> deniedRequests() {
        return Stream.of(
                Arguments.of("organization token on a global endpoint", "/api/reports", "organization", "read:report"),
                Arguments.of("token with organization_id on a global endpoint", "/api/reports", "organizationApi", "read:report"),
                Arguments.of("global token lacking the scope", "/api/reports", "global", "write:report"),
                Arguments.of("global token on an organization endpoint", "/api/organizations/org_42/members", "global", "read:member"),
                Arguments.of("token for another organization", "/api/organizations/org_1/members", "organization", "read:member"),
                Arguments.of("organization token lacking the scope", "/api/organizations/org_42/members", "organization", "invite:member"),
                Arguments.of("organization token on an organization API endpoint", "/api/organizations/org_42/projects", "organization", "read:project"),
                Arguments.of("organization API token for another organization", "/api/organizations/org_1/projects", "organizationApi", "read:project"),
                Arguments.of("global token on an organization API endpoint", "/api/organizations/org_42/projects", "global", "read:project"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deniedRequests")
    void answersTheWrongTokenWith403InsufficientScopeNamingTheScope(String description, String path, String kind, String scope) {
        String token = token(kind, "org_42").scopes(scope).sign();

        HttpResponse<String> response = http.get(path, "Bearer " + token);

        String needed = path.endsWith("reports") ? "read:report" : path.endsWith("members") ? "read:member" : "read:project";
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow())
                .contains("error=\"insufficient_scope\"", "scope=\"" + needed + "\"");
        assertChallenge(response, logto.challenges().insufficientScope(logto.authorize(
                logto.verifier().verify(token).token().orElseThrow(), requirementOf(path))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bearer ", "BEARER ", "Bearer    ", "bEaReR "})
    void readsTheSchemeInAnyLetterCase(String scheme) {
        String token = issuer.globalToken(AUDIENCE).scopes("read:report").sign();

        assertThat(http.get("/api/reports", scheme + token).statusCode()).isEqualTo(200);
    }

    @Test
    void ignoresTokensInTheQueryString() {
        String token = issuer.globalToken(AUDIENCE).scopes("read:report").sign();

        HttpResponse<String> response = http.get("/api/reports?access_token=" + token);

        assertChallenge(response, logto.challenges().missingToken());
    }

    @Test
    void treatsOtherSchemesAsNoToken() {
        assertChallenge(http.get("/api/reports", "Basic dXNlcjpwYXNz"), logto.challenges().missingToken());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer", "Bearer ", "Bearer two tokens", "Bearer a,b", "Bearer\tx"})
    void answersMalformedHeadersWith400InvalidRequest(String header) {
        HttpResponse<String> response = http.get("/api/reports", header);

        assertChallenge(response, logto.challenges().invalidRequest());
        assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("error=\"invalid_request\"");
    }

    @Test
    void answersTwoAuthorizationHeadersWith400() {
        String token = issuer.globalToken(AUDIENCE).scopes("read:report").sign();

        assertChallenge(http.get("/api/reports", "Bearer " + token, "Bearer " + token), logto.challenges().invalidRequest());
    }

    @Test
    void neverAnswersAnOversizedHeaderWithA5xx() {
        HttpResponse<String> response = http.get("/api/reports", "Bearer " + "a".repeat(100 * 1024));

        assertThat(response.statusCode()).isBetween(400, 499);
    }

    @Test
    @SuppressWarnings("unchecked")
    void servesTheMetadataDocumentPublicly() throws IOException {
        HttpResponse<String> response = http.get("/.well-known/oauth-protected-resource");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        Map<?, ?> document = json.readValue(response.body(), Map.class);
        assertThat(document.get("resource")).isEqualTo(AUDIENCE);
        assertThat(document.get("authorization_servers")).isEqualTo(List.of(issuer.issuer()));
        assertThat(document.get("bearer_methods_supported")).isEqualTo(List.of("header"));
        assertThat((List<Object>) document.get("scopes_supported"))
                .contains("read:report", "write:report", "read:member", "invite:member", "read:project");
    }

    private io.logto.resource.test.TokenBuilder token(String kind, String organizationId) {
        switch (kind) {
            case "global":
                return issuer.globalToken(AUDIENCE);
            case "organization":
                return issuer.organizationToken(organizationId);
            default:
                return issuer.organizationApiToken(AUDIENCE, organizationId);
        }
    }

    private static Requirement requirementOf(String path) {
        String organization = path.split("/").length > 3 ? path.split("/")[3] : null;
        if (path.endsWith("members")) {
            return Requirement.organization(organization, "read:member");
        }
        return path.endsWith("projects") ? Requirement.organizationApi(organization, "read:project")
                : Requirement.global("read:report");
    }

    private static String tamper(String token) {
        int signature = token.lastIndexOf('.') + 1;
        char first = token.charAt(signature);
        return token.substring(0, signature) + (first == 'A' ? 'B' : 'A') + token.substring(signature + 1);
    }

    static void assertChallenge(HttpResponse<String> response, Challenge expected) {
        assertThat(response.statusCode()).isEqualTo(expected.status());
        assertThat(response.headers().allValues("WWW-Authenticate")).containsExactly(expected.wwwAuthenticate());
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith(Challenge.CONTENT_TYPE);
        assertThat(response.body()).isEqualTo(expected.body());
    }

    /** Makes a token from the test issuer. */
    interface TokenMaker {
        String make(LogtoTestIssuer issuer);
    }
}
