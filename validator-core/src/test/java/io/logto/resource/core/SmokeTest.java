package io.logto.resource.core;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.Test;

class SmokeTest {
    @Test
    void verifiesAnEs384Token() {
        WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        try {
            String issuer = "http://127.0.0.1:" + server.port() + "/oidc";
            server.stubFor(get(urlEqualTo("/oidc/jwks")).willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(TestKeys.jwks(TestKeys.ES384))));
            LogtoConfig config = LogtoConfig.custom().issuer(issuer).audience("https://api.example.com").discovery(false).build();
            try (LogtoTokenVerifier verifier = LogtoTokenVerifier.create(config)) {
                String token = TestKeys.sign(TestKeys.ES384, new JWTClaimsSet.Builder().issuer(issuer).subject("u1")
                        .audience("https://api.example.com").expirationTime(Date.from(Instant.now().plusSeconds(3600)))
                        .issueTime(new Date()).claim("scope", "read:report write:report").claim("client_id", "app").build());
                VerificationResult result = verifier.verify(token);
                assertThat(result.rejection()).isEmpty();
                assertThat(result.token().get().scopes()).containsExactlyInAnyOrder("read:report", "write:report");
                assertThat(verifier.verify(token)).isSameAs(result);
                System.out.println(verifier.explain(token).checks());
            }
        } finally {
            server.stop();
        }
    }
}
