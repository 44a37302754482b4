package io.logto.resource.samples.servlet;

import com.nimbusds.jose.util.JSONObjectUtils;
import io.logto.resource.core.VerifiedToken;
import io.logto.resource.servlet.LogtoFilter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The sample contract's handlers. The filter has already checked the token against the route's rule, so
 * each handler only reads the verified token: {@code {"sub": ...}} for global routes,
 * {@code {"organizationId": ..., "sub": ...}} for organization routes. The idiom route
 * {@code /api/idiom/is-user-in-role} is guarded only by the servlet API's own {@code isUserInRole}.
 */
final class SampleApiServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        VerifiedToken token = LogtoFilter.verifiedToken(request).orElse(null);
        if (path.equals("/public")) {
            json(response, Map.of("message", "Hello, anyone."));
        } else if (token == null) {
            // Only reachable for routes the filter lets through without a token: none but /api/public.
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        } else if (path.equals("/idiom/is-user-in-role")) {
            // tag::is-user-in-role[]
            // true only for a global API token with read:report: organization and organization-level API
            // tokens carry their scopes as "organization:<id> read:report" / "organization-api:<id> read:report"
            if (!request.isUserInRole("read:report")) {
                response.sendError(HttpServletResponse.SC_FORBIDDEN); // answered with the core's 403 challenge
                return;
            }
            json(response, Map.of("sub", request.getUserPrincipal().getName()));
            // end::is-user-in-role[]
        } else if (path.equals("/reports")) {
            json(response, Map.of("sub", token.subject()));
        } else if (path.startsWith("/organizations/")) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("organizationId", token.organizationId().orElseThrow());
            body.put("sub", token.subject());
            json(response, body);
        } else {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    private static void json(HttpServletResponse response, Map<String, ?> body) throws IOException {
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        // Nimbus's JSON writer comes with the SDK; a real application would use its own JSON library
        response.getWriter().write(JSONObjectUtils.toJSONString(body));
    }
}
