package io.logto.resource.micronaut;

import com.github.tomakehurst.wiremock.client.WireMock;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.logto.resource.test.LogtoTokenMinter;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A JWKS endpoint (WireMock on loopback) that is too slow before any key is known answers 401, not a hang or 5xx. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JwksUnavailableTest implements TestPropertyProvider {

    static final String AUDIENCE = "https://api.example.com";

    final WireMockServer jwks = JwksOutageTest.started();
    final LogtoTokenMinter minter = LogtoTokenMinter.create("https://tenant.logto.app/oidc");

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        jwks.stubFor(WireMock.get("/oidc/jwks").willReturn(okJson(minter.jwksJson()).withFixedDelay(5_000)));
        return Map.of("logto.issuer", minter.issuer(), "logto.audience", AUDIENCE,
                "logto.jwks-uri", jwks.baseUrl() + "/oidc/jwks", "logto.read-timeout", "300ms");
    }

    @AfterAll
    void stopJwks() {
        jwks.stop();
    }

    @Test
    void answersWith401InvalidTokenWhenTheKeysCannotBeFetchedInTime() {
        String token = minter.globalToken(AUDIENCE).scopes("read:report").sign();

        HttpResponse<String> response = new TestHttp(server.getURI()).get("/api/reports", "Bearer " + token);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("error=\"invalid_token\"");
    }
}
