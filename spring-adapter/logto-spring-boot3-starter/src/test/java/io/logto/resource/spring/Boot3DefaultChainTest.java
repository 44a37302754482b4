package io.logto.resource.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.logto.resource.core.Challenge;
import io.logto.resource.core.LogtoResourceServer;
import io.logto.resource.core.ProtectedResourceMetadata;
import io.logto.resource.core.Requirement;
import io.logto.resource.core.VerifiedToken;
import io.logto.resource.test.LogtoTestIssuer;
import io.logto.resource.test.TokenBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.core.SpringVersion;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.core.SpringSecurityCoreVersion;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A Spring Boot 3.5 application with nothing but the starter and {@code logto.*} properties: the auto-configured
 * default chain, the three annotations (through the Security 6 method-authorization seam), {@code hasAuthority},
 * handler parameters and the metadata endpoint, against real tokens from a loopback issuer. Each refusal must be
 * exactly the core's challenge for the same input.
 */
@SpringBootTest(classes = Boot3DefaultChainTest.App.class)
@AutoConfigureMockMvc
class Boot3DefaultChainTest {

    static final String AUDIENCE = "https://api.example.com";
    static final LogtoTestIssuer ISSUER = LogtoTestIssuer.start();

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @EnableMethodSecurity
    @Import(App.Endpoints.class)
    static class App {

        @RestController
        static class Endpoints {

            @GetMapping("/reports")
            @RequireScopes("read:report")
            Map<String, Object> reports(VerifiedToken token) {
                return Map.of("sub", token.subject());
            }

            @GetMapping("/orgs/{orgId}/members")
            @RequireOrganizationScopes("read:member")
            Map<String, Object> members(@PathVariable String orgId, VerifiedToken token) {
                return Map.of("organizationId", orgId, "sub", token.subject());
            }

            @GetMapping("/orgs/{orgId}/projects")
            @RequireOrganizationApiScopes("read:project")
            Map<String, Object> projects(@PathVariable String orgId, VerifiedToken token) {
                return Map.of("organizationId", orgId, "sub", token.subject());
            }

            @GetMapping("/authority")
            @PreAuthorize("hasAuthority('SCOPE_read:report')")
            Map<String, Object> authority(VerifiedToken token) {
                return Map.of("sub", token.subject());
            }

            @GetMapping("/expr/orgs/{orgId}/members")
            @PreAuthorize("@logto.organization(#orgId).has('read:member')")
            Map<String, Object> exprMembers(@PathVariable String orgId) {
                return Map.of("organizationId", orgId);
            }
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    LogtoResourceServer logto;

    @Autowired
    List<SecurityFilterChain> chains;

    @Autowired
    ApplicationContext context;

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
    void runsOnSpringBoot35AndSpringSecurity65() {
        assertThat(SpringBootVersion.getVersion()).startsWith("3.5.");
        assertThat(SpringVersion.getVersion()).startsWith("6.2.");
        assertThat(SpringSecurityCoreVersion.getVersion()).startsWith("6.5.");
    }

    @Test
    void theStartersChainTakesBootsDefaultSlotAndNoPasswordUserIsGenerated() {
        assertThat(chains).containsExactly(context.getBean("logtoSecurityFilterChain", SecurityFilterChain.class));
        assertThat(context.getBeanNamesForType(UserDetailsService.class)).isEmpty();
    }

    @Test
    void eachTokenKindIsGrantedItsOwnRoute() throws Exception {
        assertThat(call(get("/reports"), ISSUER.globalToken(AUDIENCE).subject("u-1").scopes("read:report"))
                .getContentAsString()).isEqualTo("{\"sub\":\"u-1\"}");
        assertThat(call(get("/orgs/org_1/members"), ISSUER.organizationToken("org_1").subject("u-2").scopes("read:member"))
                .getContentAsString()).contains("\"organizationId\":\"org_1\"").contains("\"sub\":\"u-2\"");
        assertThat(call(get("/orgs/org_1/projects"),
                ISSUER.organizationApiToken(AUDIENCE, "org_1").subject("u-3").scopes("read:project"))
                .getContentAsString()).contains("\"organizationId\":\"org_1\"").contains("\"sub\":\"u-3\"");
        assertThat(call(get("/expr/orgs/org_1/members"), ISSUER.organizationToken("org_1").scopes("read:member"))
                .getStatus()).isEqualTo(200);
    }

