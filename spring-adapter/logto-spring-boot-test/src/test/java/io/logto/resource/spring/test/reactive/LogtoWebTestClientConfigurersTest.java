package io.logto.resource.spring.test.reactive;

import static io.logto.resource.spring.test.reactive.LogtoWebTestClientConfigurers.logtoToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.logto.resource.core.LogtoResourceServer;
import io.logto.resource.core.VerifiedToken;
import io.logto.resource.spring.RequireOrganizationApiScopes;
import io.logto.resource.spring.RequireOrganizationScopes;
import io.logto.resource.spring.RequireScopes;
import io.logto.resource.spring.test.AutoConfigureLogtoTestIssuer;
import io.logto.resource.test.LogtoTestIssuer;
import io.logto.resource.test.TokenBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** A user's reactive {@code @SpringBootTest} with the test support: real tokens over real HTTP, verified as in production. */
@SpringBootTest(classes = LogtoWebTestClientConfigurersTest.ReactiveApi.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "spring.main.web-application-type=reactive")
@AutoConfigureWebTestClient
@AutoConfigureLogtoTestIssuer
class LogtoWebTestClientConfigurersTest {

    @Autowired
    WebTestClient client;

    @Autowired
    LogtoTestIssuer issuer;

    @Autowired
    LogtoResourceServer logto;

    @LocalServerPort
    int port;

    @Test
    void theReactiveApplicationTrustsTheLocalIssuer() {
        assertThat(logto.config().issuer()).isEqualTo(issuer.issuer());
        assertThat(logto.config().audiences()).containsExactly(AutoConfigureLogtoTestIssuer.DEFAULT_AUDIENCE);
    }

    @Test
    void globalTokenWithTheScopeIsAccepted() {
        client.mutateWith(logtoToken().subject("u-9").scopes("read:report")).get().uri("/api/reports").exchange()
                .expectStatus().isOk().expectBody().json("{\"sub\":\"u-9\"}");
    }

    @Test
    void organizationAndOrganizationApiTokens() {
        client.mutateWith(logtoToken().organization("org_1").scopes("read:member"))
                .get().uri("/api/organizations/org_1/members").exchange().expectStatus().isOk();
        client.mutateWith(logtoToken().organization("org_2").scopes("read:member"))
                .get().uri("/api/organizations/org_1/members").exchange().expectStatus().isForbidden();
        client.mutateWith(logtoToken().organizationApi("org_1").scopes("read:project"))
                .get().uri("/api/organizations/org_1/projects").exchange().expectStatus().isOk();
    }

    @Test
    void customizedTokensAreRefused() {
        client.mutateWith(logtoToken().scopes("read:report").customize(TokenBuilder::expired))
                .get().uri("/api/reports").exchange().expectStatus().isUnauthorized();
        client.mutateWith(logtoToken().scopes("read:report").audience("https://other.example.com"))
                .get().uri("/api/reports").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void aSecondTokenReplacesTheFirst() {
        client.mutateWith(logtoToken().scopes("write:report")).mutateWith(logtoToken().scopes("read:report"))
                .get().uri("/api/reports").exchange().expectStatus().isOk();
    }

    @Test
    void explicitIssuerWorksOnAnyClient() {
        WebTestClient plain = WebTestClient.bindToServer().baseUrl(baseUrl()).build();
        plain.mutateWith(logtoToken(issuer).audience(AutoConfigureLogtoTestIssuer.DEFAULT_AUDIENCE).scopes("read:report"))
                .get().uri("/api/reports").exchange().expectStatus().isOk();
    }

    @Test
    void aClientWithoutTheContextsIssuerIsToldWhatToDo() {
        WebTestClient plain = WebTestClient.bindToServer().baseUrl(baseUrl()).build();
        assertThatThrownBy(() -> plain.mutateWith(logtoToken().scopes("read:report")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("@AutoConfigureLogtoTestIssuer");
    }

    private String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** A user's reactive application: annotated handlers, no security code. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(Reports.class)
    static class ReactiveApi {
    }

    @RestController
    static class Reports {

        @GetMapping("/api/reports")
        @RequireScopes("read:report")
        Mono<Map<String, Object>> reports(VerifiedToken token) {
            return Mono.just(Map.of("sub", token.subject()));
        }

        @GetMapping("/api/organizations/{orgId}/members")
        @RequireOrganizationScopes("read:member")
        Mono<Map<String, Object>> members(@PathVariable String orgId) {
            return Mono.just(Map.of("organizationId", orgId));
        }

        @GetMapping("/api/organizations/{orgId}/projects")
        @RequireOrganizationApiScopes("read:project")
        Mono<Map<String, Object>> projects(@PathVariable String orgId) {
            return Mono.just(Map.of("organizationId", orgId));
        }
    }
}
