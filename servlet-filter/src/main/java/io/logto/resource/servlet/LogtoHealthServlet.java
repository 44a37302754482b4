package io.logto.resource.servlet;

import io.logto.resource.core.LogtoResourceServer;
import io.logto.resource.core.LogtoStatus;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Serves the Logto verifier's health for probes and monitoring: {@code GET} answers 200 with
 * {@code {"status":"UP","details":{...}}} once a key set was loaded (also while the key server fails: the
 * keys in memory keep the API working, and the failure is in the details), and 503 with
 * {@code "status":"DOWN"} before the first successful key fetch. The verdict and details are the core's
 * {@link LogtoStatus#isReady()} and {@link LogtoStatus#details()} (issuer, JWKS location, key count, last
 * successful fetch, last error, cache size; never a token or secret); answering never fetches keys.
 *
 * <p>Map it to a path the {@link LogtoFilter}'s routes permit (e.g. {@code permitAll("GET", "/health")}).
 * Created with {@link #LogtoHealthServlet()} (e.g. in {@code web.xml}) it reports the resource server of the
 * {@link LogtoFilter} in the same servlet context ({@link LogtoFilter#RESOURCE_SERVER_ATTRIBUTE}).
 */
public final class LogtoHealthServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient LogtoResourceServer logto;

    /** A servlet reporting the resource server that the {@link LogtoFilter} of this servlet context created. */
    public LogtoHealthServlet() {
        this.logto = null;
    }

    /**
     * A servlet reporting the given resource server.
     *
     * @param logto the resource server
     */
    public LogtoHealthServlet(LogtoResourceServer logto) {
        this.logto = java.util.Objects.requireNonNull(logto, "logto");
    }

    /** Writes the health document: 200 UP or 503 DOWN, or 503 with no details while no filter has started. */
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        LogtoResourceServer server = logto != null ? logto
                : (LogtoResourceServer) getServletContext().getAttribute(LogtoFilter.RESOURCE_SERVER_ATTRIBUTE);
        String json;
        boolean ready;
        if (server == null) {
            json = "{\"status\":\"DOWN\",\"details\":{}}";
            ready = false;
        } else {
            LogtoStatus status = server.status();
            json = status.toJson();
            ready = status.isReady();
        }
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        response.setStatus(ready ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
