package io.logto.resource.servlet;

import io.logto.resource.core.Challenge;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;

/**
 * The response of a request with a verified token: a servlet's own refusal,
 * {@code response.sendError(403)} after {@code isUserInRole} said no, is answered with the core's
 * {@code accessDenied()} challenge instead of the container's error page, so that every 403 looks alike.
 */
final class ChallengingResponse extends HttpServletResponseWrapper {

    private final Challenge accessDenied;

    ChallengingResponse(HttpServletResponse response, Challenge accessDenied) {
        super(response);
        this.accessDenied = accessDenied;
    }

    @Override
    public void sendError(int status) throws IOException {
        sendError(status, null);
    }

    @Override
    public void sendError(int status, String message) throws IOException {
        if (status != SC_FORBIDDEN || isCommitted()) {
            if (message == null) {
                super.sendError(status);
            } else {
                super.sendError(status, message);
            }
            return;
        }
        reset();
        LogtoFilter.write((HttpServletResponse) getResponse(), accessDenied);
    }
}
