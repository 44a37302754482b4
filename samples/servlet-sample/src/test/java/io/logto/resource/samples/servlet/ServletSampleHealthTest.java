package io.logto.resource.samples.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import io.logto.resource.core.LogtoConfig;
import io.logto.resource.test.LogtoTestIssuer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;

/** The sample's open {@code /health}: 503 DOWN until the keys were loaded, 200 UP after. */
class ServletSampleHealthTest {

    private static final String AUDIENCE = "https://api.example.com";

    @Test
    void healthIsOpenAndDownBeforeTheFirstKeyLoadThenUp() throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try (LogtoTestIssuer issuer = LogtoTestIssuer.start()) {
            Server server = ServletSample.start(LogtoConfig.custom().issuer(issuer.issuer()).audience(AUDIENCE).build(), 0);
            try {
                URI base = URI.create("http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort());
                HttpResponse<String> before = client.send(HttpRequest.newBuilder(base.resolve("/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(before.statusCode()).isEqualTo(503);
                assertThat(before.body()).startsWith("{\"status\":\"DOWN\"");

                HttpResponse<String> reports = client.send(HttpRequest.newBuilder(base.resolve("/api/reports"))
                        .header("Authorization", "Bearer " + issuer.globalToken(AUDIENCE).scopes("read:report").sign()).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(reports.statusCode()).isEqualTo(200);

                HttpResponse<String> after = client.send(HttpRequest.newBuilder(base.resolve("/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(after.statusCode()).isEqualTo(200);
                assertThat(after.body()).startsWith("{\"status\":\"UP\"").contains("\"keys\":1", "lastSuccessfulFetch");
            } finally {
                server.stop();
            }
        }
    }
}
