package io.logto.resource.micronaut;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import com.github.tomakehurst.wiremock.client.WireMock;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
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

/** A JWKS endpoint (WireMock on loopback) that fails after the keys were fetched never turns valid tokens away. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JwksOutageTest implements TestPropertyProvider {

    static final String AUDIENCE = "https://api.example.com";

    final WireMockServer jwks = started();
    final LogtoTokenMinter minter = LogtoTokenMinter.create("https://tenant.logto.app/oidc");

    @Inject
    EmbeddedServer server;

    static WireMockServer started() {
        WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        // a cold WireMock's first answer can be slow on a busy machine; warm it up outside the test
        new TestHttp(java.net.URI.create(server.baseUrl())).get("/warm-up");
        return server;
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of("logto.issuer", minter.issuer(), "logto.audience", AUDIENCE,
                "logto.jwks-uri", jwks.baseUrl() + "/oidc/jwks");
    }

    @AfterAll
    void stopJwks() {
        jwks.stop();
    }

    @Test
    void keepsAcceptingKnownKeysWhileTheJwksEndpointFailsAndRefusesUnknownOnesWith401() {
        TestHttp http = new TestHttp(server.getURI());
        jwks.stubFor(WireMock.get("/oidc/jwks").willReturn(okJson(minter.jwksJson()).withHeader("Cache-Control", "no-cache")));
        assertThat(http.get("/api/reports", bearer()).statusCode()).isEqualTo(200);

        jwks.stubFor(WireMock.get("/oidc/jwks").willReturn(aResponse().withStatus(500)));
        assertThat(http.get("/api/reports", bearer()).statusCode()).isEqualTo(200);

        jwks.stubFor(WireMock.get("/oidc/jwks").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        assertThat(http.get("/api/reports", bearer()).statusCode()).isEqualTo(200);

        jwks.stubFor(WireMock.get("/oidc/jwks").willReturn(okJson("{\"keys\": 42")));
        assertThat(http.get("/api/reports", bearer()).statusCode()).isEqualTo(200);

        minter.rotate();
        HttpResponse<String> unknownKey = http.get("/api/reports", bearer());
        assertThat(unknownKey.statusCode()).isEqualTo(401);
        assertThat(unknownKey.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("error=\"invalid_token\"");
    }

    private String bearer() {
        return "Bearer " + minter.globalToken(AUDIENCE).scopes("read:report").sign();
    }
}
