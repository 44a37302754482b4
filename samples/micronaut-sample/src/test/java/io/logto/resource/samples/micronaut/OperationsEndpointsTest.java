package io.logto.resource.samples.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

import io.logto.resource.micronaut.test.WithLogtoTestIssuer;
import io.logto.resource.test.LogtoTestIssuer;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * The sample's operations endpoints, open without a token: {@code /health} with the {@code logto} component
 * (503 DOWN until keys were loaded, then 200 UP) and {@code /metrics} with the Logto meters moving.
 */
@MicronautTest
@WithLogtoTestIssuer
class OperationsEndpointsTest {

    private static final String AUDIENCE = WithLogtoTestIssuer.DEFAULT_AUDIENCE;

    @Inject
    LogtoTestIssuer logto;
    @Inject
    @Client("/")
    HttpClient client;

    private HttpResponse<String> exchange(HttpRequest<?> request) {
        try {
            return client.toBlocking().exchange(request, String.class);
        } catch (HttpClientResponseException e) {
            return e.getResponse().toMutableResponse().body(e.getResponse().getBody(String.class).orElse(""));
        }
    }

    @Test
    void healthIsDownBeforeTheFirstKeyLoadThenUpAndMetricsCountEveryOutcome() {
        HttpResponse<String> before = exchange(HttpRequest.GET("/health"));
        assertThat(before.code()).isEqualTo(503);
        assertThat(before.body()).contains("\"logto\"", "\"DOWN\"");

        String reader = logto.globalToken(AUDIENCE).scopes("read:report").sign();
        assertThat(exchange(HttpRequest.GET("/api/reports").bearerAuth(reader)).code()).isEqualTo(200);
        assertThat(exchange(HttpRequest.GET("/api/reports").bearerAuth(logto.globalToken(AUDIENCE).expired().sign())).code())
                .isEqualTo(401);

        HttpResponse<String> after = exchange(HttpRequest.GET("/health"));
        assertThat(after.code()).isEqualTo(200);
        assertThat(after.body()).contains("\"logto\"", "lastSuccessfulFetch", logto.issuer());
        assertThat(exchange(HttpRequest.GET("/health/readiness")).code()).isEqualTo(200);
        assertThat(exchange(HttpRequest.GET("/metrics")).body()).contains("logto.token.verifications");
        assertThat(exchange(HttpRequest.GET("/metrics/logto.token.verifications?tag=outcome:verified&tag=kind:global_api")).body())
                .contains("\"statistic\":\"COUNT\",\"value\":1");
        assertThat(exchange(HttpRequest.GET("/metrics/logto.token.verifications?tag=outcome:expired")).body())
                .contains("\"statistic\":\"COUNT\",\"value\":1");
    }
}
