package io.logto.resource.core;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.nimbusds.jwt.JWTClaimsSet;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Date;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Keys fetched through an outbound HTTP proxy (WireMock as a forward proxy) for an issuer this machine cannot resolve. */
class ProxyKeyFetchTest {

    private static final String ISSUER = "http://logto.internal.invalid/oidc";

    private final WireMockServer proxy = new WireMockServer(WireMockConfiguration.options().dynamicPort()
            .bindAddress("127.0.0.1").enableBrowserProxying(true));

    ProxyKeyFetchTest() {
        proxy.start();
        proxy.stubFor(get(urlEqualTo("/oidc/jwks")).willReturn(JwksServer.json(TestKeys.jwks(TestKeys.ES384))));
    }

    @AfterEach
    void stop() {
        proxy.stop();
    }

    @Test
    void fetchesKeysThroughTheConfiguredProxy() {
        LogtoConfig config = LogtoConfig.fromProperties("logto.", name -> switch (name) {
            case "logto.issuer" -> ISSUER;
            case "logto.audience" -> JwksServer.AUDIENCE;
            case "logto.discovery" -> "false";
            case "logto.allow-insecure-http" -> "true";
            case "logto.proxy" -> "127.0.0.1:" + proxy.port();
            default -> null;
        });
        assertThat(config.proxy()).hasValueSatisfying(p ->
                assertThat(((InetSocketAddress) p.address()).getPort()).isEqualTo(proxy.port()));
        String token = TestKeys.sign(TestKeys.ES384, new JWTClaimsSet.Builder().issuer(ISSUER).subject("user-1")
                .audience(JwksServer.AUDIENCE).issueTime(new Date())
                .expirationTime(new Date(System.currentTimeMillis() + 3_600_000)).build());

        try (LogtoTokenVerifier verifier = LogtoTokenVerifier.create(LogtoConfig.from(config)
                .readTimeout(Duration.ofSeconds(3)).build())) {
            VerificationResult result = verifier.verify(token);
            assertThat(result.isVerified()).as("rejection %s", result.rejection()).isTrue();
        }
        assertThat(proxy.countRequestsMatching(getRequestedFor(urlEqualTo("/oidc/jwks")).build()).getCount()).isEqualTo(1);
    }

    @Test
    void refusesAProxyThatIsNotHostAndPort() {
        for (String bad : new String[] {"proxy.example.com", "proxy:0", "proxy:http", ":3128"}) {
            assertThatThrownBy(() -> LogtoConfig.custom().property("proxy", bad))
                    .hasMessageStartingWith("logto.proxy must be host:port");
        }
    }
}
