package io.logto.resource.quarkus.deployment;

import static io.logto.resource.quarkus.deployment.TestApplication.assertChallenge;
import static io.restassured.RestAssured.given;

import io.logto.resource.core.Challenge;
import io.logto.resource.core.EndpointRequirement;
import io.logto.resource.core.ScopeMatch;
import io.logto.resource.quarkus.RequireOrganizationScopes;
import io.logto.resource.quarkus.RequireScopes;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import org.jboss.resteasy.reactive.RestPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Class-level {@code @Require*} annotations cover the class's methods, a method's own annotation wins, and an
 * organization requirement whose organization id is missing or empty gets the core's single answer (403).
 */
class ClassLevelRequirementTest extends LoopbackIssuerTest {

    private static final String AUDIENCE = TestApplication.AUDIENCE;

    @RegisterExtension
    static final QuarkusUnitTest APP = TestApplication.withLoopbackIssuer(ReportsResource.class, MembersResource.class);

    @Test
    void classAnnotationCoversMethodsWithoutTheirOwn() {
        String reader = issuer.globalToken(AUDIENCE).scopes("read:report").sign();
        given().auth().oauth2(reader).get("/reports").then().statusCode(200);
        String writer = issuer.globalToken(AUDIENCE).scopes("write:report").sign();
        assertChallenge(given().auth().oauth2(writer).get("/reports"),
                denial(writer, EndpointRequirement.global(ScopeMatch.ALL, List.of("read:report")), null));
        assertChallenge(given().get("/reports"), logto.challenges().missingToken());
    }

    @Test
    void methodAnnotationWinsOverTheClassAnnotation() {
        String writer = issuer.globalToken(AUDIENCE).scopes("write:report").sign();
        given().auth().oauth2(writer).get("/reports/draft").then().statusCode(200);
        String reader = issuer.globalToken(AUDIENCE).scopes("read:report").sign();
        assertChallenge(given().auth().oauth2(reader).get("/reports/draft"),
                denial(reader, EndpointRequirement.global(ScopeMatch.ALL, List.of("write:report")), null));
        given().get("/reports/open").then().statusCode(200);
    }

    @Test
    void classLevelOrganizationRequirementReadsEachMethodsPathParameter() {
        String token = issuer.organizationToken("org_1").scopes("read:member").sign();
        given().auth().oauth2(token).get("/organizations/org_1/members").then().statusCode(200);
        EndpointRequirement members = EndpointRequirement.organization("orgId", ScopeMatch.ALL, List.of("read:member"));
        assertChallenge(given().auth().oauth2(token).get("/organizations/org_2/members"),
                denial(token, members, "org_2"));
    }

    @Test
    void missingOrEmptyOrganizationIdGetsTheCoresAccessDenied() {
        String token = issuer.organizationToken("org_1").scopes("read:member").sign();
        Challenge accessDenied = logto.challenges().accessDenied();
        assertChallenge(given().auth().oauth2(token).get("/organizations/org_1/summary"), accessDenied);
        assertChallenge(given().auth().oauth2(token).get("/organizations/roster-"), accessDenied);
        given().auth().oauth2(token).get("/organizations/roster-org_1").then().statusCode(200);
    }

    private Challenge denial(String token, EndpointRequirement requirement, String organizationId) {
        return logto.challenges().insufficientScope(
                logto.authorize(logto.verifier().verifyOrThrow(token), requirement, organizationId));
    }


    @Path("/reports")
    @RequireScopes("read:report")
    public static class ReportsResource {

        @GET
        public String reports() {
            return "reports";
        }

        @GET
        @Path("/draft")
        @RequireScopes("write:report")
        public String draft() {
            return "draft";
        }

        @GET
        @Path("/open")
        @PermitAll
        public String open() {
            return "open";
        }
    }

    @Path("/organizations")
    @RequireOrganizationScopes("read:member")
    public static class MembersResource {

        @GET
        @Path("/{orgId}/members")
        public String members(@RestPath String orgId) {
            return orgId;
        }

        /** Declares no organization path parameter: every request is refused by the core (build warning). */
        @GET
        @Path("/{organization}/summary")
        public String summary(@RestPath String organization) {
            return organization;
        }

        /** The path template lets the organization segment be empty. */
        @GET
        @Path("/roster-{orgId: [^/]*}")
        public String roster(@PathParam("orgId") String orgId) {
            return orgId;
        }
    }
}
