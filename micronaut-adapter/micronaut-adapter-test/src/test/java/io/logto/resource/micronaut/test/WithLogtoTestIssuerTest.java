package io.logto.resource.micronaut.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.logto.resource.core.LogtoConfig;
import io.logto.resource.test.LogtoTestIssuer;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** The smallest use: annotate, inject the issuer, mint tokens of chosen scopes. */
@MicronautTest
@WithLogtoTestIssuer
class WithLogtoTestIssuerTest {

    @Inject
    LogtoTestIssuer logto;
    @Inject
    LogtoConfig config;
    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void acceptsTokensFromTheLocalIssuerForTheDefaultAudience() {
        String token = logto.globalToken(WithLogtoTestIssuer.DEFAULT_AUDIENCE).subject("user-9").scopes("read:report").sign();

        HttpResponse<String> response = client.toBlocking().exchange(HttpRequest.GET("/reports").bearerAuth(token), String.class);

        assertThat(response.body()).isEqualTo("reports for user-9");
        assertThat(config.issuers()).containsExactly(logto.issuer());
        assertThat(config.audiences()).containsExactly(WithLogtoTestIssuer.DEFAULT_AUDIENCE);
    }

    @Test
    void refusesTokensLackingTheScopeWithTheCoreChallenge() {
        String token = logto.globalToken(WithLogtoTestIssuer.DEFAULT_AUDIENCE).scopes("write:report").sign();

        assertThatThrownBy(() -> client.toBlocking().exchange(HttpRequest.GET("/reports").bearerAuth(token), String.class))
                .isInstanceOfSatisfying(HttpClientResponseException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(403);
                    assertThat(e.getResponse().getHeaders().get("WWW-Authenticate"))
                            .contains("error=\"insufficient_scope\"", "scope=\"read:report\"");
                });
    }
}
