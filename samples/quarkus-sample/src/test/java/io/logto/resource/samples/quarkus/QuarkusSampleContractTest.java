package io.logto.resource.samples.quarkus;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.logto.resource.core.Challenge;
import io.logto.resource.core.LogtoResourceServer;
import io.logto.resource.core.Requirement;
import io.logto.resource.quarkus.test.InjectLogtoTestIssuer;
import io.logto.resource.quarkus.test.LogtoTestResource;
import io.logto.resource.test.LogtoTestIssuer;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every row of the sample contract and every rule that holds on its protected routes, with real tokens. */
@QuarkusTest
@WithTestResource(value = LogtoTestResource.class,
        initArgs = @ResourceArg(name = LogtoTestResource.AUDIENCE_ARG, value = QuarkusSampleContractTest.AUDIENCE))
class QuarkusSampleContractTest {

    static final String AUDIENCE = "https://api.example.com";

    @InjectLogtoTestIssuer
    LogtoTestIssuer logto;

    @Inject
    LogtoResourceServer server;

    @Test
    void publicEndpointNeedsNothing() {
        given().get("/api/public").then().statusCode(200);
    }

    @Test
    void publicEndpointIgnoresRefusedAndMalformedTokensWithQuarkusDefaults() {
        String expired = logto.globalToken(AUDIENCE).scopes("read:report").expired().sign();
        given().auth().oauth2(expired).get("/api/public").then().statusCode(200);
        given().header("Authorization", "Bearer not a token").get("/api/public").then().statusCode(200);
    }

    @Test
    void idiomRoutesGrantOnlyGlobalTokensWithReadReport() {
        String global = logto.globalToken(AUDIENCE).subject("user-6").scopes("read:report", "a,b").sign();
        String organization = logto.organizationToken("org_42").scopes("read:report").sign();
        String organizationApi = logto.organizationApiToken(AUDIENCE, "org_42").scopes("read:report").sign();
        for (String route : List.of("/api/idiom/roles-allowed", "/api/idiom/permissions-allowed")) {
            given().auth().oauth2(global).get(route).then().statusCode(200).body("sub", equalTo("user-6"));
            assertChallenge(given().auth().oauth2(organization).get(route), server.challenges().accessDenied());
            assertChallenge(given().auth().oauth2(organizationApi).get(route), server.challenges().accessDenied());
            assertChallenge(given().get(route), server.challenges().missingToken());
        }
    }

    @Test
    void readingReportsNeedsAGlobalTokenWithReadReport() {
        String token = logto.globalToken(AUDIENCE).subject("user-1").scopes("read:report").sign();
        given().auth().oauth2(token).get("/api/reports").then().statusCode(200).contentType("application/json")
                .body("sub", equalTo("user-1"));
        assertDenied(given().auth().oauth2(token).post("/api/reports"), token, Requirement.global("write:report"));
    }

    @Test
    void writingReportsNeedsAGlobalTokenWithWriteReport() {
        String token = logto.globalToken(AUDIENCE).subject("user-2").scopes("write:report").sign();
        given().auth().oauth2(token).post("/api/reports").then().statusCode(200).body("sub", equalTo("user-2"));
        assertDenied(given().auth().oauth2(token).get("/api/reports"), token, Requirement.global("read:report"));
    }

    @Test
    void readingMembersNeedsAnOrganizationTokenForThatOrganization() {
        String token = logto.organizationToken("org_42").subject("user-3").scopes("read:member").sign();
        given().auth().oauth2(token).get("/api/organizations/org_42/members").then().statusCode(200)
                .body("organizationId", equalTo("org_42")).body("sub", equalTo("user-3"));
        assertDenied(given().auth().oauth2(token).get("/api/organizations/org_7/members"), token,
                Requirement.organization("org_7", "read:member"));
    }

