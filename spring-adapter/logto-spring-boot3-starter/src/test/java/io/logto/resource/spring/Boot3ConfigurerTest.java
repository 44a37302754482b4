package io.logto.resource.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.logto.resource.core.LogtoResourceServer;
import io.logto.resource.core.VerifiedToken;
import io.logto.resource.test.LogtoTestIssuer;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An application's own chain on Spring Security 6.5, extended the Security 6 way with
 * {@code http.with(LogtoConfigurer.logto(), Customizer.withDefaults())}: the starter's default chain backs off,
 * public routes stay reachable with or without a token, protected ones answer with the core's challenges, and
 * CSRF (left on) does not apply to bearer requests.
 */
@SpringBootTest(classes = Boot3ConfigurerTest.App.class)
@AutoConfigureMockMvc
class Boot3ConfigurerTest {

    static final String AUDIENCE = "https://api.example.com";
    static final LogtoTestIssuer ISSUER = LogtoTestIssuer.start();

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(App.Endpoints.class)
    static class App {

        // tag::chain[]
        @Bean
        SecurityFilterChain api(HttpSecurity http) throws Exception {
            return http.with(LogtoConfigurer.logto(), Customizer.withDefaults())
                    .authorizeHttpRequests(requests -> requests
                            .requestMatchers("/public/**").permitAll()
                            .anyRequest().authenticated())
                    .build();
        }
        // end::chain[]

        @RestController
        static class Endpoints {

            @GetMapping("/public/hello")
            Map<String, Object> hello(@Nullable VerifiedToken token) {
                return Map.of("caller", token == null ? "anonymous" : token.subject());
            }

            @GetMapping("/reports")
            @RequireScopes("read:report")
            Map<String, Object> reports(VerifiedToken token) {
                return Map.of("sub", token.subject());
            }

            @PostMapping("/reports")
            @RequireScopes("write:report")
            Map<String, Object> write(VerifiedToken token) {
                return Map.of("written", token.subject());
            }
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    LogtoResourceServer logto;

    @Autowired
    List<SecurityFilterChain> chains;

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
    void theApplicationsChainReplacesTheDefaultOne() {
        assertThat(chains).hasSize(1);
    }

    @Test
    void publicRoutesAnswerWithOrWithoutAToken() throws Exception {
        assertThat(mvc.perform(get("/public/hello")).andReturn().getResponse().getContentAsString())
                .isEqualTo("{\"caller\":\"anonymous\"}");
        assertThat(bearer(get("/public/hello"), ISSUER.globalToken(AUDIENCE).subject("u-5").sign()).getContentAsString())
                .isEqualTo("{\"caller\":\"u-5\"}");
        MockHttpServletResponse refused = bearer(get("/public/hello"), "not-a-jwt");
        assertThat(refused.getStatus()).isEqualTo(200);
        assertThat(refused.getContentAsString()).isEqualTo("{\"caller\":\"anonymous\"}");
    }

    @Test
    void protectedRoutesAnswerWithTheCoresChallenges() throws Exception {
        assertThat(bearer(get("/reports"), ISSUER.globalToken(AUDIENCE).subject("u-6").scopes("read:report").sign())
                .getContentAsString()).isEqualTo("{\"sub\":\"u-6\"}");
        MockHttpServletResponse missing = mvc.perform(get("/reports")).andReturn().getResponse();
        Boot3DefaultChainTest.assertChallenge(missing, logto.challenges().missingToken());
        assertThat(bearer(get("/reports"), "not-a-jwt").getStatus()).isEqualTo(401);
        MockHttpServletResponse wrongKind = bearer(get("/reports"), ISSUER.organizationToken("org_1").scopes("read:report").sign());
        assertThat(wrongKind.getStatus()).isEqualTo(403);
        assertThat(wrongKind.getHeader(HttpHeaders.WWW_AUTHENTICATE)).contains("insufficient_scope");
    }

    @Test
    void bearerRequestsPassCsrfProtection() throws Exception {
        assertThat(bearer(post("/reports"), ISSUER.globalToken(AUDIENCE).subject("u-7").scopes("write:report").sign())
                .getContentAsString()).isEqualTo("{\"written\":\"u-7\"}");
        assertThat(mvc.perform(post("/reports")).andReturn().getResponse().getStatus()).isEqualTo(403);
    }

    private MockHttpServletResponse bearer(
            org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, String token) throws Exception {
        return mvc.perform(request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)).andReturn().getResponse();
    }
}
