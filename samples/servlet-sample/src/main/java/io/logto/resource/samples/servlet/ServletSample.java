package io.logto.resource.samples.servlet;

import io.logto.resource.core.LogtoConfig;
import io.logto.resource.samples.SampleSettings;
import io.logto.resource.servlet.LogtoFilter;
import io.logto.resource.servlet.LogtoHealthServlet;
import io.logto.resource.servlet.LogtoRoutes;
import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The sample API on embedded Jetty 12: {@link LogtoFilter} guards the routes of the sample contract and
 * {@link SampleApiServlet} answers them; {@link LogtoHealthServlet} answers {@code /health}. Reads {@code LOGTO_ISSUER}, {@code LOGTO_AUDIENCE} and {@code PORT}
 * (without {@code LOGTO_ISSUER} it runs a local test issuer and prints curl commands to try).
 */
public final class ServletSample {

    /** The route rules of the sample contract. */
    // tag::routes[]
    static final LogtoRoutes ROUTES = LogtoRoutes.builder()
            .permitAll("GET", "/api/public")
            .permitAll("GET", "/health")
            .requireScopes("GET", "/api/reports", "read:report")
            .requireScopes("POST", "/api/reports", "write:report")
            .requireOrganizationScopes("GET", "/api/organizations/{orgId}/members", "orgId", "read:member")
            .requireOrganizationScopes("POST", "/api/organizations/{orgId}/members", "orgId", "invite:member")
            .requireOrganizationApiScopes("GET", "/api/organizations/{orgId}/projects", "orgId", "read:project")
            // any verified token; the servlet's own request.isUserInRole("read:report") decides
            .authenticated("GET", "/api/idiom/is-user-in-role")
            .build();
    // end::routes[]

    private ServletSample() {
    }

    /**
     * Starts the sample and blocks until the JVM stops.
     *
     * @param args ignored
     * @throws Exception when Jetty cannot start
     */
    public static void main(String[] args) throws Exception {
        SampleSettings settings;
        LogtoConfig config;
        try {
            settings = SampleSettings.fromEnvironment();
            config = LogtoConfig.custom().issuer(settings.issuer()).audience(settings.audience()).build();
        } catch (IllegalArgumentException e) {
            System.err.println("Invalid configuration: " + e.getMessage());
            System.exit(2);
            return;
        }
        Server server = start(config, settings.port());
        settings.announce("http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort());
        server.join();
    }

    /** Starts Jetty on {@code port} (all interfaces) with the filter in front of the sample API. */
    static Server start(LogtoConfig config, int port) throws Exception {
        HttpConfiguration http = new HttpConfiguration();
        // Room for oversized tokens to reach the filter (and be refused with 401) instead of a container 431.
        http.setRequestHeaderSize(64 * 1024);
        // Jetty caches header values up to this many characters per connection (default 1024). An ES384 access
        // token fits, so a connection carrying different tokens (a gateway, or any client with several users)
        // clears and refills that cache on every request: a third of the cost of a request whose token is
        // already verified (benchmarks/README.md). 256 keeps short headers such as Host cached, never a token.
        http.setHeaderCacheSize(256);
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setPort(port);
        server.addConnector(connector);

        ServletContextHandler context = new ServletContextHandler("/");
        // tag::filter[]
        context.addFilter(new FilterHolder(new LogtoFilter(config, ROUTES)), "/*", EnumSet.of(DispatcherType.REQUEST));
        // end::filter[]
        context.addServlet(new ServletHolder(new SampleApiServlet()), "/api/*");
        // 200 UP / 503 DOWN with the verifier's status (issuer, keys, last fetch), for probes.
        context.addServlet(new ServletHolder(new LogtoHealthServlet()), "/health");
        server.setHandler(context);
        server.setStopAtShutdown(true);
        server.start();
        return server;
    }
}
