package io.logto.resource.servlet;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.logto.resource.core.LogtoConfig;
import io.logto.resource.test.LogtoTokenMinter;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The JWKS endpoint (served by WireMock) being slow, down or answering garbage: requests are answered
 * with 401 {@code invalid_token} once the core's 1-second timeouts expire (a filter that waited for the
 * slow JWKS would answer 200 after 5 seconds), and keys fetched before keep working.
 */
class LogtoFilterJwksOutageTest {

    private static final String AUDIENCE = JettyApp.AUDIENCE;
    private static final WireMockServer JWKS = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));

    private static LogtoTokenMinter minter;

    @BeforeAll
    static void start() {
        JWKS.start();
        minter = LogtoTokenMinter.create("http://127.0.0.1:" + JWKS.port() + "/oidc");
    }

    @AfterAll
    static void stop() {
        JWKS.stop();
    }

    @Test
    void aSlowJwksEndpointIsAnsweredWithInvalidTokenInsteadOfHanging() throws Exception {
        JWKS.stubFor(get(urlEqualTo("/slow/jwks")).willReturn(okJson(minter.jwksJson()).withFixedDelay(5_000)));

        assertRefusedWhileKeysAreUnavailable(jwksAt(JWKS.baseUrl() + "/slow/jwks"));
    }

    @Test
    void aFailingJwksEndpointIsAnsweredWithInvalidToken() throws Exception {
        JWKS.stubFor(get(urlEqualTo("/down/jwks")).willReturn(aResponse().withStatus(503)));

        assertRefusedWhileKeysAreUnavailable(jwksAt(JWKS.baseUrl() + "/down/jwks"));
    }

    @Test
    void aJwksEndpointAnsweringGarbageIsAnsweredWithInvalidToken() throws Exception {
        JWKS.stubFor(get(urlEqualTo("/garbage/jwks")).willReturn(okJson("{\"keys\": \"nope\"")));

        assertRefusedWhileKeysAreUnavailable(jwksAt(JWKS.baseUrl() + "/garbage/jwks"));
    }

    @Test
    void anUnreachableJwksEndpointIsAnsweredWithInvalidToken() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        assertRefusedWhileKeysAreUnavailable(jwksAt("http://127.0.0.1:" + closedPort + "/oidc/jwks"));
    }

    @Test
    void keysFetchedBeforeAnOutageKeepWorking() throws Exception {
        JWKS.stubFor(get(urlEqualTo("/flaky/jwks")).willReturn(okJson(minter.jwksJson())));
        LogtoConfig config = LogtoConfig.from(jwksAt(JWKS.baseUrl() + "/flaky/jwks"))
                .jwksUnknownKeyRefetchInterval(Duration.ofMillis(100)).build();
        try (JettyApp app = JettyApp.start(new LogtoFilter(config, routes()))) {
            assertThat(app.send("GET", "/api/reports", token()).statusCode()).isEqualTo(200);

            JWKS.stubFor(get(urlEqualTo("/flaky/jwks")).willReturn(okJson("garbage")));
            Thread.sleep(300); // past the unknown-key refetch interval, so the next token makes the filter refetch
            String unknownKey = minter.globalToken(AUDIENCE).scopes("read:report").signedWithUnknownKey().sign();
            assertThat(app.send("GET", "/api/reports", unknownKey).statusCode()).isEqualTo(401);
            assertThat(JWKS.countRequestsMatching(getRequestedFor(urlEqualTo("/flaky/jwks")).build()).getCount())
                    .as("the JWKS was fetched again and answered garbage").isEqualTo(2);

            assertThat(app.send("GET", "/api/reports", token()).statusCode()).isEqualTo(200);
        }
    }

    private static void assertRefusedWhileKeysAreUnavailable(LogtoConfig config) throws Exception {
        try (JettyApp app = JettyApp.start(new LogtoFilter(config, routes()))) {
            HttpResponse<String> response = app.send("GET", "/api/reports", token());

            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("error=\"invalid_token\"");
        }
    }

    private static LogtoConfig jwksAt(String jwksUri) {
        return LogtoConfig.custom().issuer(minter.issuer()).audience(AUDIENCE).jwksUri(jwksUri)
                .connectTimeout(Duration.ofSeconds(1)).readTimeout(Duration.ofSeconds(1)).build();
    }

    private static LogtoRoutes routes() {
        return LogtoRoutes.builder().requireScopes("GET", "/api/reports", "read:report").build();
    }

    private static String token() {
        return minter.globalToken(AUDIENCE).scopes("read:report").sign();
    }
}
