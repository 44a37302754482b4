package io.logto.resource.samples.spring;

import static io.logto.resource.spring.test.LogtoRequestPostProcessors.logtoToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.logto.resource.core.LogtoResourceServer;
import io.logto.resource.spring.test.AutoConfigureLogtoTestIssuer;
import io.logto.resource.spring.test.LogtoTokenRequestPostProcessor;
import io.logto.resource.test.LogtoTestIssuer;
import io.logto.resource.test.TokenBuilder;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Every row of the sample contract and every rule that holds on its protected routes, through MockMvc. */
@SpringBootTest
@AutoConfigureMockMvc
@AutoConfigureLogtoTestIssuer
class SpringSampleContractTest {

    static final String AUDIENCE = AutoConfigureLogtoTestIssuer.DEFAULT_AUDIENCE;

    /** The protected routes with the scenario and scope each needs; the organization in the path is org_42. */
    static final List<Route> PROTECTED = List.of(
            new Route("GET", "/api/reports", token -> token.scopes("read:report")),
            new Route("POST", "/api/reports", token -> token.scopes("write:report")),
            new Route("GET", "/api/organizations/org_42/members", token -> token.organization("org_42").scopes("read:member")),
            new Route("POST", "/api/organizations/org_42/members", token -> token.organization("org_42").scopes("invite:member")),
            new Route("GET", "/api/organizations/org_42/projects", token -> token.organizationApi("org_42").scopes("read:project")));

    record Route(String method, String path,
                 Function<LogtoTokenRequestPostProcessor, LogtoTokenRequestPostProcessor> grantingToken) {

        MockHttpServletRequestBuilder request() {
            return method.equals("GET") ? get(path) : post(path);
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    LogtoTestIssuer issuer;

    @Autowired
    LogtoResourceServer logto;

    @Test
    void publicRouteNeedsNothing() throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/api/public")).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).startsWith("application/json");
    }

    @Test
    void readingReportsNeedsAGlobalTokenWithReadReport() throws Exception {
        assertThat(body(get("/api/reports"), logtoToken().subject("u-1").scopes("read:report"))).isEqualTo("{\"sub\":\"u-1\"}");
    }

    @Test
    void writingReportsNeedsAGlobalTokenWithWriteReport() throws Exception {
        assertThat(body(post("/api/reports"), logtoToken().subject("u-2").scopes("write:report"))).isEqualTo("{\"sub\":\"u-2\"}");
    }

    @Test
    void listingMembersNeedsTheOrganizationsTokenWithReadMember() throws Exception {
        assertThat(body(get("/api/organizations/org_42/members"), logtoToken().organization("org_42").subject("u-3")
                .scopes("read:member"))).isEqualTo("{\"organizationId\":\"org_42\",\"sub\":\"u-3\"}");
    }

    @Test
    void invitingMembersNeedsTheOrganizationsTokenWithInviteMember() throws Exception {
        assertThat(body(post("/api/organizations/org_42/members"), logtoToken().organization("org_42").subject("u-4")
                .scopes("invite:member"))).isEqualTo("{\"organizationId\":\"org_42\",\"sub\":\"u-4\"}");
    }

    @Test
    void listingProjectsNeedsAnOrganizationLevelApiTokenWithReadProject() throws Exception {
        assertThat(body(get("/api/organizations/org_42/projects"), logtoToken().organizationApi("org_42").subject("u-5")
                .scopes("read:project"))).isEqualTo("{\"organizationId\":\"org_42\",\"sub\":\"u-5\"}");
    }

    @Test
    void metadataNamesTheResourceTheIssuerAndEveryScope() throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/.well-known/oauth-protected-resource")).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString()).isEqualTo("{\"resource\":\"" + AUDIENCE + "\",\"authorization_servers\":[\""
                + issuer.issuer() + "\"],\"scopes_supported\":[\"invite:member\",\"read:member\",\"read:project\","
                + "\"read:report\",\"write:report\"],\"bearer_methods_supported\":[\"header\"]}");
    }

    @Test
    void everyProtectedRouteAnswersAMissingTokenWith401AndResourceMetadata() throws Exception {
        for (Route route : PROTECTED) {
            MockHttpServletResponse response = mvc.perform(route.request()).andReturn().getResponse();
            assertThat(response.getStatus()).as(route.path()).isEqualTo(401);
            assertThat(response.getHeader(HttpHeaders.WWW_AUTHENTICATE)).as(route.path())
                    .isEqualTo(logto.challenges().missingToken().wwwAuthenticate())
                    .startsWith("Bearer").contains("resource_metadata=\"").doesNotContain("error=");
        }
    }

    @Test
    void everyProtectedRouteAnswersEveryUnverifiableTokenWithInvalidToken() throws Exception {
        try (LogtoTestIssuer stranger = LogtoTestIssuer.start()) {
            for (Route route : PROTECTED) {
                assertInvalidTokens(route, stranger);
            }
        }
        assertInvalidToken(mvc.perform(get("/api/reports").with(logtoToken().scopes("read:report")
                .audience("https://another-api.example.com"))).andReturn().getResponse(), PROTECTED.get(0));
    }

    private void assertInvalidTokens(Route route, LogtoTestIssuer stranger) throws Exception {
        for (RequestPostProcessor refused : List.of(
                route.grantingToken().apply(logtoToken()).customize(TokenBuilder::signedWithUnknownKey),
                route.grantingToken().apply(logtoToken()).customize(token -> token.issuer("https://other.logto.app/oidc")),
                route.grantingToken().apply(logtoToken()).customize(token -> token.type("JWT")),
                route.grantingToken().apply(logtoToken()).customize(TokenBuilder::expired),
                route.grantingToken().apply(logtoToken(stranger)),
                bearer("not.a.jwt"))) {
            assertInvalidToken(mvc.perform(route.request().with(refused)).andReturn().getResponse(), route);
        }
    }

