package io.logto.resource.conformance;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;

/**
 * A Logto-shaped issuer played by WireMock on loopback: {@code http://127.0.0.1:<port>/oidc} with its
 * discovery document and JWKS, whose answers a test switches (a healthy set, 500, slow, garbage, ...), plus
 * {@code /attacker/...} documents that hostile tokens point at and the sample must never fetch.
 */
final class WireMockIssuer implements AutoCloseable {

    static final String DISCOVERY_PATH = "/oidc/.well-known/openid-configuration";
    static final String JWKS_PATH = "/oidc/jwks";

    private final WireMockServer server;
    private StubMapping discovery;
    private StubMapping jwks;

    private WireMockIssuer(WireMockServer server) {
        this.server = server;
    }

    /** Starts on a free loopback port, serving discovery and answering 404 for the JWKS until told otherwise. */
    static WireMockIssuer start() {
        WireMockServer server = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort()
                .containerThreads(40).jettyStopTimeout(1_000L));
        server.start();
        WireMockIssuer issuer = new WireMockIssuer(server);
        issuer.serveDiscovery();
        issuer.answerJwks(aResponse().withStatus(404));
        return issuer;
    }

    /** The issuer URL: {@code http://127.0.0.1:<port>/oidc}. */
    String issuer() {
        return base() + "/oidc";
    }

    /** Serves the OpenID discovery document naming this issuer and its JWKS. */
    void serveDiscovery() {
        String document = "{\"issuer\":\"" + issuer() + "\",\"jwks_uri\":\"" + issuer() + "/jwks\","
                + "\"authorization_endpoint\":\"" + issuer() + "/auth\",\"token_endpoint\":\"" + issuer() + "/token\","
                + "\"response_types_supported\":[\"code\"],\"subject_types_supported\":[\"public\"],"
                + "\"id_token_signing_alg_values_supported\":[\"ES384\"]}";
        answerDiscovery(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(document));
    }

    /** Answers discovery requests with {@code response} from now on. */
    synchronized void answerDiscovery(ResponseDefinitionBuilder response) {
        if (discovery != null) {
            server.removeStub(discovery);
        }
        discovery = server.stubFor(get(urlPathEqualTo(DISCOVERY_PATH)).willReturn(response));
    }

    /** Serves {@code jwksJson} as the JWKS from now on, as Logto does ({@code Cache-Control: no-cache}). */
    void serveJwks(String jwksJson) {
        answerJwks(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withHeader("Cache-Control", "no-cache").withBody(jwksJson));
    }

    /** Answers JWKS requests with {@code response} from now on (a failure, a delay, garbage). */
    synchronized void answerJwks(ResponseDefinitionBuilder response) {
        if (jwks != null) {
            server.removeStub(jwks);
        }
        jwks = server.stubFor(get(urlPathEqualTo(JWKS_PATH)).willReturn(response));
    }

    /** How many JWKS requests arrived so far. */
    int jwksRequests() {
        return server.countRequestsMatching(getRequestedFor(urlPathEqualTo(JWKS_PATH)).build()).getCount();
    }

    /** How many requests of any kind arrived under {@code /oidc/} so far (discovery and JWKS). */
    int issuerRequests() {
        return server.countRequestsMatching(anyRequestedFor(urlPathMatching("/oidc/.*")).build()).getCount();
    }

    /**
     * Serves an attacker's document at {@code /attacker/<name>}.
     *
     * @return its URL
     */
    String serveAttackerDocument(String name, String contentType, String body) {
        server.stubFor(any(urlPathEqualTo("/attacker/" + name))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", contentType).withBody(body)));
        return base() + "/attacker/" + name;
    }

    /** How many requests reached {@code /attacker/...}: the sample must never make one. */
    int attackerRequests() {
        return server.countRequestsMatching(anyRequestedFor(urlPathMatching("/attacker/.*")).build()).getCount();
    }

    private String base() {
        return "http://127.0.0.1:" + server.port();
    }

    @Override
    public void close() {
        server.stop();
    }
}
