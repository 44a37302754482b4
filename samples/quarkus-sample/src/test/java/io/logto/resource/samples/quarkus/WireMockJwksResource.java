package io.logto.resource.samples.quarkus;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.logto.resource.test.LogtoTokenMinter;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * A Logto issuer whose JWKS endpoint the test controls: WireMock serves {@code <issuer>/jwks} with the keys of a
 * {@link LogtoTokenMinter}, and the test can make it fail, slow or garbled. Injects the server and the minter into
 * fields of those types.
 */
public final class WireMockJwksResource implements QuarkusTestResourceLifecycleManager {

    static final String JWKS_PATH = "/oidc/jwks";

    private WireMockServer server;
    private LogtoTokenMinter minter;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        minter = LogtoTokenMinter.create("http://127.0.0.1:" + server.port() + "/oidc");
        serveKeys(server, minter);
        return Map.of(
                "quarkus.logto.issuer", minter.issuer(),
                "quarkus.logto.discovery", "false",
                "quarkus.logto.jwks-unknown-key-refetch-interval", "100ms");
    }

    static void serveKeys(WireMockServer server, LogtoTokenMinter minter) {
        server.stubFor(get(JWKS_PATH).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withHeader("Cache-Control", "no-cache")
                .withBody(minter.jwksJson())));
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(server, new TestInjector.MatchesType(WireMockServer.class));
        testInjector.injectIntoFields(minter, new TestInjector.MatchesType(LogtoTokenMinter.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
