package io.logto.resource.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.logto.resource.core.Challenge;
import io.logto.resource.core.LogtoResourceServer;
import io.logto.resource.core.ProtectedResourceMetadata;
import io.logto.resource.core.Requirement;
import io.logto.resource.core.TokenRoles;
import io.logto.resource.test.LogtoTestIssuer;
import io.logto.resource.test.TokenBuilder;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The auto-configured default chain, annotations, the {@code logto} bean, authorities, handler parameters and
 * the metadata endpoint, against real tokens from a loopback issuer. Every refusal must be exactly the core's
 * challenge for the same input. The HTTP contract itself is played by {@link SpringConformanceTest}.
 */
@SpringBootTest(classes = TestApplication.class)
@AutoConfigureMockMvc
class LogtoSecurityIntegrationTest {

    static final String AUDIENCE = "https://api.example.com";
    static final LogtoTestIssuer ISSUER = LogtoTestIssuer.start();

    @Autowired
    MockMvc mvc;

    @Autowired
    LogtoResourceServer logto;

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
    void theDefaultChainAnswersEveryOutcomeWithTheCoresChallenge() throws Exception {
        MockHttpServletResponse granted = call(get("/reports"), ISSUER.globalToken(AUDIENCE).subject("u-7").scopes("read:report"));
        assertThat(granted.getStatus()).isEqualTo(200);
        assertThat(granted.getContentAsString()).isEqualTo("{\"sub\":\"u-7\"}");
        assertChallenge(mvc.perform(get("/reports")).andReturn().getResponse(), logto.challenges().missingToken());
        String expired = ISSUER.globalToken(AUDIENCE).scopes("read:report").expired().sign();
        assertChallenge(mvc.perform(get("/reports").header(HttpHeaders.AUTHORIZATION, "Bearer " + expired))
                .andReturn().getResponse(), logto.authenticate("Bearer " + expired).challenge().orElseThrow());
        assertChallenge(mvc.perform(get("/reports").header(HttpHeaders.AUTHORIZATION, "Bearer two tokens"))
                .andReturn().getResponse(), logto.challenges().invalidRequest());
        TokenBuilder lacking = ISSUER.organizationToken("org_1").scopes("read:report");
        assertDenied(call(get("/reports"), lacking), lacking, Requirement.global("read:report"));
    }

    @Test
    void anyOfRequirementAcceptsOneOfTheScopes() throws Exception {
        assertThat(call(get("/reports/any"), ISSUER.globalToken(AUDIENCE).scopes("admin")).getStatus()).isEqualTo(200);
        TokenBuilder none = ISSUER.globalToken(AUDIENCE).scopes("other");
        assertDenied(call(get("/reports/any"), none), none,
                Requirement.global("read:report", "admin").matching(io.logto.resource.core.ScopeMatch.ANY));
    }

    @Test
    void composedAnnotationIsEnforced() throws Exception {
        assertThat(call(get("/audit"), ISSUER.globalToken(AUDIENCE).scopes("read:audit")).getStatus()).isEqualTo(200);
        TokenBuilder token = ISSUER.globalToken(AUDIENCE).scopes("read:report");
        assertDenied(call(get("/audit"), token), token, Requirement.global("read:audit"));
    }

    @Test
    void organizationIdComesFromTheNamedPathVariable() throws Exception {
        assertThat(call(get("/tenants/org_9/members"), ISSUER.organizationToken("org_9").scopes("read:member"))
                .getContentAsString()).isEqualTo("{\"organizationId\":\"org_9\"}");
        TokenBuilder other = ISSUER.organizationToken("org_1").scopes("read:member");
        assertDenied(call(get("/tenants/org_9/members"), other), other, Requirement.organization("org_9", "read:member"));
    }

