package com.example.api;

import io.logto.resource.core.LogtoConfig;
import io.logto.resource.core.VerifiedToken;
import io.logto.resource.servlet.LogtoFilter;
import io.logto.resource.servlet.LogtoRoutes;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;

/** The application: one route, GET /api/reports, that needs read:report. */
public final class Api {

    private Api() {
    }

    public static Server server(int port, String issuer, String audience) {
        LogtoConfig config = LogtoConfig.custom().issuer(issuer).audience(audience).build();
        LogtoRoutes routes = LogtoRoutes.builder()
                .requireScopes("GET", "/api/reports", "read:report")
                .build();

        ServletContextHandler context = new ServletContextHandler("/");
        context.addFilter(new FilterHolder(new LogtoFilter(config, routes)), "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder(new Reports()), "/api/reports");
        Server server = new Server(port);
        server.setHandler(context);
        return server;
    }

    public static void main(String[] args) throws Exception {
        Server server = server(8080, System.getenv("LOGTO_ISSUER"), System.getenv("LOGTO_AUDIENCE"));
        server.start();
        server.join();
    }

    static final class Reports extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            VerifiedToken token = LogtoFilter.verifiedToken(request).orElseThrow();
            response.setContentType("application/json");
            response.getWriter().write("{\"sub\":\"" + token.subject() + "\"}");
        }
    }
}
