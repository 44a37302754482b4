package io.logto.resource.quarkus.deployment;

import static io.logto.resource.quarkus.deployment.TestApplication.assertChallenge;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.logto.resource.core.Challenge;
import io.logto.resource.core.Requirement;
import io.logto.resource.core.ScopeMatch;
import io.logto.resource.core.VerifiedToken;
import io.logto.resource.quarkus.LogtoIdentity;
import io.logto.resource.quarkus.RequireOrganizationApiScopes;
import io.logto.resource.quarkus.RequireOrganizationScopes;
import io.logto.resource.quarkus.RequireScopes;
import io.quarkus.security.Authenticated;
import io.quarkus.security.PermissionsAllowed;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.Set;
import org.jboss.resteasy.reactive.RestPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The extension end to end with Quarkus's default proactive authentication: real tokens from a loopback issuer,
 * Quarkus REST endpoints, the core's answers. The HTTP contract itself (schemes, refused and malformed tokens, wrong
 * kinds) is the shared conformance suite's, run in-process by the sample's {@code QuarkusConformanceTest}; this class
 * keeps what is Quarkus-specific: parameter binding, injection, idioms, exception mapping, metadata.
 */
class LogtoAuthenticationTest extends LoopbackIssuerTest {

    private static final String AUDIENCE = TestApplication.AUDIENCE;

    @RegisterExtension
    static final QuarkusUnitTest APP = TestApplication.withLoopbackIssuer()
            .overrideRuntimeConfigKey("quarkus.logto.scopes-supported", "admin:all");

    @Test
    void publicEndpointNeedsNoToken() {
        given().get("/api/public").then().statusCode(200);
    }

    @Test
    void publicEndpointIgnoresRefusedAndMalformedTokensUnderProactiveAuthentication() {
        String expired = issuer.globalToken(AUDIENCE).scopes("read:report").expired().sign();
        given().auth().oauth2(expired).get("/api/public").then().statusCode(200);
        given().auth().oauth2("not-a-token").get("/api/public").then().statusCode(200);
        given().header("Authorization", "Bearer two tokens").get("/api/public").then().statusCode(200);
        assertChallenge(given().auth().oauth2(expired).get("/api/authenticated"),
                logto.authenticate("Bearer " + expired).challenge().orElseThrow());
        assertChallenge(given().header("Authorization", "Bearer two tokens").get("/api/authenticated"),
                logto.challenges().invalidRequest());
    }

    @Test
    void requestWithoutTokenGetsTheCoresMissingTokenChallengeWithBody() {
        assertChallenge(given().get("/api/reports"), logto.challenges().missingToken());
        assertChallenge(given().get("/api/organizations/org_1/members"), logto.challenges().missingToken());
    }

    @Test
    void globalTokenWithTheScopeIsGrantedAndTheTokenIsInjectable() {
        String token = issuer.globalToken(AUDIENCE).subject("user-7").scopes("read:report").sign();
        given().auth().oauth2(token).get("/api/reports").then().statusCode(200).body(org.hamcrest.Matchers.equalTo("user-7"));
    }

    @Test
    void anyOfRequirementAcceptsEitherScope() {
        String token = issuer.globalToken(AUDIENCE).scopes("admin").sign();
        given().auth().oauth2(token).get("/api/any-report").then().statusCode(200);
        String neither = issuer.globalToken(AUDIENCE).scopes("other").sign();
        assertChallenge(given().auth().oauth2(neither).get("/api/any-report"),
                denial(neither, Requirement.global("read:report", "admin").matching(ScopeMatch.ANY)));
    }

    @Test
    void organizationEndpointTakesTheOrganizationFromThePath() {
        String token = issuer.organizationToken("org_1").subject("user-2").scopes("read:member").sign();
        given().auth().oauth2(token).get("/api/organizations/org_1/members").then().statusCode(200)
                .body(org.hamcrest.Matchers.equalTo("org_1 user-2"));
        assertChallenge(given().auth().oauth2(token).get("/api/organizations/org_2/members"),
                denial(token, Requirement.organization("org_2", "read:member")));
        String global = issuer.globalToken(AUDIENCE).scopes("read:member").sign();
        assertChallenge(given().auth().oauth2(global).get("/api/organizations/org_1/members"),
                denial(global, Requirement.organization("org_1", "read:member")));
    }

