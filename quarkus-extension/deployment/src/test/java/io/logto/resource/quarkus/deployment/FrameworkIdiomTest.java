package io.logto.resource.quarkus.deployment;

import static io.logto.resource.quarkus.deployment.TestApplication.assertChallenge;
import static io.restassured.RestAssured.given;

import io.logto.resource.core.TokenRoles;
import io.logto.resource.core.VerifiedToken;
import io.quarkus.security.Authenticated;
import io.quarkus.security.PermissionsAllowed;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.List;
import org.jboss.resteasy.reactive.RestPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Quarkus's own idioms for a global scope, {@code @RolesAllowed("read:report")} and
 * {@code @PermissionsAllowed("read:report")}, grant only global API tokens carrying the scope (roles and permissions
 * come from the core's role policy), refuse organization and organization-API tokens carrying it with the core's
 * {@code accessDenied()} 403, and never fail on a scope string Quarkus's permission syntax cannot parse. Organization
 * roles are the core's qualified names ({@code TokenRoles.organization(orgId, scope)}).
 */
class FrameworkIdiomTest extends LoopbackIssuerTest {

    private static final String AUDIENCE = TestApplication.AUDIENCE;
    private static final List<String> IDIOMS = List.of("/api/idiom/roles-allowed", "/api/idiom/permissions-allowed");

    @RegisterExtension
    static final QuarkusUnitTest APP = TestApplication.withLoopbackIssuer(IdiomResource.class);

    @Test
    void globalTokenWithTheScopeIsGranted() {
        String token = issuer.globalToken(AUDIENCE).subject("user-1").scopes("read:report").sign();
        for (String route : IDIOMS) {
            given().auth().oauth2(token).get(route).then().statusCode(200)
                    .body(org.hamcrest.Matchers.equalTo("user-1"));
        }
    }

    @Test
    void scopesQuarkusPermissionSyntaxCannotParseNeverFailTheRequest() {
        String token = issuer.globalToken(AUDIENCE).subject("user-2").scopes("read:report", "a,b", "x:y,z", "a:b:c")
                .sign();
        for (String route : IDIOMS) {
            given().auth().oauth2(token).get(route).then().statusCode(200)
                    .body(org.hamcrest.Matchers.equalTo("user-2"));
        }
        String withoutReadReport = issuer.globalToken(AUDIENCE).scopes("a,b", "read:report,x").sign();
        for (String route : IDIOMS) {
            assertChallenge(given().auth().oauth2(withoutReadReport).get(route), logto.challenges().accessDenied());
        }
    }

    @Test
    void globalTokenWithoutTheScopeGetsAccessDenied() {
        String token = issuer.globalToken(AUDIENCE).scopes("write:report", "read").sign();
        for (String route : IDIOMS) {
            assertChallenge(given().auth().oauth2(token).get(route), logto.challenges().accessDenied());
        }
    }

    @Test
    void organizationTokenCarryingTheScopeGetsAccessDenied() {
        String token = issuer.organizationToken("org_42").scopes("read:report").sign();
        for (String route : IDIOMS) {
            assertChallenge(given().auth().oauth2(token).get(route), logto.challenges().accessDenied());
        }
    }

    @Test
    void organizationApiTokenCarryingTheScopeGetsAccessDenied() {
        String token = issuer.organizationApiToken(AUDIENCE, "org_42").scopes("read:report").sign();
        for (String route : IDIOMS) {
            assertChallenge(given().auth().oauth2(token).get(route), logto.challenges().accessDenied());
        }
    }

    @Test
    void organizationRolesAreQualifiedWithTheOrganization() {
        String member = issuer.organizationToken("org_42").scopes("read:member").sign();
        given().auth().oauth2(member).get("/api/idiom/organization-role/org_42").then().statusCode(200)
                .body(org.hamcrest.Matchers.equalTo("true"));
        given().auth().oauth2(member).get("/api/idiom/organization-role/org_7").then().statusCode(200)
                .body(org.hamcrest.Matchers.equalTo("false"));
        String organizationApi = issuer.organizationApiToken(AUDIENCE, "org_42").scopes("read:member").sign();
        given().auth().oauth2(organizationApi).get("/api/idiom/organization-role/org_42").then().statusCode(200)
                .body(org.hamcrest.Matchers.equalTo("false"));
        String global = issuer.globalToken(AUDIENCE).scopes("read:member").sign();
        given().auth().oauth2(global).get("/api/idiom/organization-role/org_42").then().statusCode(200)
                .body(org.hamcrest.Matchers.equalTo("false"));
    }

    @Test
    void requestWithoutTokenGetsTheMissingTokenChallenge() {
        for (String route : IDIOMS) {
            assertChallenge(given().get(route), logto.challenges().missingToken());
        }
    }


    @Path("/api/idiom")
    public static class IdiomResource {

        @Inject
        VerifiedToken token;

        @Inject
        SecurityIdentity identity;

        @GET
        @Path("/roles-allowed")
        @RolesAllowed("read:report")
        public String rolesAllowed() {
            return token.subject();
        }

        @GET
        @Path("/organization-role/{orgId}")
        @Authenticated
        public boolean organizationRole(@RestPath String orgId) {
            return identity.hasRole(TokenRoles.organization(orgId, "read:member"));
        }

        @GET
        @Path("/permissions-allowed")
        @PermissionsAllowed("read:report")
        public String permissionsAllowed() {
            return token.subject();
        }
    }
}