    @Test
    void invitingMembersNeedsInviteMember() {
        String token = logto.organizationToken("org_42").subject("user-4").scopes("invite:member").sign();
        given().auth().oauth2(token).post("/api/organizations/org_42/members").then().statusCode(200)
                .body("organizationId", equalTo("org_42")).body("sub", equalTo("user-4"));
        String reader = logto.organizationToken("org_42").scopes("read:member").sign();
        assertDenied(given().auth().oauth2(reader).post("/api/organizations/org_42/members"), reader,
                Requirement.organization("org_42", "invite:member"));
    }

    @Test
    void readingProjectsNeedsAnOrganizationLevelApiTokenForThatOrganization() {
        String token = logto.organizationApiToken(AUDIENCE, "org_42").subject("user-5").scopes("read:project").sign();
        given().auth().oauth2(token).get("/api/organizations/org_42/projects").then().statusCode(200)
                .body("organizationId", equalTo("org_42")).body("sub", equalTo("user-5"));
        assertDenied(given().auth().oauth2(token).get("/api/organizations/org_7/projects"), token,
                Requirement.organizationApi("org_7", "read:project"));
    }

    @Test
    void metadataNamesTheResourceIssuerScopesAndHeaderMethod() {
        JsonPath metadata = given().get("/.well-known/oauth-protected-resource").then().statusCode(200)
                .contentType("application/json").extract().jsonPath();
        assertThat(metadata.getString("resource")).isEqualTo(AUDIENCE);
        assertThat(metadata.getList("authorization_servers")).containsExactly(logto.issuer());
        assertThat(metadata.getList("scopes_supported", String.class)).containsExactlyInAnyOrder(
                "read:report", "write:report", "read:member", "invite:member", "read:project");
        assertThat(metadata.getList("bearer_methods_supported")).isEqualTo(List.of("header"));
    }

    @Test
    void everyProtectedRouteWithoutAuthorizationAnswers401WithResourceMetadataAndNoError() {
        for (String[] route : protectedRoutes()) {
            Response response = given().request(route[0], route[1]);
            assertChallenge(response, server.challenges().missingToken());
            assertThat(response.header("WWW-Authenticate")).startsWith("Bearer").contains("resource_metadata=")
                    .doesNotContain("error=");
        }
    }

    @Test
    void everyKindOfUnverifiableTokenAnswers401InvalidToken() {
        String good = logto.globalToken(AUDIENCE).scopes("read:report").sign();
        List<String> refused = List.of(
                tamperSignature(good),
                logto.globalToken(AUDIENCE).scopes("read:report").signedWithUnknownKey().sign(),
                logto.globalToken(AUDIENCE).scopes("read:report").issuer("https://evil.example/oidc").sign(),
                logto.globalToken(AUDIENCE).scopes("read:report").audience("https://other.example.com").sign(),
                logto.globalToken(AUDIENCE).scopes("read:report").type("JWT").sign(),
                logto.globalToken(AUDIENCE).scopes("read:report").expired().sign(),
                "not.a.jwt");
        for (String token : refused) {
            for (String[] route : protectedRoutes()) {
                Response response = given().auth().oauth2(token).request(route[0], route[1]);
                assertChallenge(response, server.authenticate("Bearer " + token).challenge().orElseThrow());
                assertThat(response.header("WWW-Authenticate")).contains("error=\"invalid_token\"");
            }
        }
    }