    @Test
    void globalRoutesRefuseOrganizationTokensAndTokensCarryingAnOrganizationId() throws Exception {
        assertInsufficientScope(get("/api/reports"), logtoToken().organization("org_42").scopes("read:report"), "read:report");
        assertInsufficientScope(get("/api/reports"), logtoToken().organizationApi("org_42").scopes("read:report"), "read:report");
        assertInsufficientScope(post("/api/reports"), logtoToken().organizationApi("org_42").scopes("write:report"),
                "write:report");
    }

    @Test
    void organizationRoutesRefuseGlobalTokensAndOtherOrganizations() throws Exception {
        assertInsufficientScope(get("/api/organizations/org_42/members"), logtoToken().scopes("read:member"), "read:member");
        assertInsufficientScope(get("/api/organizations/org_42/members"),
                logtoToken().organization("org_7").scopes("read:member"), "read:member");
        assertInsufficientScope(post("/api/organizations/org_42/members"),
                logtoToken().organizationApi("org_42").scopes("invite:member"), "invite:member");
        assertInsufficientScope(get("/api/organizations/org_42/projects"), logtoToken().scopes("read:project"),
                "read:project");
        assertInsufficientScope(get("/api/organizations/org_42/projects"),
                logtoToken().organization("org_42").scopes("read:project"), "read:project");
        assertInsufficientScope(get("/api/organizations/org_42/projects"),
                logtoToken().organizationApi("org_7").scopes("read:project"), "read:project");
    }

    @Test
    void tokensLackingTheScopeAreRefusedNamingIt() throws Exception {
        assertInsufficientScope(get("/api/reports"), logtoToken().scopes("write:report"), "read:report");
        assertInsufficientScope(post("/api/reports"), logtoToken().scopes("read:report"), "write:report");
        assertInsufficientScope(get("/api/organizations/org_42/members"),
                logtoToken().organization("org_42").scopes("invite:member"), "read:member");
        assertInsufficientScope(post("/api/organizations/org_42/members"),
                logtoToken().organization("org_42").scopes("read:member"), "invite:member");
        assertInsufficientScope(get("/api/organizations/org_42/projects"), logtoToken().organizationApi("org_42"),
                "read:project");
    }

    @Test
    void bearerSchemeIsCaseInsensitive() throws Exception {
        String token = issuer.globalToken(AUDIENCE).scopes("read:report").sign();
        for (String scheme : List.of("bearer", "BEARER", "bEaReR")) {
            assertThat(mvc.perform(get("/api/reports").header(HttpHeaders.AUTHORIZATION, scheme + " " + token))
                    .andReturn().getResponse().getStatus()).isEqualTo(200);
        }
    }

    @Test
    void tokensInTheQueryStringOrFormAreIgnored() throws Exception {
        String token = issuer.globalToken(AUDIENCE).scopes("write:report").sign();
        assertThat(mvc.perform(get("/api/reports").queryParam("access_token", token)).andReturn().getResponse()
                .getHeader(HttpHeaders.WWW_AUTHENTICATE)).isEqualTo(logto.challenges().missingToken().wwwAuthenticate());
        assertThat(mvc.perform(post("/api/reports").contentType("application/x-www-form-urlencoded")
                .content("access_token=" + token)).andReturn().getResponse().getStatus()).isEqualTo(401);
    }

    @Test
    void garbageOrOversizedAuthorizationHeadersNeverCauseA5xx() throws Exception {
        for (String header : List.of("Bearer", "Bearer ", "Bearer a b", "Basic dXNlcjpwYXNz", "Bearer \u0000\u0001",
                "Bearer " + "A".repeat(60 * 1024), "Bearer eyJ.eyJ.sig", "\u00ff\u00fe", "Bearer ....")) {
            int status = mvc.perform(get("/api/reports").header(HttpHeaders.AUTHORIZATION, header)).andReturn()
                    .getResponse().getStatus();
            assertThat(status).as(header.length() > 40 ? header.substring(0, 40) : header).isIn(400, 401);
        }
    }

    private String body(MockHttpServletRequestBuilder request, RequestPostProcessor token) throws Exception {
        MockHttpServletResponse response = mvc.perform(request.with(token)).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString();
    }

    private void assertInsufficientScope(MockHttpServletRequestBuilder request, RequestPostProcessor token, String scope)
            throws Exception {
        MockHttpServletResponse response = mvc.perform(request.with(token)).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.getHeader(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer")
                .contains("error=\"insufficient_scope\"").contains("scope=\"" + scope + "\"").contains("resource_metadata=\"");
        assertThat(response.getContentAsString()).contains("\"error\":\"insufficient_scope\"");
    }

    private static void assertInvalidToken(MockHttpServletResponse response, Route route) {
        assertThat(response.getStatus()).as(route.path()).isEqualTo(401);
        assertThat(response.getHeader(HttpHeaders.WWW_AUTHENTICATE)).as(route.path())
                .startsWith("Bearer").contains("error=\"invalid_token\"").contains("resource_metadata=\"");
    }

    private static RequestPostProcessor bearer(String token) {
        return request -> {
            request.addHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token);
            return request;
        };
    }

}
