package io.logto.resource.samples.webflux;

import static io.logto.resource.spring.test.reactive.LogtoWebTestClientConfigurers.logtoToken;

import io.logto.resource.spring.test.AutoConfigureLogtoTestIssuer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The sample's framework-idiom routes, each guarded only by Spring's own check for {@code read:report}: a global
 * API token with the scope passes, organization and organization-API tokens carrying the same scope are refused
 * (the core's role policy), a scope string with a comma never breaks anything.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@AutoConfigureLogtoTestIssuer
class WebFluxSampleIdiomTest {

    @Autowired
    WebTestClient client;

    @ParameterizedTest
    @ValueSource(strings = {"/api/idiom/filter-chain", "/api/idiom/pre-authorize"})
    void globalTokenWithTheScopePasses(String path) {
        client.mutateWith(logtoToken().subject("u-1").scopes("read:report")).get().uri(path).exchange()
                .expectStatus().isOk().expectBody().json("{\"sub\":\"u-1\"}");
        client.mutateWith(logtoToken().scopes("read:report", "a,b")).get().uri(path).exchange().expectStatus().isOk();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/idiom/filter-chain", "/api/idiom/pre-authorize"})
    void organizationTokensWithTheSameScopeAreRefused(String path) {
        client.mutateWith(logtoToken().organization("org_1").scopes("read:report")).get().uri(path).exchange()
                .expectStatus().isForbidden().expectHeader().valueMatches("WWW-Authenticate", ".*insufficient_scope.*");
        client.mutateWith(logtoToken().organizationApi("org_1").scopes("read:report")).get().uri(path).exchange()
                .expectStatus().isForbidden();
        client.mutateWith(logtoToken().scopes("write:report")).get().uri(path).exchange().expectStatus().isForbidden();
        client.get().uri(path).exchange().expectStatus().isUnauthorized();
    }
}
