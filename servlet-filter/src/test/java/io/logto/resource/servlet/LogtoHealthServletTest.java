package io.logto.resource.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.util.JSONObjectUtils;
import io.logto.resource.core.LogtoConfig;
import io.logto.resource.test.LogtoTestIssuer;
import jakarta.servlet.DispatcherType;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link LogtoHealthServlet} on a real Jetty behind the filter: 503 DOWN before keys, 200 UP after and during an outage. */
class LogtoHealthServletTest {

    private static final String AUDIENCE = JettyApp.AUDIENCE;
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Server jetty;
    private URI base;

    @AfterEach
    void stop() throws Exception {
        if (jetty != null) {
            jetty.stop();
        }
    }

    private void start(LogtoConfig config) throws Exception {
        jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        jetty.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        // tag::health[]
        LogtoRoutes routes = LogtoRoutes.builder()
                .permitAll("GET", "/health")
                .requireScopes("GET", "/api/reports", "read:report")
                .build();
        context.addFilter(new FilterHolder(new LogtoFilter(config, routes)), "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder(new LogtoHealthServlet()), "/health");
        // end::health[]
        context.addServlet(new ServletHolder(new ContractServlet()), "/api/*");
        jetty.setHandler(context);
        jetty.start();
        base = URI.create("http://127.0.0.1:" + connector.getLocalPort());
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, Object> details(HttpResponse<String> response) throws Exception {
        return JSONObjectUtils.getJSONObject(JSONObjectUtils.parse(response.body()), "details");
    }

    @Test
    void downBeforeTheFirstKeyLoadAgainstAnUnreachableJwks() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (LogtoTestIssuer issuer = LogtoTestIssuer.start()) {
            start(LogtoConfig.custom().issuer(issuer.issuer()).audience(AUDIENCE).discovery(false)
                    .jwksUri("http://127.0.0.1:" + closedPort + "/oidc/jwks").build());

            assertThat(get("/api/reports", issuer.globalToken(AUDIENCE).scopes("read:report").sign()).statusCode()).isEqualTo(401);
            HttpResponse<String> health = get("/health", null);

            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(health.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
            assertThat(JSONObjectUtils.parse(health.body())).containsEntry("status", "DOWN");
            assertThat(details(health)).containsEntry("keys", 0L).containsKey("lastFetchError");
        }
    }

    @Test
    void upOnceKeysLoadedAndStillUpWithTheErrorDuringAKeyServerOutage() throws Exception {
        LogtoTestIssuer issuer = LogtoTestIssuer.start();
        try {
            start(LogtoConfig.custom().issuer(issuer.issuer()).audience(AUDIENCE).build());
            assertThat(get("/health", null).statusCode()).isEqualTo(503);

            assertThat(get("/api/reports", issuer.globalToken(AUDIENCE).scopes("read:report").sign()).statusCode()).isEqualTo(200);
            HttpResponse<String> up = get("/health", null);
            assertThat(up.statusCode()).isEqualTo(200);
            assertThat(JSONObjectUtils.parse(up.body())).containsEntry("status", "UP");
            assertThat(details(up)).containsEntry("issuer", issuer.issuer()).containsKey("lastSuccessfulFetch")
                    .doesNotContainKey("lastFetchError");

            issuer.close();
            get("/api/reports", issuer.globalToken(AUDIENCE).scopes("read:report").signedWithUnknownKey().sign());
            HttpResponse<String> outage = get("/health", null);

            assertThat(outage.statusCode()).isEqualTo(200);
            assertThat(details(outage)).containsKeys("lastSuccessfulFetch", "lastFetchError");
        } finally {
            issuer.close();
        }
    }
}
