package io.logto.resource.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import io.logto.resource.core.Challenge;
import io.logto.resource.core.LogtoConfig;
import io.logto.resource.core.LogtoResourceServer;
import io.logto.resource.core.Requirement;
import io.logto.resource.core.VerifiedToken;
import io.logto.resource.test.LogtoTestIssuer;
import io.logto.resource.test.LogtoTestIssuerExtension;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The sample contract of DESIGN.md and its rules for every protected route, played over HTTP against a
 * real Jetty running the filter. Subclasses configure the filter in code or with init parameters.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LogtoFilterContractTest {

    static final String AUDIENCE = "https://api.example.com";

    /** The contract's rules as lines, also used for the {@code routes} init parameter. */
    static final String RULE_LINES = String.join("\n",
            "GET  /api/public = permit-all",
            "GET  /api/reports = global read:report",
            "POST /api/reports = global write:report",
            "GET  /api/organizations/{orgId}/members = organization(orgId) read:member",
            "POST /api/organizations/{orgId}/members = organization(orgId) invite:member",
            "GET  /api/organizations/{orgId}/projects = organization-api(orgId) read:project",
            "# programmatic checks decide the rest",
            "GET  /api/admin = global");

    @RegisterExtension
    static final LogtoTestIssuerExtension LOGTO = new LogtoTestIssuerExtension();

    LogtoTestIssuer issuer;
    JettyApp app;
    LogtoResourceServer oracle;

    /** Starts the application with the filter configured for {@code issuer} and {@link #AUDIENCE}. */
    abstract JettyApp startApp(LogtoTestIssuer issuer);

    @BeforeAll
    void start() {
        issuer = LOGTO.issuer();
        app = startApp(issuer);
        oracle = LogtoResourceServer.create(LogtoConfig.custom().issuer(issuer.issuer()).audience(AUDIENCE).build());
    }

    @AfterAll
    void stop() throws Exception {
        app.close();
        oracle.close();
    }

    // --- the contract rows

    @Test
    void publicRouteNeedsNoToken() {
        assertThat(app.send("GET", "/api/public").statusCode()).isEqualTo(200);
        assertThat(app.send("GET", "/api/public", "not-a-token").statusCode()).isEqualTo(200);
    }

    @Test
    void readingReportsNeedsAGlobalTokenWithReadReport() {
        String token = issuer.globalToken(AUDIENCE).subject("user-7").scopes("read:report").sign();

        HttpResponse<String> response = app.send("GET", "/api/reports", token);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"sub\":\"user-7\"}");
    }

    @Test
    void writingReportsNeedsWriteReport() {
        String writer = issuer.globalToken(AUDIENCE).scopes("write:report").sign();
        String reader = issuer.globalToken(AUDIENCE).scopes("read:report").sign();

        assertThat(app.send("POST", "/api/reports", writer).statusCode()).isEqualTo(200);
        assertChallenge(app.send("POST", "/api/reports", reader), denial(reader, Requirement.global("write:report")));
        assertChallenge(app.send("GET", "/api/reports", writer), denial(writer, Requirement.global("read:report")));
    }

    @Test
    void membersNeedAnOrganizationTokenForTheOrganizationInThePath() {
        String token = issuer.organizationToken("org_42").subject("user-9").scopes("read:member", "invite:member").sign();

        HttpResponse<String> read = app.send("GET", "/api/organizations/org_42/members", token);
        HttpResponse<String> invite = app.send("POST", "/api/organizations/org_42/members", token);

        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).isEqualTo("{\"organizationId\":\"org_42\",\"sub\":\"user-9\"}");
        assertThat(invite.statusCode()).isEqualTo(200);
        assertThat(invite.body()).isEqualTo(read.body());
    }

    @Test
    void invitingMembersNeedsInviteMember() {
        String token = issuer.organizationToken("org_42").scopes("read:member").sign();

        assertChallenge(app.send("POST", "/api/organizations/org_42/members", token),
                denial(token, Requirement.organization("org_42", "invite:member")));
    }

    @Test
    void membersRefuseATokenForAnotherOrganization() {
        String token = issuer.organizationToken("org_7").scopes("read:member").sign();

        assertChallenge(app.send("GET", "/api/organizations/org_42/members", token),
                denial(token, Requirement.organization("org_42", "read:member")));
    }

    @Test
    void projectsNeedAnOrganizationLevelApiTokenForTheOrganizationInThePath() {
        String token = issuer.organizationApiToken(AUDIENCE, "org_42").subject("user-3").scopes("read:project").sign();

        HttpResponse<String> response = app.send("GET", "/api/organizations/org_42/projects", token);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"organizationId\":\"org_42\",\"sub\":\"user-3\"}");
    }

    @Test
    void projectsRefuseAnApiTokenForAnotherOrganization() {
        String token = issuer.organizationApiToken(AUDIENCE, "org_7").scopes("read:project").sign();

        assertChallenge(app.send("GET", "/api/organizations/org_42/projects", token),
                denial(token, Requirement.organizationApi("org_42", "read:project")));
    }

    @Test
    void metadataIsPublicAndListsTheScopesOfTheRules() {
        HttpResponse<String> response = app.send("GET", "/.well-known/oauth-protected-resource");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.body()).isEqualTo(oracle.metadata()
                .withScopes(java.util.List.of("read:report", "write:report", "read:member", "invite:member", "read:project"))
                .toJson());
        assertThat(response.body()).contains("\"authorization_servers\":[\"" + issuer.issuer() + "\"]",
                "\"bearer_methods_supported\":[\"header\"]", "\"resource\":\"" + AUDIENCE + "\"");
    }

    // --- rules that hold on every protected route

    @ParameterizedTest
    @ValueSource(strings = {"/api/reports", "/api/organizations/org_42/members", "/api/organizations/org_42/projects"})
    void noAuthorizationHeaderIsAnsweredWithABareBearerChallenge(String path) {
        HttpResponse<String> response = app.send("GET", path);

        assertChallenge(response, oracle.challenges().missingToken());
        assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow())
                .startsWith("Bearer ").contains("resource_metadata=\"").doesNotContain("error=");
    }

    static Stream<Arguments> tokensFailingVerification() {
        return Stream.of(
                Arguments.of("unknown key", (Function<LogtoTestIssuer, String>) i -> i.globalToken(AUDIENCE).scopes("read:report").signedWithUnknownKey().sign()),
                Arguments.of("bad signature", (Function<LogtoTestIssuer, String>) i -> tamper(i.globalToken(AUDIENCE).scopes("read:report").sign())),
                Arguments.of("other issuer", (Function<LogtoTestIssuer, String>) i -> i.globalToken(AUDIENCE).scopes("read:report").issuer("https://evil.example/oidc").sign()),
                Arguments.of("other audience", (Function<LogtoTestIssuer, String>) i -> i.globalToken(AUDIENCE).scopes("read:report").audience("https://other.example.com").sign()),
                Arguments.of("ID token type", (Function<LogtoTestIssuer, String>) i -> i.globalToken(AUDIENCE).scopes("read:report").type("JWT").sign()),
                Arguments.of("expired", (Function<LogtoTestIssuer, String>) i -> i.globalToken(AUDIENCE).scopes("read:report").expired().sign()),
                Arguments.of("not a JWT", (Function<LogtoTestIssuer, String>) i -> "abc.def.ghi"),
                Arguments.of("oversized (60 KB)", (Function<LogtoTestIssuer, String>) i -> "a".repeat(60 * 1024)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tokensFailingVerification")
    void aTokenThatFailsVerificationIsAnsweredWithInvalidToken(String name, Function<LogtoTestIssuer, String> mint) {
        String token = mint.apply(issuer);

        HttpResponse<String> response = app.send("GET", "/api/reports", token);

        assertChallenge(response, oracle.authenticate("Bearer " + token).challenge().orElseThrow());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("error=\"invalid_token\"");
    }

    @Test
    void aGlobalRouteRefusesTokensCarryingAnOrganization() {
        String organizationApi = issuer.organizationApiToken(AUDIENCE, "org_42").scopes("read:report").sign();
        String organization = issuer.organizationToken("org_42").scopes("read:report").sign();

        assertChallenge(app.send("GET", "/api/reports", organizationApi), denial(organizationApi, Requirement.global("read:report")));
        assertChallenge(app.send("GET", "/api/reports", organization), denial(organization, Requirement.global("read:report")));
    }

    @Test
    void organizationRoutesRefuseGlobalTokensAndTokensOfTheOtherOrganizationKind() {
        String global = issuer.globalToken(AUDIENCE).scopes("read:member", "read:project").sign();
        String organizationApi = issuer.organizationApiToken(AUDIENCE, "org_42").scopes("read:member").sign();
        String organization = issuer.organizationToken("org_42").scopes("read:project").sign();

        assertChallenge(app.send("GET", "/api/organizations/org_42/members", global),
                denial(global, Requirement.organization("org_42", "read:member")));
        assertChallenge(app.send("GET", "/api/organizations/org_42/projects", global),
                denial(global, Requirement.organizationApi("org_42", "read:project")));
        assertChallenge(app.send("GET", "/api/organizations/org_42/members", organizationApi),
                denial(organizationApi, Requirement.organization("org_42", "read:member")));
        assertChallenge(app.send("GET", "/api/organizations/org_42/projects", organization),
                denial(organization, Requirement.organizationApi("org_42", "read:project")));
    }

    @Test
    void aMissingScopeIsAnsweredWithInsufficientScopeNamingTheNeededScope() {
        String token = issuer.globalToken(AUDIENCE).scopes("write:report").sign();

        HttpResponse<String> response = app.send("GET", "/api/reports", token);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow())
                .contains("error=\"insufficient_scope\"", "scope=\"read:report\"", "resource_metadata=\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer", "bearer", "BEARER", "bEaReR"})
    void theBearerSchemeIsCaseInsensitive(String scheme) {
        String token = issuer.globalToken(AUDIENCE).scopes("read:report").sign();

        assertThat(app.send("GET", "/api/reports", "Authorization", scheme + " " + token).statusCode()).isEqualTo(200);
    }

    @Test
    void aTokenInTheQueryStringIsIgnored() {
        String token = issuer.globalToken(AUDIENCE).scopes("read:report").sign();

        assertChallenge(app.send("GET", "/api/reports?access_token=" + token), oracle.challenges().missingToken());
    }

    @Test
    void anotherAuthenticationSchemeCountsAsNoToken() {
        assertChallenge(app.send("GET", "/api/reports", "Authorization", "Basic dXNlcjpwYXNz"), oracle.challenges().missingToken());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer", "Bearer ", "Bearer a b", "Bearer ###", "Bearer\ttoken"})
    void aMalformedBearerHeaderIsAnsweredWithInvalidRequest(String header) {
        assertChallenge(app.send("GET", "/api/reports", "Authorization", header), oracle.challenges().invalidRequest());
    }

    @Test
    void twoAuthorizationHeadersAreAnsweredWithInvalidRequest() {
        String token = issuer.globalToken(AUDIENCE).scopes("read:report").sign();

        assertChallenge(app.send("GET", "/api/reports", "Authorization", "Bearer " + token, "Authorization", "Bearer " + token),
                oracle.challenges().invalidRequest());
    }

    static Stream<String> garbageAuthorizationLines() {
        return Stream.of(
                "Authorization: Bearer " + "x".repeat(60 * 1024) + "\r\n",
                "Authorization: Bearer " + "a".repeat(16 * 1024 + 1) + "\r\n",
                "Authorization: Bearer " + "x".repeat(100 * 1024) + "\r\n",
                "Authorization: Bearer \u00e9\u00ff\r\n",
                "Authorization: Bearer \u0001\u0002\u007f\r\n",
                "Authorization: Bearer =\r\n",
                "Authorization: Bearer ...\r\n",
                "Authorization: Bearer a.b.c.d.e\r\n",
                "Authorization: Bearer " + "eyJ".repeat(20) + "." + "eyJ".repeat(20) + ".AAAA\r\n",
                "Authorization:\r\n",
                "Authorization: Bearer x\r\n folded\r\n",
                "Authorization: Bearer x\r\nAuthorization:\r\n",
                "Authorization: " + "\u0000".repeat(10) + "\r\n");
    }

    @ParameterizedTest
    @MethodSource("garbageAuthorizationLines")
    void garbageAuthorizationHeadersNeverProduceA5xx(String lines) {
        assertThat(app.sendRaw("GET", "/api/reports", lines)).isBetween(400, 499);
    }

    // --- the filter's own behaviour

    @Test
    void headRequestsFollowTheGetRule() {
        String token = issuer.globalToken(AUDIENCE).scopes("read:report").sign();

        assertThat(app.send("HEAD", "/api/reports").statusCode()).isEqualTo(401);
        assertThat(app.send("HEAD", "/api/reports", token).statusCode()).isEqualTo(200);
    }

    @Test
    void unmatchedRoutesAreDeniedByDefault() {
        String token = issuer.globalToken(AUDIENCE).scopes("read:report").sign();

        assertChallenge(app.send("GET", "/api/unknown"), oracle.challenges().missingToken());
        assertChallenge(app.send("GET", "/api/unknown", token), oracle.challenges().accessDenied());
        assertChallenge(app.send("DELETE", "/api/reports", token), oracle.challenges().accessDenied());
    }

    @Test
    void aPathTheFilterCannotMatchUnambiguouslyIsDenied() {
        assertChallenge(app.send("GET", "/api/publi%63"), oracle.challenges().missingToken());
        assertChallenge(app.send("GET", "/api/public;x=1"), oracle.challenges().missingToken());
        assertThat(app.sendRaw("GET", "/api/reports/../public", "")).isIn(400, 401);
        assertThat(app.sendRaw("GET", "/api/./public", "")).isIn(400, 401);
        assertThat(app.sendRaw("GET", "/api//public", "")).isIn(400, 401);
        assertThat(app.sendRawTarget("GET", "/%61pp/api/public", "")).isEqualTo(401);
    }

    @Test
    void aTrailingSlashDoesNotEscapeARule() {
        assertChallenge(app.send("GET", "/api/reports/"), oracle.challenges().missingToken());
    }

    @Test
    void aProgrammaticCheckThatFailsIsAnsweredWithItsChallenge() {
        String token = issuer.globalToken(AUDIENCE).scopes("read:report").sign();
        String admin = issuer.globalToken(AUDIENCE).subject("root").scopes("admin:all").sign();

        HttpResponse<String> refused = app.send("GET", "/api/admin", token);

        assertChallenge(refused, denial(token, Requirement.global("admin:all")));
        assertThat(refused.body()).doesNotContain("discarded");
        assertThat(app.send("GET", "/api/admin", admin).body()).isEqualTo("{\"sub\":\"root\"}");
    }

    @Test
    void theVerifiedTokenIsOnlyAvailableOnRoutesWhoseTokenWasChecked() {
        String token = issuer.globalToken(AUDIENCE).scopes("read:report").sign();

        assertThat(app.send("GET", "/api/public", token).body()).isEqualTo("{\"token\":false}");
    }

    // --- helpers

    /** The 403 the core computes for a token and a requirement. */
    Challenge denial(String token, Requirement requirement) {
        VerifiedToken verified = oracle.authenticate("Bearer " + token).token().orElseThrow();
        return oracle.challenges().insufficientScope(oracle.authorize(verified, requirement));
    }

    static void assertChallenge(HttpResponse<String> response, Challenge expected) {
        assertThat(response.statusCode()).isEqualTo(expected.status());
        assertThat(response.headers().allValues("WWW-Authenticate")).containsExactly(expected.wwwAuthenticate());
        assertThat(response.headers().firstValue("Content-Type")).hasValue(Challenge.CONTENT_TYPE);
        assertThat(response.body()).isEqualTo(expected.body());
    }

    static String tamper(String jws) {
        int dot = jws.lastIndexOf('.');
        char last = jws.charAt(dot + 1);
        return jws.substring(0, dot + 1) + (last == 'A' ? 'B' : 'A') + jws.substring(dot + 2);
    }

    static Map<String, String> initParameters(LogtoTestIssuer issuer) {
        return Map.of("issuer", issuer.issuer(), "audience", AUDIENCE, LogtoFilter.ROUTES_PARAMETER, RULE_LINES);
    }
}
