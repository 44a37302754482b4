package io.logto.resource.samples.servlet;

import io.logto.resource.core.VerifiedToken;
import io.logto.resource.servlet.LogtoFilter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The sample contract's handlers. The filter has already checked the token against the route's rule, so
 * each handler only reads the verified token: {@code {"sub": ...}} for global routes,
 * {@code {"organizationId": ..., "sub": ...}} for organization routes.
 */
final class SampleApiServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        VerifiedToken token = LogtoFilter.verifiedToken(request).orElse(null);
        if (path.equals("/public")) {
            json(response, "{\"message\":\"Hello, anyone.\"}");
        } else if (token == null) {
            // Only reachable for routes the filter lets through without a token: none but /api/public.
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        } else if (path.equals("/reports")) {
            json(response, "{\"sub\":" + quote(token.subject()) + "}");
        } else if (path.startsWith("/organizations/")) {
            json(response, "{\"organizationId\":" + quote(token.organizationId().orElseThrow())
                    + ",\"sub\":" + quote(token.subject()) + "}");
        } else {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    private static void json(HttpServletResponse response, String body) throws IOException {
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(body);
    }

    /** A JSON string literal. */
    private static String quote(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
