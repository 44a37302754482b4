package io.logto.resource.quarkus.deployment;

import static io.logto.resource.quarkus.deployment.TestApplication.assertChallenge;
import static io.restassured.RestAssured.given;

import io.logto.resource.quarkus.RequireScopes;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * With {@code quarkus.http.auth.proactive=false} tokens are verified only for secured endpoints, and refusals
 * reach the client through Quarkus REST's exception mapping; the answers stay the core's. With
 * {@code deny-unannotated-endpoints}, the {@code @Require*} annotations count as security annotations.
 */
class LazyAuthenticationTest extends LoopbackIssuerTest {

    private static final String AUDIENCE = TestApplication.AUDIENCE;

    @RegisterExtension
    static final QuarkusUnitTest APP = TestApplication.withLoopbackIssuer()
            .overrideConfigKey("quarkus.http.auth.proactive", "false")
            .overrideConfigKey("quarkus.security.jaxrs.deny-unannotated-endpoints", "true");

    @Test
    void publicEndpointIgnoresABadToken() {
        given().auth().oauth2("not-a-token").get("/lazy/public").then().statusCode(200);
    }

    @Test
    void unannotatedEndpointIsDeniedWhileRequirementAnnotatedOneIsNot() {
        String token = issuer.globalToken(AUDIENCE).scopes("read:report").sign();
        given().auth().oauth2(token).get("/lazy/unannotated").then().statusCode(403);
        given().auth().oauth2(token).get("/lazy/reports").then().statusCode(200);
    }

    @Test
    void securedEndpointAnswersTheCoresChallenges() {
        String expired = issuer.globalToken(AUDIENCE).scopes("read:report").expired().sign();
        assertChallenge(given().auth().oauth2(expired).get("/lazy/reports"),
                logto.authenticate("Bearer " + expired).challenge().orElseThrow());
        assertChallenge(given().get("/lazy/reports"), logto.challenges().missingToken());
        assertChallenge(given().header("Authorization", "Bearer a b").get("/lazy/reports"),
                logto.challenges().invalidRequest());
        String token = issuer.globalToken(AUDIENCE).scopes("read:report").sign();
        given().auth().oauth2(token).get("/lazy/reports").then().statusCode(200);
    }


    @Path("/lazy")
    public static class LazyResource {

        @GET
        @Path("/public")
        @PermitAll
        public String open() {
            return "public";
        }

        @GET
        @Path("/unannotated")
        public String unannotated() {
            return "unannotated";
        }

        @GET
        @Path("/reports")
        @RequireScopes("read:report")
        public String reports() {
            return "reports";
        }
    }
}
