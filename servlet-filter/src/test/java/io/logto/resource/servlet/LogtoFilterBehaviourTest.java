package io.logto.resource.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import io.logto.resource.core.Challenge;
import io.logto.resource.core.LogtoConfig;
import io.logto.resource.core.LogtoResourceServer;
import io.logto.resource.core.Requirement;
import io.logto.resource.core.TokenRoles;
import io.logto.resource.core.VerifiedToken;
import io.logto.resource.test.LogtoTestIssuer;
import io.logto.resource.test.LogtoTestIssuerExtension;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the filter does beyond the sample contract (which the in-process conformance suite checks in
 * {@link LogtoFilterInCodeTest} and {@link LogtoFilterInitParametersTest}): {@code HEAD}, unmatched and
 * non-canonical paths, programmatic checks, and what servlets see of the verified token. Against a real
 * Jetty running the filter configured in code.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LogtoFilterBehaviourTest {

    static final String AUDIENCE = JettyApp.AUDIENCE;

    @RegisterExtension
    static final LogtoTestIssuerExtension LOGTO = new LogtoTestIssuerExtension();

    LogtoTestIssuer issuer;
    JettyApp app;
    LogtoResourceServer oracle;

    @BeforeAll
    void start() {
        issuer = LOGTO.issuer();
        app = JettyApp.start(new LogtoFilter(LogtoConfig.custom().issuer(issuer.issuer()).audience(AUDIENCE).build(), JettyApp.ROUTES));
        oracle = LogtoResourceServer.create(LogtoConfig.custom().issuer(issuer.issuer()).audience(AUDIENCE).build());
    }

    @AfterAll
    void stop() throws Exception {
        app.close();
        oracle.close();
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

    @Test
    void isUserInRoleHoldsForAGlobalScopeOnlyWithAGlobalApiToken() {
        String global = issuer.globalToken(AUDIENCE).scopes("read:report").sign();
        String organization = issuer.organizationToken("org_42").scopes("read:report").sign();
        String organizationApi = issuer.organizationApiToken(AUDIENCE, "org_42").scopes("read:report").sign();

        assertThat(inRole(global, "read:report")).isTrue();
        assertThat(inRole(organization, "read:report")).isFalse();
        assertThat(inRole(organizationApi, "read:report")).isFalse();
        assertThat(inRole(global, "write:report")).isFalse();
    }

    @Test
    void isUserInRoleAnswersOrganizationQualifiedRolesForOrganizationTokens() {
        String organization = issuer.organizationToken("org_42").scopes("read:member").sign();
        String organizationApi = issuer.organizationApiToken(AUDIENCE, "org_42").scopes("read:project").sign();

        assertThat(inRole(organization, TokenRoles.organization("org_42", "read:member"))).isTrue();
        assertThat(inRole(organization, TokenRoles.organization("org_7", "read:member"))).isFalse();
        assertThat(inRole(organization, TokenRoles.organizationApi("org_42", "read:member"))).isFalse();
        assertThat(inRole(organizationApi, TokenRoles.organizationApi("org_42", "read:project"))).isTrue();
        assertThat(inRole(organizationApi, TokenRoles.organization("org_42", "read:project"))).isFalse();
    }

    @Test
    void theServletSeesTheSubjectAsItsPrincipal() {
        String token = issuer.globalToken(AUDIENCE).subject("user-5").scopes("read:report").sign();

        assertThat(app.send("GET", "/api/me?role=x", token).body())
                .isEqualTo("{\"principal\":\"user-5\",\"remoteUser\":\"user-5\",\"authType\":\"Bearer\",\"inRole\":false}");
    }

    @Test
    void aServletRefusingWithSendError403IsAnsweredWithTheCoreAccessDeniedChallenge() {
        String organization = issuer.organizationToken("org_42").scopes("read:report").sign();

        assertChallenge(app.send("GET", "/api/idiom/is-user-in-role", organization), oracle.challenges().accessDenied());
    }

    @Test
    void anAuthenticatedRouteStillNeedsAValidToken() {
        String expired = issuer.globalToken(AUDIENCE).scopes("read:report").expired().sign();

        assertChallenge(app.send("GET", "/api/me?role=x"), oracle.challenges().missingToken());
        assertThat(app.send("GET", "/api/me?role=x", expired).statusCode()).isEqualTo(401);
    }

    @Test
    void aRuleWhosePatternLacksTheOrganizationVariableIsAnsweredLikeAccessDenied() {
        LogtoConfig config = LogtoConfig.custom().issuer(issuer.issuer()).audience(AUDIENCE).build();
        String token = issuer.organizationToken("org_42").scopes("read:member").sign();
        try (JettyApp lacking = JettyApp.start(new LogtoFilter(config,
                LogtoRoutes.parse("GET /api/orgs/{id}/members = organization read:member")))) {
            assertChallenge(lacking.send("GET", "/api/orgs/org_42/members", token), oracle.challenges().accessDenied());
        }
    }

    // --- helpers

    private boolean inRole(String token, String role) {
        HttpResponse<String> response = app.send("GET", "/api/me?role=" + URLEncoder.encode(role, StandardCharsets.UTF_8), token);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body().endsWith("\"inRole\":true}");
    }


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

}