    @Test
    void noTokenOrABadTokenIs401WithTheCoresChallenge() throws Exception {
        assertChallenge(mvc.perform(get("/reports")).andReturn().getResponse(), logto.challenges().missingToken());
        String expired = ISSUER.globalToken(AUDIENCE).scopes("read:report").expired().sign();
        MockHttpServletResponse expiredResponse = mvc.perform(get("/reports")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + expired)).andReturn().getResponse();
        assertThat(expiredResponse.getStatus()).isEqualTo(401);
        assertChallenge(expiredResponse, logto.authenticate("Bearer " + expired).challenge().orElseThrow());
        String otherAudience = ISSUER.globalToken("https://other.example.com").scopes("read:report").sign();
        assertThat(mvc.perform(get("/reports").header(HttpHeaders.AUTHORIZATION, "Bearer " + otherAudience))
                .andReturn().getResponse().getStatus()).isEqualTo(401);
        assertChallenge(mvc.perform(get("/reports").header(HttpHeaders.AUTHORIZATION, "Bearer two tokens"))
                .andReturn().getResponse(), logto.challenges().invalidRequest());
    }

    @Test
    void theWrongTokenKindIs403() throws Exception {
        TokenBuilder organization = ISSUER.organizationToken("org_1").scopes("read:report");
        assertDenied(call(get("/reports"), organization), organization, Requirement.global("read:report"));
        TokenBuilder global = ISSUER.globalToken(AUDIENCE).scopes("read:member");
        assertDenied(call(get("/orgs/org_1/members"), global), global, Requirement.organization("org_1", "read:member"));
        TokenBuilder organizationForMembers = ISSUER.organizationToken("org_1").scopes("read:project");
        assertDenied(call(get("/orgs/org_1/projects"), organizationForMembers), organizationForMembers,
                Requirement.organizationApi("org_1", "read:project"));
        TokenBuilder otherOrganization = ISSUER.organizationToken("org_2").scopes("read:member");
        assertDenied(call(get("/expr/orgs/org_1/members"), otherOrganization), otherOrganization,
                Requirement.organization("org_1", "read:member"));
    }

    @Test
    void aMissingScopeIs403() throws Exception {
        TokenBuilder lacking = ISSUER.globalToken(AUDIENCE).scopes("read:other");
        assertDenied(call(get("/reports"), lacking), lacking, Requirement.global("read:report"));
        TokenBuilder lackingMember = ISSUER.organizationToken("org_1").scopes("write:member");
        assertDenied(call(get("/orgs/org_1/members"), lackingMember), lackingMember,
                Requirement.organization("org_1", "read:member"));
    }

    @Test
    void hasAuthorityForAGlobalScopeGrantsOnlyGlobalTokens() throws Exception {
        assertThat(call(get("/authority"), ISSUER.globalToken(AUDIENCE).subject("u-4").scopes("read:report"))
                .getContentAsString()).isEqualTo("{\"sub\":\"u-4\"}");
        for (TokenBuilder refused : List.of(ISSUER.organizationToken("org_1").scopes("read:report"),
                ISSUER.organizationApiToken(AUDIENCE, "org_1").scopes("read:report"),
                ISSUER.globalToken(AUDIENCE).scopes("read:other"))) {
            assertChallenge(call(get("/authority"), refused), logto.challenges().accessDenied());
        }
    }

    @Test
    void metadataIsPublicAndListsTheAnnotatedScopes() throws Exception {
        MockHttpServletResponse response = mvc.perform(get(ProtectedResourceMetadata.PATH)).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString()).isEqualTo(
                logto.metadata().withScopes(List.of("read:report", "read:member", "read:project")).toJson());
    }

    private MockHttpServletResponse call(MockHttpServletRequestBuilder request, TokenBuilder token) throws Exception {
        return mvc.perform(request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token.sign())).andReturn().getResponse();
    }

    private void assertDenied(MockHttpServletResponse response, TokenBuilder token, Requirement requirement) throws Exception {
        Challenge expected = logto.challenges().insufficientScope(
                logto.authorize(logto.authenticate("Bearer " + token.sign()).token().orElseThrow(), requirement));
        assertThat(response.getStatus()).isEqualTo(403);
        assertChallenge(response, expected);
    }

    static void assertChallenge(MockHttpServletResponse response, Challenge expected) throws Exception {
        assertThat(response.getStatus()).isEqualTo(expected.status());
        assertThat(response.getHeader(HttpHeaders.WWW_AUTHENTICATE)).isEqualTo(expected.wwwAuthenticate());
        assertThat(response.getContentType()).isEqualTo(Challenge.CONTENT_TYPE);
        assertThat(response.getContentAsString()).isEqualTo(expected.body());
    }
}
