package io.logto.resource.spring;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Answers a request that Spring Security's firewall rejected ({@code //api/reports}, {@code /api;a=b/reports},
 * {@code /api/./reports}, ...) with a plain 400 and an empty body, written directly.
 *
 * <p>Spring Security's own handler calls {@code sendError(400)}, which makes the servlet container forward to
 * Spring Boot's error page; that forward passes the security filter chain again without the original request's
 * authentication, so a stateless API answered "401, a bearer token is required" even to a request carrying a
 * valid token. A rejected URL is a bad request, not a missing credential, and the request never reached
 * authentication: so the answer has no {@code WWW-Authenticate} challenge (the core's {@code invalid_request}
 * challenge describes a malformed {@code Authorization} header, which this is not). The rejection is logged at
 * DEBUG without the firewall's message, which may quote a header value (a token, say).
 */
public final class LogtoRequestRejectedHandler implements RequestRejectedHandler {

    private static final Log LOG = LogFactory.getLog(LogtoRequestRejectedHandler.class);

    /** Creates the handler; it has no state. */
    public LogtoRequestRejectedHandler() {
    }

    /** Sets status 400 and an empty body unless the response is already committed. */
    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected) {
        LOG.debug("Spring Security's firewall rejected the request; answering 400");
        if (!response.isCommitted()) {
            response.resetBuffer();
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.setContentLength(0);
        }
    }
}
