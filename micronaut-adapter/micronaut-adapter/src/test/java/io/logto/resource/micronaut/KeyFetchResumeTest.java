package io.logto.resource.micronaut;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.logto.resource.test.LogtoTokenMinter;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A request that waited for a key fetch resumes on the server's own event loop, with its request context,
 * never on the core's few key-fetch threads (user code there would hold up other waiting verifications).
 */
@MicronautTest(environments = FeaturesTest.ENVIRONMENT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeyFetchResumeTest implements TestPropertyProvider {

    static final String AUDIENCE = "https://api.example.com";
    static final String JWKS_PATH = "/oidc/jwks";

    final WireMockServer jwks = JwksOutageTest.started();
    final LogtoTokenMinter minter = LogtoTokenMinter.create("https://tenant.logto.app/oidc");

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    @Override
    public Map<String, String> getProperties() {
        jwks.stubFor(WireMock.get(JWKS_PATH).willReturn(okJson(minter.jwksJson()).withFixedDelay(200)));
        // one event loop, so the thread of a request answered without waiting is the one to come back to
        return Map.of("logto.issuer", minter.issuer(), "logto.audience", AUDIENCE,
                "logto.jwks-uri", "http://127.0.0.1:" + jwks.port() + JWKS_PATH,
                "micronaut.netty.event-loops.default.num-threads", "1",
                "micronaut.server.netty.worker.threads", "1");
    }

    @AfterAll
    void stopJwks() {
        jwks.stop();
    }

    @Test
    void theHandlerOfARequestThatWaitedForKeysRunsOnTheEventLoopWithItsRequestContext() throws IOException {
        String token = minter.globalToken(AUDIENCE).scopes("read:report").sign();
        assertThat(jwks.findAll(getRequestedFor(urlEqualTo(JWKS_PATH)))).as("no keys fetched yet").isEmpty();

        HttpResponse<String> waited = new TestHttp(server.getURI()).get("/features/thread", "Bearer " + token);

        assertThat(jwks.findAll(getRequestedFor(urlEqualTo(JWKS_PATH)))).as("the request waited for a fetch").hasSize(1);
        assertThat(waited.statusCode()).isEqualTo(200);
        Map<?, ?> body = json.readValue(waited.body(), Map.class);
        assertThat((String) body.get("thread")).doesNotStartWith("logto-");
        assertThat(body.get("sameRequest")).isEqualTo(true);
        String cached = json.readValue(new TestHttp(server.getURI()).get("/features/thread", "Bearer " + token).body(),
                Map.class).get("thread").toString();
        assertThat((String) body.get("thread")).isEqualTo(cached);
    }
}
