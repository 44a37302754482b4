package com.example.api;

import static io.logto.resource.spring.test.reactive.LogtoWebTestClientConfigurers.logtoToken;

import io.logto.resource.spring.test.AutoConfigureLogtoTestIssuer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@AutoConfigureLogtoTestIssuer
class ApiControllerTest {

    @Autowired
    WebTestClient client;

    @Test
    void aTokenWithTheScopeIsGranted() {
        client.mutateWith(logtoToken().subject("user-7").scopes("read:report")).get().uri("/api/reports").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.sub").isEqualTo("user-7");
    }

    @Test
    void aTokenWithoutTheScopeIsForbidden() {
        client.mutateWith(logtoToken().scopes("write:report")).get().uri("/api/reports").exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void noTokenOrAnExpiredOneIsUnauthorized() {
        client.get().uri("/api/reports").exchange().expectStatus().isUnauthorized();
        client.mutateWith(logtoToken().scopes("read:report").customize(token -> token.expired()))
                .get().uri("/api/reports").exchange().expectStatus().isUnauthorized();
    }
}
