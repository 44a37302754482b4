package io.logto.resource.samples.spring;

import static io.logto.resource.spring.test.LogtoRequestPostProcessors.logtoToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.logto.resource.core.Challenge;
import io.logto.resource.core.LogtoResourceServer;
import io.logto.resource.spring.test.AutoConfigureLogtoTestIssuer;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The idiom routes: Spring Security's own {@code hasAuthority("SCOPE_read:report")}, in the filter chain and in
 * {@code @PreAuthorize}, grants a global API token with {@code read:report} and refuses organization and
 * organization-level API tokens carrying the same scope with the core's {@code accessDenied()} 403.
 */
@SpringBootTest
@AutoConfigureMockMvc
@AutoConfigureLogtoTestIssuer
class SpringSampleIdiomTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    LogtoResourceServer logto;

    @ParameterizedTest
    @ValueSource(strings = {"/api/idiom/filter-chain", "/api/idiom/pre-authorize"})
    void aGlobalTokenWithTheScopeIsGranted(String path) throws Exception {
        MockHttpServletResponse response = call(path, logtoToken().subject("u-1").scopes("read:report"));
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString()).isEqualTo("{\"sub\":\"u-1\"}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/idiom/filter-chain", "/api/idiom/pre-authorize"})
    void aScopeWithACommaBesideItIsGrantedToo(String path) throws Exception {
        assertThat(call(path, logtoToken().scopes("read:report", "a,b")).getStatus()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/idiom/filter-chain", "/api/idiom/pre-authorize"})
    void everyOtherTokenIsRefusedWithTheCoresAccessDenied(String path) throws Exception {
        for (RequestPostProcessor refused : List.of(logtoToken().scopes("write:report"),
                logtoToken().organization("org_42").scopes("read:report"),
                logtoToken().organizationApi("org_42").scopes("read:report"))) {
            assertChallenge(call(path, refused), logto.challenges().accessDenied());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/idiom/filter-chain", "/api/idiom/pre-authorize"})
    void noTokenIsTheCoresMissingTokenChallenge(String path) throws Exception {
        assertChallenge(mvc.perform(get(path)).andReturn().getResponse(), logto.challenges().missingToken());
    }

    private MockHttpServletResponse call(String path, RequestPostProcessor token) throws Exception {
        return mvc.perform(get(path).with(token)).andReturn().getResponse();
    }

    private static void assertChallenge(MockHttpServletResponse response, Challenge expected) throws Exception {
        assertThat(response.getStatus()).isEqualTo(expected.status());
        assertThat(response.getHeader(HttpHeaders.WWW_AUTHENTICATE)).isEqualTo(expected.wwwAuthenticate());
        assertThat(response.getContentAsString()).isEqualTo(expected.body());
    }
}