    @Test
    void wrongKindOrOrganizationOrMissingScopeAnswers403NamingTheScope() {
        String organizationApi = logto.organizationApiToken(AUDIENCE, "org_42").scopes("read:report", "write:report")
                .sign();
        assertDenied(given().auth().oauth2(organizationApi).get("/api/reports"), organizationApi,
                Requirement.global("read:report"));
        String organization = logto.organizationToken("org_42").scopes("read:report", "read:project").sign();
        assertDenied(given().auth().oauth2(organization).get("/api/reports"), organization,
                Requirement.global("read:report"));
        assertDenied(given().auth().oauth2(organization).get("/api/organizations/org_42/projects"), organization,
                Requirement.organizationApi("org_42", "read:project"));
        String global = logto.globalToken(AUDIENCE).scopes("read:member", "read:project").sign();
        assertDenied(given().auth().oauth2(global).get("/api/organizations/org_42/members"), global,
                Requirement.organization("org_42", "read:member"));
        assertDenied(given().auth().oauth2(global).get("/api/organizations/org_42/projects"), global,
                Requirement.organizationApi("org_42", "read:project"));
        String noScope = logto.globalToken(AUDIENCE).sign();
        Response response = given().auth().oauth2(noScope).get("/api/reports");
        assertDenied(response, noScope, Requirement.global("read:report"));
        assertThat(response.header("WWW-Authenticate")).contains("error=\"insufficient_scope\"", "scope=\"read:report\"");
    }

    @Test
    void bearerSchemeIsCaseInsensitive() {
        String token = logto.globalToken(AUDIENCE).scopes("read:report").sign();
        for (String scheme : List.of("bearer", "BEARER", "bEaReR")) {
            given().header("Authorization", scheme + " " + token).get("/api/reports").then().statusCode(200);
        }
    }

    @Test
    void tokensInQueryStringsOrFormBodiesAreIgnored() {
        String token = logto.globalToken(AUDIENCE).scopes("read:report", "write:report").sign();
        assertChallenge(given().queryParam("access_token", token).get("/api/reports"),
                server.challenges().missingToken());
        assertChallenge(given().contentType("application/x-www-form-urlencoded").formParam("access_token", token)
                .post("/api/reports"), server.challenges().missingToken());
    }

    @Test
    void oversizedOrGarbageHeadersNeverProduceA5xx() {
        String huge = logto.globalToken(AUDIENCE).scopes("read:report").claim("padding", "x".repeat(44 * 1024)).sign();
        assertThat(huge.length()).isBetween(59 * 1024, 61 * 1024);
        assertChallenge(given().auth().oauth2(huge).get("/api/reports"),
                server.authenticate("Bearer " + huge).challenge().orElseThrow());
        assertThat(given().header("Authorization", "Bearer " + "a".repeat(200 * 1024)).get("/api/reports")
                .statusCode()).isBetween(400, 499);
        assertChallenge(given().header("Authorization", "Bearer not a token").get("/api/reports"),
                server.challenges().invalidRequest());
        assertChallenge(given().header("Authorization", "Bearer").get("/api/reports"),
                server.challenges().invalidRequest());
        assertChallenge(given().header("Authorization", "Bearer \u00e9\u00e8").get("/api/reports"),
                server.challenges().invalidRequest());
        assertChallenge(given().header("Authorization", "Basic dXNlcjpwYXNz").get("/api/reports"),
                server.challenges().missingToken());
    }

    private static List<String[]> protectedRoutes() {
        return List.of(
                new String[] {"GET", "/api/reports"},
                new String[] {"POST", "/api/reports"},
                new String[] {"GET", "/api/organizations/org_42/members"},
                new String[] {"POST", "/api/organizations/org_42/members"},
                new String[] {"GET", "/api/organizations/org_42/projects"});
    }

    private static String tamperSignature(String token) {
        int last = token.length() - 5;
        char replaced = token.charAt(last) == 'A' ? 'B' : 'A';
        return token.substring(0, last) + replaced + token.substring(last + 1);
    }

    private void assertDenied(Response response, String token, Requirement requirement) {
        assertChallenge(response, server.challenges().insufficientScope(
                server.authorize(server.verifier().verifyOrThrow(token), requirement)));
    }

    private static void assertChallenge(Response response, Challenge expected) {
        assertThat(response.statusCode()).isEqualTo(expected.status());
        assertThat(response.header("WWW-Authenticate")).isEqualTo(expected.wwwAuthenticate());
        assertThat(response.contentType()).startsWith(Challenge.CONTENT_TYPE);
        assertThat(response.asString()).isEqualTo(expected.body());
    }
}