    @Test
    void preAuthorizeWithTheLogtoBeanAnswersWithTheCoresChallenge() throws Exception {
        assertThat(call(get("/expr/orgs/org_1/members"), ISSUER.organizationToken("org_1").scopes("read:member"))
                .getStatus()).isEqualTo(200);
        TokenBuilder other = ISSUER.organizationToken("org_2").scopes("read:member");
        assertDenied(call(get("/expr/orgs/org_1/members"), other), other, Requirement.organization("org_1", "read:member"));

        assertThat(call(get("/expr/orgs/org_1/projects"), ISSUER.organizationApiToken(AUDIENCE, "org_1").scopes("read:project"))
                .getStatus()).isEqualTo(200);
        TokenBuilder global = ISSUER.globalToken(AUDIENCE).scopes("read:project");
        assertDenied(call(get("/expr/orgs/org_1/projects"), global), global,
                Requirement.organizationApi("org_1", "read:project"));

        assertThat(call(get("/expr/reports"), ISSUER.globalToken(AUDIENCE).scopes("admin")).getStatus()).isEqualTo(200);
        TokenBuilder lacking = ISSUER.globalToken(AUDIENCE);
        assertDenied(call(get("/expr/reports"), lacking), lacking,
                Requirement.global("read:report", "admin").matching(io.logto.resource.core.ScopeMatch.ANY));
    }

    @Test
    void aPlainSpringDenialOfAVerifiedTokenGetsTheCoresAccessDeniedChallenge() throws Exception {
        assertChallenge(call(get("/expr/authority"), ISSUER.globalToken(AUDIENCE).scopes("other")),
                logto.challenges().accessDenied());
    }

    @Test
    void hasAuthorityForAGlobalScopeGrantsOnlyGlobalTokens() throws Exception {
        assertThat(call(get("/expr/authority"), ISSUER.globalToken(AUDIENCE).scopes("read:report")).getStatus())
                .isEqualTo(200);
        for (TokenBuilder refused : List.of(ISSUER.organizationToken("org_1").scopes("read:report"),
                ISSUER.organizationApiToken(AUDIENCE, "org_1").scopes("read:report"))) {
            assertChallenge(call(get("/expr/authority"), refused), logto.challenges().accessDenied());
        }
    }

    @Test
    void aScopeWithACommaIsJustAnotherAuthority() throws Exception {
        assertThat(call(get("/expr/authority"), ISSUER.globalToken(AUDIENCE).scopes("read:report", "a,b")).getStatus())
                .isEqualTo(200);
        assertThat(call(get("/me"), ISSUER.globalToken(AUDIENCE).scopes("a,b")).getContentAsString())
                .contains("\"authorities\":[\"SCOPE_a,b\"]");
    }

    @Test
    void organizationTokensGetOrganizationQualifiedAuthorities() throws Exception {
        assertThat(call(get("/me"), ISSUER.organizationToken("org_1").scopes("read:member")).getContentAsString())
                .contains("\"authorities\":[\"SCOPE_" + TokenRoles.organization("org_1", "read:member") + "\"]");
        assertThat(call(get("/me"), ISSUER.organizationApiToken(AUDIENCE, "org_1").scopes("read:project"))
                .getContentAsString())
                .contains("\"authorities\":[\"SCOPE_" + TokenRoles.organizationApi("org_1", "read:project") + "\"]");
    }

    @Test
    void hasAuthorityForAnOrganizationRoleGrantsThatOrganizationsTokenOnly() throws Exception {
        assertThat(call(get("/expr/orgs/org_1/authority"), ISSUER.organizationToken("org_1").scopes("read:member"))
                .getContentAsString()).isEqualTo("{\"organizationId\":\"org_1\"}");
        for (TokenBuilder refused : List.of(ISSUER.organizationToken("org_2").scopes("read:member"),
                ISSUER.organizationApiToken(AUDIENCE, "org_1").scopes("read:member"),
                ISSUER.globalToken(AUDIENCE).scopes("read:member"))) {
            assertChallenge(call(get("/expr/orgs/org_1/authority"), refused), logto.challenges().accessDenied());
        }
    }

    @Test
    void anOrganizationAnnotationWithoutItsPathVariableIsTheCoresMissingOrganizationAnswer() throws Exception {
        TokenBuilder token = ISSUER.organizationToken("org_1").scopes("read:member");
        assertChallenge(call(get("/members-of-no-organization"), token), logto.challenges().accessDenied());
        assertChallenge(call(get("/expr/orgs/org_1/unnamed"), token), logto.challenges().accessDenied());
    }

    @Test
    void classLevelOrganizationApiRequirementReadsItsOwnVariable() throws Exception {
        assertThat(call(get("/projects/org_5/files"), ISSUER.organizationApiToken(AUDIENCE, "org_5").scopes("read:project"))
                .getStatus()).isEqualTo(200);
        TokenBuilder other = ISSUER.organizationApiToken(AUDIENCE, "org_6").scopes("read:project");
        assertDenied(call(get("/projects/org_5/files"), other), other,
                Requirement.organizationApi("org_5", "read:project"));
        TokenBuilder reader = ISSUER.organizationApiToken(AUDIENCE, "org_5").scopes("read:project");
        assertDenied(call(post("/projects/org_5/files"), reader), reader,
                Requirement.organizationApi("org_5", "write:project"));
    }

