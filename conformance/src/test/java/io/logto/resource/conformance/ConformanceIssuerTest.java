package io.logto.resource.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWKSet;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The issuer of the in-process mode: one per JVM, serving discovery and the JWKS the suite signs with. */
class ConformanceIssuerTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @Test
    void sharedIsOneRunningIssuerPerJvm() {
        assertThat(ConformanceIssuer.shared()).isSameAs(ConformanceIssuer.shared());
        assertThat(ConformanceIssuer.shared().issuer()).matches("http://127\\.0\\.0\\.1:\\d+/oidc");
        assertThat(ConformanceIssuer.shared().audience()).isEqualTo(ConformanceIssuer.AUDIENCE).isEqualTo("https://api.example.com");
    }

    @Test
    void itServesDiscoveryAndTheJwksOfEveryKeyTheSuiteSignsWith() throws Exception {
        String issuer = ConformanceIssuer.shared().issuer();

        HttpResponse<String> discovery = get(issuer + "/.well-known/openid-configuration");
        HttpResponse<String> jwks = get(issuer + "/jwks");

        assertThat(discovery.statusCode()).isEqualTo(200);
        assertThat(discovery.body()).contains("\"issuer\":\"" + issuer + "\"", "\"jwks_uri\":\"" + issuer + "/jwks\"");
        assertThat(jwks.statusCode()).isEqualTo(200);
        Scene scene = ConformanceIssuer.shared().scene();
        assertThat(JWKSet.parse(jwks.body()).getKeys()).extracting(key -> key.getKeyID())
                .containsExactly(Scene.publicKey(scene.es384).getKeyID(), Scene.publicKey(scene.rs256).getKeyID(),
                        Scene.publicKey(scene.es256).getKeyID(), scene.crafted.getKeyID());
    }

    @Test
    void anAttachedSceneSharesTheKeysAndKeepsTheContextPath() {
        Scene scene = ConformanceIssuer.shared().scene();
        Scene attached = scene.attachedTo(URI.create("http://127.0.0.1:1/app/"));

        attached.close();

        assertThat(attached.es384).isSameAs(scene.es384);
        assertThat(attached.http().rawGet("/api/reports", List.of())).startsWith("GET /app/api/reports HTTP/1.1\r\n");
        assertThat(statusOf(ConformanceIssuer.shared().issuer() + "/jwks")).as("the issuer outlives an attached scene").isEqualTo(200);
    }

    private static int statusOf(String url) {
        try {
            return get(url).statusCode();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
