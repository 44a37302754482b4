package io.logto.resource.core;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/** A WireMock server on loopback playing the Logto issuer's discovery and JWKS endpoints. */
final class JwksServer implements AutoCloseable {

    static final String AUDIENCE = "https://api.example.com";

    final WireMockServer wireMock = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));

    JwksServer() {
        wireMock.start();
        warmUp();
    }

    /** One request before the test's own, so a cold server's first answer cannot hit a short read timeout. */
    private void warmUp() {
        try {
            java.net.HttpURLConnection connection = (java.net.HttpURLConnection)
                    java.net.URI.create("http://127.0.0.1:" + wireMock.port() + "/warm-up").toURL().openConnection();
            connection.getResponseCode();
            connection.disconnect();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("WireMock did not answer", e);
        }
        wireMock.resetRequests();
    }

    String issuer() {
        return "http://127.0.0.1:" + wireMock.port() + "/oidc";
    }

    String jwksPath() {
        return "/oidc/jwks";
    }

    JwksServer serving(JWK... keys) {
        return respond(json(TestKeys.jwks(keys)));
    }

    JwksServer respond(ResponseDefinitionBuilder response) {
        wireMock.stubFor(get(urlEqualTo(jwksPath())).willReturn(response));
        return this;
    }

    JwksServer failWith(int status) {
        return respond(aResponse().withStatus(status).withBody("oops"));
    }

    JwksServer garbage() {
        return respond(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("<html>not json"));
    }

    JwksServer emptySet() {
        return respond(json("{\"keys\":[]}"));
    }

    JwksServer slow(Duration delay, JWK... keys) {
        return respond(json(TestKeys.jwks(keys)).withFixedDelay((int) delay.toMillis()));
    }

    JwksServer connectionReset() {
        return respond(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
    }

    JwksServer discovery(String jwksUri) {
        wireMock.stubFor(get(urlEqualTo("/oidc/.well-known/openid-configuration")).willReturn(json(
                "{\"issuer\":\"" + issuer() + "\",\"jwks_uri\":\"" + jwksUri + "\"}")));
        return this;
    }

    int jwksRequests() {
        return wireMock.countRequestsMatching(getRequestedFor(urlEqualTo(jwksPath())).build()).getCount();
    }

    int requestsTo(String pathRegex) {
        return wireMock.countRequestsMatching(getRequestedFor(urlPathMatching(pathRegex)).build()).getCount();
    }

    /** A configuration for this issuer with discovery off and short timeouts for tests. */
    LogtoConfig.Builder config() {
        return LogtoConfig.custom().issuer(issuer()).audience(AUDIENCE).discovery(false)
                .connectTimeout(Duration.ofSeconds(2)).readTimeout(Duration.ofSeconds(3));
    }

    /** Claims of a valid global API token of this issuer. */
    JWTClaimsSet.Builder claims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(issuer()).subject("user-1").audience(AUDIENCE)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(3600)))
                .jwtID("jti-1").claim("client_id", "app-1").claim("scope", "read:report");
    }

    static ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withHeader("Cache-Control", "no-cache").withBody(body);
    }

    @Override
    public void close() {
        wireMock.stop();
    }
}
