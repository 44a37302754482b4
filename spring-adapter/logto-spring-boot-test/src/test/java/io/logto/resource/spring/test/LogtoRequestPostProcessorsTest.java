package io.logto.resource.spring.test;

import static io.logto.resource.spring.test.LogtoRequestPostProcessors.logtoToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.logto.resource.core.LogtoResourceServer;
import io.logto.resource.test.LogtoTestIssuer;
import io.logto.resource.test.TokenBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** A user's {@code @SpringBootTest} with the test support: real tokens, verified by the application as in production. */
@SpringBootTest
@AutoConfigureMockMvc
@AutoConfigureLogtoTestIssuer
class LogtoRequestPostProcessorsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    LogtoTestIssuer issuer;

    @Autowired
    LogtoResourceServer logto;

    @Test
    void theApplicationTrustsTheLocalIssuerWithTheDefaultAudience() {
        assertThat(logto.config().issuer()).isEqualTo(issuer.issuer());
        assertThat(logto.config().audiences()).containsExactly(AutoConfigureLogtoTestIssuer.DEFAULT_AUDIENCE);
    }

    @Test
    void globalTokenWithTheScopeIsGranted() throws Exception {
        MockHttpServletResponse response = perform("/api/reports", logtoToken().subject("u-9").scopes("read:report"));
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString()).isEqualTo("{\"sub\":\"u-9\"}");
        assertThat(perform("/api/reports", logtoToken()).getStatus()).isEqualTo(403);
    }

    @Test
    void organizationTokenIsForTheNamedOrganization() throws Exception {
        assertThat(perform("/api/organizations/org_1/members", logtoToken().organization("org_1").scopes("read:member"))
                .getContentAsString()).contains("\"organizationId\":\"org_1\"").contains("\"sub\":\"user-1\"");
        assertThat(perform("/api/organizations/org_1/members", logtoToken().organization("org_2").scopes("read:member"))
                .getStatus()).isEqualTo(403);
    }

    @Test
    void organizationApiTokenCarriesTheOrganizationId() throws Exception {
        assertThat(perform("/api/organizations/org_1/projects", logtoToken().organizationApi("org_1").scopes("read:project"))
                .getStatus()).isEqualTo(200);
        assertThat(perform("/api/organizations/org_1/projects", logtoToken().scopes("read:project")).getStatus())
                .isEqualTo(403);
    }

    @Test
    void customizedTokensAreVerifiedForReal() throws Exception {
        assertThat(perform("/api/reports", logtoToken().scopes("read:report").customize(TokenBuilder::expired))
                .getStatus()).isEqualTo(401);
        assertThat(perform("/api/reports", logtoToken().scopes("read:report").audience("https://other.example.com"))
                .getStatus()).isEqualTo(401);
        try (LogtoTestIssuer stranger = LogtoTestIssuer.start()) {
            assertThat(perform("/api/reports", logtoToken(stranger).scopes("read:report")).getStatus()).isEqualTo(401);
        }
    }

    @Test
    void tokensMintedWithTheIssuerBeanWorkForOtherClientsToo() throws Exception {
        String token = issuer.globalToken(AutoConfigureLogtoTestIssuer.DEFAULT_AUDIENCE).scopes("read:report").sign();
        assertThat(mvc.perform(get("/api/reports").header("Authorization", "Bearer " + token)).andReturn().getResponse()
                .getStatus()).isEqualTo(200);
    }

    @Test
    void withoutAnApplicationContextTheIssuerMustBeGiven() {
        assertThatThrownBy(() -> logtoToken().postProcessRequest(new org.springframework.mock.web.MockHttpServletRequest()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("@AutoConfigureLogtoTestIssuer");
    }

    private MockHttpServletResponse perform(String path, RequestPostProcessor token) throws Exception {
        return mvc.perform(get(path).with(token)).andReturn().getResponse();
    }
}
