package io.logto.resource.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.logto.resource.core.LogtoResourceServer;
import io.logto.resource.core.ProtectedResourceMetadata;
import io.logto.resource.core.VerifiedToken;
import io.logto.resource.test.LogtoTestIssuer;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** An application's own chain extended with {@link LogtoConfigurer}: public routes, CSRF left on, key outages. */
@SpringBootTest(classes = LogtoConfigurerTest.App.class)
@AutoConfigureMockMvc
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LogtoConfigurerTest {

    static final String AUDIENCE = "https://api.example.com";
    static final LogtoTestIssuer ISSUER = LogtoTestIssuer.start();

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(App.Endpoints.class)
    static class App {

        @Bean
        SecurityFilterChain api(HttpSecurity http) throws Exception {
            return http.with(LogtoConfigurer.logto())
                    .authorizeHttpRequests(requests -> requests
                            .requestMatchers("/public/**").permitAll()
                            .anyRequest().authenticated())
                    .build();
        }

        @RestController
        static class Endpoints {

            @GetMapping("/public/hello")
            Map<String, Object> hello(@Nullable VerifiedToken token) {
                return Map.of("caller", token == null ? "anonymous" : token.subject());
            }

            @PostMapping("/public/echo")
            Map<String, Object> echo() {
                return Map.of("ok", true);
            }

            @GetMapping("/reports")
            @RequireScopes("read:report")
            Map<String, Object> reports(VerifiedToken token) {
                return Map.of("sub", token.subject());
            }
        }
    }

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
    void publicRouteIsReachableWithoutATokenAndWithARefusedOne() throws Exception {
        assertThat(body(get("/public/hello"))).isEqualTo("{\"caller\":\"anonymous\"}");
        assertThat(body(get("/public/hello").header(HttpHeaders.AUTHORIZATION, "Bearer not-a-jwt")))
                .isEqualTo("{\"caller\":\"anonymous\"}");
        assertThat(body(get("/public/hello").header(HttpHeaders.AUTHORIZATION, "Bearer two tokens")))
                .isEqualTo("{\"caller\":\"anonymous\"}");
    }

    @Test
    void publicRouteSeesAVerifiedTokenWhenOneIsSent() throws Exception {
        String token = ISSUER.globalToken(AUDIENCE).subject("u-5").sign();
        assertThat(body(get("/public/hello").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)))
                .isEqualTo("{\"caller\":\"u-5\"}");
    }

    @Test
    void protectedRouteAnswersWithTheRefusedTokensOwnChallenge() throws Exception {
        String expired = ISSUER.globalToken(AUDIENCE).scopes("read:report").expired().sign();
        LogtoSecurityIntegrationTest.assertChallenge(
                response(get("/reports").header(HttpHeaders.AUTHORIZATION, "Bearer " + expired)),
                logto.authenticate("Bearer " + expired).challenge().orElseThrow());
        LogtoSecurityIntegrationTest.assertChallenge(
                response(get("/reports").header(HttpHeaders.AUTHORIZATION, "Bearer two tokens")),
                logto.challenges().invalidRequest());
        LogtoSecurityIntegrationTest.assertChallenge(response(get("/reports")), logto.challenges().missingToken());
    }

    @Test
    void csrfStaysOnForOtherClientsWhileBearerRequestsPass() throws Exception {
        assertThat(response(post("/public/echo")).getStatus()).isEqualTo(403);
        String token = ISSUER.globalToken(AUDIENCE).sign();
        assertThat(response(post("/public/echo").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)).getStatus())
                .isEqualTo(200);
    }

    @Test
    void csrfExemptsEveryBearerRequestAndOnlyThose() throws Exception {
        // another scheme is no bearer request: CSRF protection answers
        assertThat(response(post("/public/echo").header(HttpHeaders.AUTHORIZATION, "Basic dXNlcjpwYXNz")).getStatus())
                .isEqualTo(403);
        assertThat(response(post("/public/echo").header(HttpHeaders.AUTHORIZATION, "Bearerx abc")).getStatus())
                .isEqualTo(403);
        assertThat(response(post("/reports").header(HttpHeaders.AUTHORIZATION, "Basic dXNlcjpwYXNz")).getStatus())
                .isEqualTo(403);
        // malformed bearer credentials pass CSRF too: a protected route answers them with the bearer challenge for a
        // malformed request (400), not with CSRF's 403
        String token = ISSUER.globalToken(AUDIENCE).sign();
        for (MockHttpServletRequestBuilder malformed : java.util.List.of(
                post("/reports").header(HttpHeaders.AUTHORIZATION, "Bearer two tokens"),
                post("/reports").header(HttpHeaders.AUTHORIZATION, "Bearer\t" + token),
                post("/reports").header(HttpHeaders.AUTHORIZATION, "Bearer " + token, "Bearer " + token))) {
            LogtoSecurityIntegrationTest.assertChallenge(response(malformed), logto.challenges().invalidRequest());
        }
    }

    @Test
    void metadataAnswersGetAndHead() throws Exception {
        MockHttpServletResponse metadata = response(get(ProtectedResourceMetadata.PATH));
        assertThat(metadata.getContentAsString()).isEqualTo(logto.metadata().withScopes(java.util.List.of("read:report")).toJson());
        MockHttpServletResponse headers = response(head(ProtectedResourceMetadata.PATH));
        assertThat(headers.getStatus()).isEqualTo(200);
        assertThat(headers.getContentLength()).isEqualTo(metadata.getContentAsByteArray().length);
        assertThat(headers.getContentAsByteArray()).isEmpty();
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void knownKeysKeepWorkingWhileTheJwksIsDown() throws Exception {
        String before = ISSUER.globalToken(AUDIENCE).scopes("read:report").sign();
        assertThat(response(get("/reports").header(HttpHeaders.AUTHORIZATION, "Bearer " + before)).getStatus()).isEqualTo(200);
        String after = ISSUER.globalToken(AUDIENCE).scopes("read:report").subject("u-after").sign();
        String unknownKey = ISSUER.globalToken(AUDIENCE).scopes("read:report").signedWithUnknownKey().sign();
        ISSUER.close();

        assertThat(body(get("/reports").header(HttpHeaders.AUTHORIZATION, "Bearer " + after)))
                .isEqualTo("{\"sub\":\"u-after\"}");
        LogtoSecurityIntegrationTest.assertChallenge(
                response(get("/reports").header(HttpHeaders.AUTHORIZATION, "Bearer " + unknownKey)),
                logto.authenticate("Bearer " + unknownKey).challenge().orElseThrow());
    }

    private MockHttpServletResponse response(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse();
    }

    private String body(MockHttpServletRequestBuilder request) throws Exception {
        MockHttpServletResponse response = response(request);
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString();
    }
}
