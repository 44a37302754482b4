package io.logto.resource.samples.quarkus;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import io.logto.resource.test.LogtoTokenMinter;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/**
 * The JWKS endpoint being down, slow or returning garbage never hangs a request for more than a few seconds and never
 * turns a previously valid key invalid.
 */
@QuarkusTest
@WithTestResource(WireMockJwksResource.class)
class JwksOutageTest {

    private static final String AUDIENCE = "https://api.example.com";
    /** Requests must finish well within this (connect 1 s + read 2 s is what the core allows the JWKS). */
    private static final RestAssuredConfig BOUNDED = RestAssuredConfig.config().httpClient(HttpClientConfig
            .httpClientConfig().setParam("http.socket.timeout", 8_000).setParam("http.connection.timeout", 8_000));

    WireMockServer jwks;
    LogtoTokenMinter minter;

    @Test
    void knownKeysSurviveAnUnreachableSlowOrGarbledJwksAndNewKeysWorkOnceItRecovers() throws InterruptedException {
        String before = minter.globalToken(AUDIENCE).scopes("read:report").sign();
        assertThat(call(before).statusCode()).isEqualTo(200);

        minter.rotate();
        String signedWithNewKey = minter.globalToken(AUDIENCE).scopes("read:report").sign();

        jwks.stubFor(get(WireMockJwksResource.JWKS_PATH).willReturn(aResponse().withStatus(503)));
        assertRefusedThenKnownKeyStillWorks(signedWithNewKey, before);

        jwks.stubFor(get(WireMockJwksResource.JWKS_PATH).willReturn(aResponse().withStatus(200).withBody("{not json")));
        assertRefusedThenKnownKeyStillWorks(signedWithNewKey, before);

        jwks.stubFor(get(WireMockJwksResource.JWKS_PATH).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        assertRefusedThenKnownKeyStillWorks(signedWithNewKey, before);

        jwks.stubFor(get(WireMockJwksResource.JWKS_PATH).willReturn(aResponse().withStatus(200)
                .withBody(minter.jwksJson()).withFixedDelay(6_000)));
        assertRefusedThenKnownKeyStillWorks(signedWithNewKey, before);

        WireMockJwksResource.serveKeys(jwks, minter);
        pastTheRefetchInterval();
        assertThat(call(signedWithNewKey).statusCode()).isEqualTo(200);
        assertThat(call(before).statusCode()).isEqualTo(200);
    }

    private void assertRefusedThenKnownKeyStillWorks(String unknownKeyToken, String knownKeyToken)
            throws InterruptedException {
        pastTheRefetchInterval();
        Response refused = call(unknownKeyToken);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.header("WWW-Authenticate")).contains("error=\"invalid_token\"");
        assertThat(call(knownKeyToken).statusCode()).isEqualTo(200);
    }

    /** The unknown-kid refetch is rate limited (100 ms here); wait so the next request really asks the JWKS again. */
    private static void pastTheRefetchInterval() throws InterruptedException {
        Thread.sleep(250);
    }

    private static Response call(String token) {
        return given().config(BOUNDED).auth().oauth2(token).get("/api/reports");
    }
}
