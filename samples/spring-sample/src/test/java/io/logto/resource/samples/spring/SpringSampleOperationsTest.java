package io.logto.resource.samples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.logto.resource.test.LogtoTestIssuer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The sample's operations endpoints on a real Tomcat, open without a token: {@code /actuator/health} with the
 * {@code logto} component (503 DOWN until keys were loaded, then 200 UP) and {@code /actuator/metrics} with the
 * Logto meters moving as tokens are verified and refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SpringSampleOperationsTest {

    static final String AUDIENCE = "https://api.example.com";
    static final LogtoTestIssuer LOGTO = LogtoTestIssuer.start();

    @LocalServerPort
    int port;

    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @DynamicPropertySource
    static void logto(DynamicPropertyRegistry registry) {
        registry.add("logto.issuer", LOGTO::issuer);
        registry.add("logto.audience", () -> AUDIENCE);
    }

    @AfterAll
    static void stopLogto() {
        LOGTO.close();
    }

    HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> response) {
        return JsonMapper.builder().build().readTree(response.body());
    }

    @Test
    void healthIsDownBeforeTheFirstKeyLoadThenUpAndMetricsCountEveryOutcome() throws Exception {
        HttpResponse<String> before = get("/actuator/health", null);
        assertThat(before.statusCode()).isEqualTo(503);
        assertThat(json(before).at("/components/logto/status").asString()).isEqualTo("DOWN");
        assertThat(json(before).at("/components/logto/details/keys").asInt()).isZero();

        assertThat(get("/api/reports", LOGTO.globalToken(AUDIENCE).scopes("read:report").sign()).statusCode()).isEqualTo(200);
        assertThat(get("/api/reports", LOGTO.globalToken(AUDIENCE).expired().sign()).statusCode()).isEqualTo(401);

        HttpResponse<String> after = get("/actuator/health", null);
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(json(after).at("/components/logto/status").asString()).isEqualTo("UP");
        assertThat(json(after).at("/components/logto/details/issuer").asString()).isEqualTo(LOGTO.issuer());
        assertThat(json(after).at("/components/logto/details/lastSuccessfulFetch").isMissingNode()).isFalse();
        HttpResponse<String> verified = get("/actuator/metrics/logto.token.verifications?tag=outcome:verified&tag=kind:global_api", null);
        assertThat(verified.statusCode()).isEqualTo(200);
        assertThat(verified.body()).contains("\"statistic\":\"COUNT\",\"value\":1.0");
        assertThat(get("/actuator/metrics/logto.token.verifications?tag=outcome:expired", null).body())
                .contains("\"statistic\":\"COUNT\",\"value\":1.0");
        assertThat(get("/actuator/metrics/logto.jwks.keys", null).body()).contains("\"value\":1.0");
        assertThat(get("/actuator/health/liveness", null).statusCode()).isNotEqualTo(401);
    }
}
