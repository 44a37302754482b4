package io.logto.resource.servlet;

import io.logto.resource.core.Requirement;
import io.logto.resource.core.VerifiedToken;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The application behind the filter in tests: answers every path with the token it received; on
 * {@code /api/idiom/is-user-in-role} lets the servlet API's own {@code isUserInRole("read:report")} decide,
 * on {@code /api/me?role=...} tells what the servlet API says of the caller,
 * and on {@code /api/admin} makes a programmatic check that needs the global scope {@code admin:all}.
 */
final class ContractServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        VerifiedToken token = LogtoFilter.verifiedToken(request).orElse(null);
        if ("/api/idiom/is-user-in-role".equals(request.getPathInfo()) && !request.isUserInRole("read:report")) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        if ("/api/me".equals(request.getPathInfo())) {
            String role = request.getParameter("role");
            response.setContentType("application/json");
            response.getWriter().write("{\"principal\":\"" + request.getUserPrincipal().getName() + "\",\"remoteUser\":\""
                    + request.getRemoteUser() + "\",\"authType\":\"" + request.getAuthType() + "\",\"inRole\":"
                    + request.isUserInRole(role) + "}");
            return;
        }
        if (request.getPathInfo() != null && request.getPathInfo().equals("/api/admin")) {
            response.getWriter().write("written before the check, then discarded");
            Requirement.global("admin:all").check(token);
        }
        response.resetBuffer();
        response.setContentType("application/json");
        if (token == null) {
            response.getWriter().write("{\"token\":false}");
        } else if (token.organizationId().isPresent()) {
            response.getWriter().write("{\"organizationId\":\"" + token.organizationId().get() + "\",\"sub\":\"" + token.subject() + "\"}");
        } else {
            response.getWriter().write("{\"sub\":\"" + token.subject() + "\"}");
        }
    }
}
