package io.logto.resource.servlet;

import io.logto.resource.core.Requirement;
import io.logto.resource.core.VerifiedToken;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The application behind the filter in tests: answers every path with the token it received, and on
 * {@code /api/admin} makes a programmatic check that needs the global scope {@code admin:all}.
 */
final class ContractServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        VerifiedToken token = LogtoFilter.verifiedToken(request).orElse(null);
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
