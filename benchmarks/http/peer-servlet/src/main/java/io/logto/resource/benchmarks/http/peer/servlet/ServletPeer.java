package io.logto.resource.benchmarks.http.peer.servlet;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.EnumSet;
import java.util.Objects;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The peer of the servlet sample: embedded Jetty 12 (set up as the sample sets it up) with {@link JwtFilter}, a
 * servlet filter around Nimbus {@code DefaultJWTProcessor} as Logto's Java guide writes it, and no Logto SDK.
 * Environment: {@code LOGTO_ISSUER}, {@code LOGTO_AUDIENCE}, {@code PORT}.
 */
public final class ServletPeer {

    private ServletPeer() {
    }

    /**
     * Starts the peer and waits.
     *
     * @param args ignored
     * @throws Exception when Jetty cannot start
     */
    public static void main(String[] args) throws Exception {
        String issuer = Objects.requireNonNull(System.getenv("LOGTO_ISSUER"), "LOGTO_ISSUER");
        String audience = Objects.requireNonNull(System.getenv("LOGTO_AUDIENCE"), "LOGTO_AUDIENCE");
        int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8080"));

        HttpConfiguration http = new HttpConfiguration();
        http.setRequestHeaderSize(64 * 1024);
        http.setHeaderCacheSize(256); // the same Jetty settings as the servlet sample (benchmarks/README.md)
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setPort(port);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        context.addFilter(new FilterHolder(new JwtFilter(issuer, audience,
                Boolean.parseBoolean(System.getenv("BENCH_MEMOIZE_VERIFICATION")))), "/api/*",
                EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder(new ApiServlet()), "/api/*");
        server.setHandler(context);
        server.setStopAtShutdown(true);
        server.start();
        System.out.println("Servlet peer listening on http://127.0.0.1:" + connector.getLocalPort());
        server.join();
    }

    /** The two routes: {@code /api/public} and {@code /api/reports} (the filter has already checked the token). */
    static final class ApiServlet extends HttpServlet {

        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            String path = request.getPathInfo();
            response.setContentType("application/json");
            if ("/public".equals(path)) {
                response.getWriter().write("{\"message\":\"Anyone can read this.\"}");
            } else if ("/reports".equals(path)) {
                Object sub = request.getAttribute(JwtFilter.SUBJECT_ATTRIBUTE);
                response.getWriter().write("{\"sub\":\"" + sub + "\"}");
            } else {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
            }
        }
    }
}
