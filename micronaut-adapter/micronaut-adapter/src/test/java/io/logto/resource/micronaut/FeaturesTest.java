package io.logto.resource.micronaut;

import static io.logto.resource.micronaut.TestHttp.assertChallenge;
import static org.assertj.core.api.Assertions.assertThat;

import io.logto.resource.core.LogtoResourceServer;
import io.logto.resource.core.Requirement;
import io.logto.resource.core.TokenRoles;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** What Micronaut users expect beyond the contract: Authentication and its roles, @Secured, binding, any-of, class level. */
@MicronautTest(environments = FeaturesTest.ENVIRONMENT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeaturesTest implements TestPropertyProvider {

    /** The environment that adds {@link FeaturesController} and {@link ClassLevelController} to the application. */
    static final String ENVIRONMENT = "features";

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
        return Map.of("logto.issuer", issuer.issuer(), "logto.audience", AUDIENCE, "logto.scopes-supported", "configured:scope");
    }

    @BeforeAll
    void client() {
        http = new TestHttp(server.getURI());
    }

    @AfterAll
    void stopIssuer() {
        issuer.close();
    }

    @Test
    void anyOfGrantsAnyListedScope() {
        assertThat(http.get("/features/any", bearer(issuer.globalToken(AUDIENCE).scopes("admin").sign())).statusCode())
                .isEqualTo(200);
        HttpResponse<String> denied = http.get("/features/any", bearer(issuer.globalToken(AUDIENCE).scopes("other").sign()));
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(denied.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("scope=\"admin read:report\"");
    }

    @Test
    void takesTheOrganizationFromTheNamedPathVariable() {
        HttpResponse<String> granted = http.get("/features/teams/org_9/docs",
                bearer(issuer.organizationToken("org_9").scopes("read:doc").sign()));
        HttpResponse<String> otherTeam = http.get("/features/teams/org_8/docs",
                bearer(issuer.organizationToken("org_9").scopes("read:doc").sign()));

        assertThat(granted.statusCode()).isEqualTo(200);
        assertThat(granted.body()).isEqualTo("org_9:org_9");
        assertThat(otherTeam.statusCode()).isEqualTo(403);
    }

    @Test
    @SuppressWarnings("unchecked")
    void injectsAnAuthenticationNamedAfterTheSubjectWithClaimsAndTheCoresRoles() throws IOException {
        String token = issuer.organizationApiToken(AUDIENCE, "org_1").subject("user-3").scopes("a", "b").sign();

        HttpResponse<String> response = http.get("/features/authentication", bearer(token));

        assertThat(response.statusCode()).isEqualTo(200);
        Map<?, ?> body = json.readValue(response.body(), Map.class);
        assertThat(body.get("name")).isEqualTo("user-3");
        assertThat((List<Object>) body.get("roles")).containsExactlyInAnyOrderElementsOf(
                logto.verifier().verify(token).token().orElseThrow().roles());
        assertThat((List<Object>) body.get("roles")).containsExactlyInAnyOrder(
                TokenRoles.organizationApi("org_1", "a"), TokenRoles.organizationApi("org_1", "b"));
        assertThat(body.get("scope")).isEqualTo("a b");
        assertThat(body.get("kind")).isEqualTo("ORGANIZATION_API");
    }

    @Test
    void securedWithAScopeGrantsOnlyAGlobalTokenWithThatScope() {
        assertThat(http.get("/features/secured", bearer(issuer.globalToken(AUDIENCE).subject("user-8")
                .scopes("read:report").sign())).body()).isEqualTo("user-8");
        assertThat(http.get("/features/secured", bearer(issuer.globalToken(AUDIENCE).scopes("read:report", "a,b").sign()))
                .statusCode()).isEqualTo(200);

        assertChallenge(http.get("/features/secured", bearer(issuer.globalToken(AUDIENCE).scopes("write:report").sign())),
                logto.challenges().accessDenied());
        assertChallenge(http.get("/features/secured", bearer(issuer.organizationToken("org_1").scopes("read:report").sign())),
                logto.challenges().accessDenied());
        assertChallenge(http.get("/features/secured",
                bearer(issuer.organizationApiToken(AUDIENCE, "org_1").scopes("read:report").sign())),
                logto.challenges().accessDenied());
        assertChallenge(http.get("/features/secured"), logto.challenges().missingToken());
    }

    @Test
    void rolesAllowedWithAScopeGrantsOnlyAGlobalTokenWithThatScope() {
        assertThat(http.get("/features/roles-allowed", bearer(issuer.globalToken(AUDIENCE).subject("user-9")
                .scopes("read:report").sign())).body()).isEqualTo("user-9");
        assertChallenge(http.get("/features/roles-allowed",
                bearer(issuer.organizationToken("org_1").scopes("read:report").sign())), logto.challenges().accessDenied());
        assertChallenge(http.get("/features/roles-allowed",
                bearer(issuer.organizationApiToken(AUDIENCE, "org_1").scopes("read:report").sign())),
                logto.challenges().accessDenied());
    }

    @Test
    void anOrganizationRoleIsCheckedWithTheCoresQualifiedName() {
        String member = issuer.organizationToken("org_4").scopes("read:member").sign();

        assertThat(http.get("/features/organizations/org_4/role", bearer(member)).body()).isEqualTo("org_4");
        assertThat(http.get("/features/organizations/org_4/secured", bearer(member)).body()).isEqualTo("org_4");
        assertChallenge(http.get("/features/organizations/org_4/secured",
                bearer(issuer.organizationToken("org_5").scopes("read:member").sign())), logto.challenges().accessDenied());
        assertChallenge(http.get("/features/organizations/org_5/role", bearer(member)), logto.challenges().accessDenied());
        assertChallenge(http.get("/features/organizations/org_4/role",
                bearer(issuer.globalToken(AUDIENCE).scopes("read:member").sign())), logto.challenges().accessDenied());
    }

    @Test
    void answersAMissingOrganizationVariableWithTheCoresAccessDenied() {
        String member = issuer.organizationToken("org_6").scopes("read:member").sign();

        assertChallenge(http.get("/features/without-variable", bearer(member)), logto.challenges().accessDenied());
        assertChallenge(http.get("/features/optional-organization", bearer(member)), logto.challenges().accessDenied());
        assertThat(http.get("/features/optional-organization/org_6", bearer(member)).body()).isEqualTo("org_6");
    }

    @Test
    void securedIsAuthenticatedAcceptsAnyVerifiedTokenAndRefusesOthersWithTheCoreChallenge() {
        String refused = issuer.globalToken(AUDIENCE).expired().sign();

        assertThat(http.get("/features/authentication", bearer(issuer.organizationToken("org_1").sign())).statusCode())
                .isEqualTo(200);
        assertChallenge(http.get("/features/authentication"), logto.challenges().missingToken());
        assertChallenge(http.get("/features/authentication", bearer(refused)),
                logto.challenges().invalidToken(logto.verifier().verify(refused).rejection().orElseThrow()));
    }

    @Test
    void answersAccessRefusedExceptionFromHandlerCodeWithTheCoreChallenge() {
        String token = issuer.globalToken(AUDIENCE).scopes("read:report").sign();

        HttpResponse<String> response = http.get("/features/programmatic", bearer(token));

        assertChallenge(response, logto.challenges().insufficientScope(logto.authorize(
                logto.verifier().verify(token).token().orElseThrow(), Requirement.global("admin"))));
        assertThat(http.get("/features/programmatic", bearer(issuer.globalToken(AUDIENCE).scopes("admin").sign()))
                .body()).isEqualTo("admin");
    }

    @Test
    void bindsANullableVerifiedTokenOnAnonymousEndpoints() {
        assertThat(http.get("/features/optional-token").body()).isEqualTo("anonymous");
        assertThat(http.get("/features/optional-token", bearer(issuer.globalToken(AUDIENCE).subject("user-5").sign())).body())
                .isEqualTo("user-5");
    }

    @Test
    void requiresBothTheScopeAndSecuredWhenAnEndpointCarriesBoth() {
        HttpResponse<String> scopeButNoRole = http.get("/features/role-and-scope",
                bearer(issuer.globalToken(AUDIENCE).scopes("read:report").sign()));
        HttpResponse<String> neither = http.get("/features/role-and-scope", bearer(issuer.globalToken(AUDIENCE).sign()));

        assertChallenge(scopeButNoRole, logto.challenges().accessDenied());
        assertThat(neither.statusCode()).isEqualTo(403);
        assertThat(neither.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("insufficient_scope");
        assertThat(http.get("/features/authenticated-and-scope",
                bearer(issuer.globalToken(AUDIENCE).scopes("read:report").sign())).statusCode()).isEqualTo(200);
    }

    @Test
    void keepsMicronautSecureByDefaultForEndpointsWithoutAnyRule() {
        assertChallenge(http.get("/features/unannotated"), logto.challenges().missingToken());
        assertChallenge(http.get("/features/unannotated", bearer(issuer.globalToken(AUDIENCE).sign())),
                logto.challenges().accessDenied());
    }

    @Test
    void appliesAClassLevelRequirementUnlessTheMethodDeclaresItsOwn() {
        String classScope = issuer.globalToken(AUDIENCE).scopes("read:class").sign();
        String member = issuer.organizationToken("org_2").scopes("read:member").sign();

        assertThat(http.get("/class-level/inherited", bearer(classScope)).statusCode()).isEqualTo(200);
        assertThat(http.get("/class-level/inherited", bearer(member)).statusCode()).isEqualTo(403);
        assertThat(http.get("/class-level/organizations/org_2", bearer(member)).statusCode()).isEqualTo(200);
        assertThat(http.get("/class-level/organizations/org_2", bearer(classScope)).statusCode()).isEqualTo(403);
    }

    @Test
    void listsConfiguredScopesAndScopesFoundOnEndpointsInTheMetadata() throws IOException {
        Map<?, ?> document = json.readValue(http.get("/.well-known/oauth-protected-resource").body(), Map.class);

        assertThat(document.get("scopes_supported")).isEqualTo(List.of("admin", "configured:scope", "invite:member",
                "read:class", "read:doc", "read:member", "read:project", "read:report", "write:report"));
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }
}