    @Test
    void organizationApiEndpointReadsTheNamedPathParameter() {
        String token = issuer.organizationApiToken(AUDIENCE, "org_3").scopes("read:project").sign();
        given().auth().oauth2(token).post("/api/organizations/org_3/projects").then().statusCode(200);
        assertChallenge(given().auth().oauth2(token).post("/api/organizations/org_4/projects"),
                denial(token, Requirement.organizationApi("org_4", "read:project")));
    }

    @Test
    void globalScopesAreRolesAndPermissionsOfGlobalTokensOnly() {
        String global = issuer.globalToken(AUDIENCE).subject("user-9").scopes("read:report", "write:report").sign();
        given().auth().oauth2(global).get("/api/roles").then().statusCode(200).body(org.hamcrest.Matchers.equalTo("user-9"));
        given().auth().oauth2(global).get("/api/permissions").then().statusCode(200);
        String organizationApi = issuer.organizationApiToken(AUDIENCE, "org_1").scopes("read:report", "write:report").sign();
        given().auth().oauth2(organizationApi).get("/api/roles").then().statusCode(403)
                .header("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Bearer error=\"insufficient_scope\", "
                        + "error_description=\"No access rule allows this request.\""));
        given().auth().oauth2(organizationApi).get("/api/permissions").then().statusCode(403)
                .body("error", org.hamcrest.Matchers.equalTo("insufficient_scope"));
        given().auth().oauth2(organizationApi).get("/api/authenticated").then().statusCode(200);
    }

    @Test
    void programmaticCheckFailureIsAnsweredWithTheCoresChallenge() {
        String token = issuer.organizationToken("org_1").scopes("read:member").sign();
        given().auth().oauth2(token).get("/api/programmatic/org_1").then().statusCode(200);
        String other = issuer.organizationToken("org_2").scopes("invite:member").sign();
        assertChallenge(given().auth().oauth2(other).get("/api/programmatic/org_1"),
                denial(other, Requirement.organization("org_1", "read:member")));
    }

    @Test
    void injectedTokenWithoutCredentialsAnswers401() {
        assertChallenge(given().get("/api/whoami"), logto.challenges().missingToken());
    }

    @Test
    void metadataListsConfiguredAndAnnotatedScopes() {
        String json = given().get("/.well-known/oauth-protected-resource").then().statusCode(200)
                .contentType("application/json").extract().asString();
        assertThat(json).isEqualTo(logto.metadata()
                .withScopes(Set.of("read:report", "admin", "read:member", "read:project")).toJson());
        assertThat(json).contains("admin:all", "read:project", issuer.issuer());
    }

    private Challenge denial(String token, Requirement requirement) {
        return logto.challenges().insufficientScope(logto.authorize(verify(token), requirement));
    }

    private VerifiedToken verify(String token) {
        return logto.verifier().verifyOrThrow(token);
    }


    @Path("/api")
    public static class ApiResource {

        @Inject
        VerifiedToken token;

        @Inject
        SecurityIdentity identity;

        @GET
        @Path("/public")
        public String open() {
            return "public";
        }

        @GET
        @Path("/reports")
        @RequireScopes("read:report")
        public String reports() {
            return token.subject();
        }

        @GET
        @Path("/any-report")
        @RequireScopes(value = { "read:report", "admin" }, match = ScopeMatch.ANY)
        public String anyReport() {
            return token.subject();
        }

        @GET
        @Path("/organizations/{orgId}/members")
        @RequireOrganizationScopes("read:member")
        public String members(@RestPath String orgId) {
            return orgId + " " + token.subject();
        }

        @POST
        @Path("/organizations/{organization}/projects")
        @RequireOrganizationApiScopes(value = "read:project", organizationIdFrom = "organization")
        public String projects(@PathParam("organization") String organization) {
            return token.organizationId().orElseThrow();
        }

        @GET
        @Path("/roles")
        @RolesAllowed("read:report")
        public String roles() {
            return identity.getPrincipal().getName();
        }

        @GET
        @Path("/permissions")
        @PermissionsAllowed("write:report")
        public String permissions() {
            return LogtoIdentity.verifiedToken(identity).orElseThrow().subject();
        }

        @GET
        @Path("/authenticated")
        @Authenticated
        public String authenticated() {
            return token.kind().name();
        }

        @GET
        @Path("/programmatic/{orgId}")
        @Authenticated
        public String programmatic(@RestPath String orgId) {
            Requirement.organization(orgId, "read:member").check(token);
            return "ok";
        }

        @GET
        @Path("/whoami")
        public String whoami() {
            return token.subject();
        }
    }
}