    @Test
    void scopesAreSpringAuthoritiesAndTheSubjectIsThePrincipalName() throws Exception {
        MockHttpServletResponse me = call(get("/me"), ISSUER.globalToken(AUDIENCE).subject("u-3").scopes("read:report", "a:b"));
        assertThat(me.getContentAsString())
                .contains("\"name\":\"u-3\"")
                .contains("\"authorities\":[\"SCOPE_a:b\",\"SCOPE_read:report\"]")
                .contains("\"credentials\":\"VerifiedToken\"")
                .contains("\"principal\":\"VerifiedToken\"");
        assertThat(call(get("/expr/authority"), ISSUER.globalToken(AUDIENCE).subject("u-3").scopes("read:report"))
                .getContentAsString()).isEqualTo("{\"name\":\"u-3\"}");
        assertThat(call(get("/principal"), ISSUER.globalToken(AUDIENCE).subject("u-3")).getContentAsString())
                .isEqualTo("{\"sub\":\"u-3\"}");
    }

    @Test
    void accessRefusedExceptionFromHandlerCodeGetsTheCoresChallenge() throws Exception {
        assertThat(call(post("/orgs/org_1/invitations"), ISSUER.organizationToken("org_1").scopes("invite:member"))
                .getStatus()).isEqualTo(200);
        TokenBuilder lacking = ISSUER.organizationToken("org_1").scopes("read:member");
        assertDenied(call(post("/orgs/org_1/invitations"), lacking), lacking,
                Requirement.organization("org_1", "invite:member"));
    }

    @Test
    void classLevelRequirementAppliesUnlessTheMethodHasItsOwn() throws Exception {
        assertThat(call(get("/admin/settings"), ISSUER.globalToken(AUDIENCE).scopes("read:admin")).getStatus()).isEqualTo(200);
        TokenBuilder reader = ISSUER.globalToken(AUDIENCE).scopes("read:admin");
        assertDenied(call(post("/admin/settings"), reader), reader, Requirement.global("write:admin"));
        assertThat(call(post("/admin/settings"), ISSUER.globalToken(AUDIENCE).scopes("write:admin")).getStatus())
                .isEqualTo(200);
    }

    @Test
    void metadataIsPublicAndListsTheAnnotatedScopes() throws Exception {
        for (MockHttpServletRequestBuilder request : List.of(get(ProtectedResourceMetadata.PATH),
                get(ProtectedResourceMetadata.PATH).header(HttpHeaders.AUTHORIZATION, "Bearer not-a-jwt"))) {
            MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(response.getContentType()).isEqualTo("application/json");
            assertThat(response.getContentAsString()).isEqualTo(logto.metadata().withScopes(List.of("read:report", "admin",
                    "read:audit", "read:member", "read:project", "read:admin", "write:admin", "write:project")).toJson());
        }
    }

    @Test
    void unannotatedEndpointStillNeedsAToken() throws Exception {
        assertChallenge(mvc.perform(get("/me")).andReturn().getResponse(), logto.challenges().missingToken());
    }

    private MockHttpServletResponse call(MockHttpServletRequestBuilder request, TokenBuilder token) throws Exception {
        return mvc.perform(request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token.sign())).andReturn().getResponse();
    }

    private void assertDenied(MockHttpServletResponse response, TokenBuilder token, Requirement requirement) throws Exception {
        Challenge expected = logto.challenges().insufficientScope(
                logto.authorize(logto.authenticate("Bearer " + token.sign()).token().orElseThrow(), requirement));
        assertChallenge(response, expected);
        assertThat(response.getStatus()).isEqualTo(403);
    }

    static void assertChallenge(MockHttpServletResponse response, Challenge expected) throws Exception {
        assertThat(response.getStatus()).isEqualTo(expected.status());
        assertThat(response.getHeader(HttpHeaders.WWW_AUTHENTICATE)).isEqualTo(expected.wwwAuthenticate());
        assertThat(response.getContentType()).isEqualTo(Challenge.CONTENT_TYPE);
        assertThat(response.getContentAsString()).isEqualTo(expected.body());
    }
}
