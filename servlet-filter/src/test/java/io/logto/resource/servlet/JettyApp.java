package io.logto.resource.servlet;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * A real Jetty 12 server on a loopback port, context path {@code /app}, running {@link ContractServlet}
 * behind a {@link LogtoFilter}.
 */
final class JettyApp implements AutoCloseable {

    /** The API resource indicator the tests configure. */
    static final String AUDIENCE = "https://api.example.com";

    /** The sample contract's rules, the idiom route and a route for programmatic checks, as rule lines. */
    static final String RULE_LINES = String.join("\n",
            "GET  /api/public = permit-all",
            "GET  /api/reports = global read:report",
            "POST /api/reports = global write:report",
            "GET  /api/organizations/{orgId}/members = organization(orgId) read:member",
            "POST /api/organizations/{orgId}/members = organization(orgId) invite:member",
            "GET  /api/organizations/{orgId}/projects = organization-api(orgId) read:project",
            "# the servlet's own isUserInRole check decides",
            "GET  /api/idiom/is-user-in-role = authenticated",
            "GET  /api/me = authenticated",
            "# programmatic checks decide the rest",
            "GET  /api/admin = global");

    /** The same rules built in code. */
    static final LogtoRoutes ROUTES = LogtoRoutes.builder()
            .permitAll("GET", "/api/public")
            .requireScopes("GET", "/api/reports", "read:report")
            .requireScopes("POST", "/api/reports", "write:report")
            .requireOrganizationScopes("GET", "/api/organizations/{orgId}/members", "orgId", "read:member")
            .requireOrganizationScopes("POST", "/api/organizations/{orgId}/members", "orgId", "invite:member")
            .requireOrganizationApiScopes("GET", "/api/organizations/{orgId}/projects", "orgId", "read:project")
            .authenticated("GET", "/api/idiom/is-user-in-role")
            .authenticated("GET", "/api/me")
            .requireScopes("GET", "/api/admin")
            .build();

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Server server;
    private final URI base;

    private JettyApp(Server server, URI base) {
        this.server = server;
        this.base = base;
    }

    /** Starts the app with a filter built in code. */
    static JettyApp start(Filter filter) {
        return start(new FilterHolder(filter));
    }

    /** Starts the app with a filter configured from init parameters, as {@code web.xml} would. */
    static JettyApp startWithInitParameters(Map<String, String> initParameters) {
        FilterHolder holder = new FilterHolder(LogtoFilter.class);
        holder.setInitParameters(initParameters);
        return start(holder);
    }

    private static JettyApp start(FilterHolder filter) {
        Server server = new Server();
        HttpConfiguration http = new HttpConfiguration();
        http.setRequestHeaderSize(64 * 1024);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/app");
        context.addFilter(filter, "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder(new ContractServlet()), "/*");
        server.setHandler(context);
        try {
            server.start();
        } catch (Exception e) {
            try {
                server.stop();
            } catch (Exception suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new IllegalStateException(e.getMessage(), e);
        }
        return new JettyApp(server, URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/app"));
    }

    /** The init parameters of {@link #RULE_LINES} for {@code issuer} and {@link #AUDIENCE}, as {@code web.xml} would set them. */
    static Map<String, String> initParameters(String issuer) {
        return Map.of("issuer", issuer, "audience", AUDIENCE, LogtoFilter.ROUTES_PARAMETER, RULE_LINES);
    }

    /** {@code http://127.0.0.1:<port>/app}. */
    URI base() {
        return base;
    }

    /** Sends a request; {@code headers} alternate names and values, a name may repeat. */
    HttpResponse<String> send(String method, String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(20))
                .method(method, HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sends raw header lines on a socket, for headers {@link HttpClient} refuses to send.
     *
     * @return the status code of the answer
     */
    int sendRaw(String method, String path, String headerLines) {
        return sendRawTarget(method, base.getPath() + path, headerLines);
    }

    /** Like {@link #sendRaw}, with the request target as is, context path included. */
    int sendRawTarget(String method, String target, String headerLines) {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(20_000);
            String request = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                    + headerLines + "\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1)).readLine();
            return Integer.parseInt(statusLine.split(" ")[1]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends a request with {@code Authorization: Bearer <token>}. */
    HttpResponse<String> send(String method, String path, String token) {
        return send(method, path, "Authorization", "Bearer " + token);
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("Jetty did not stop", e);
        }
    }
}
