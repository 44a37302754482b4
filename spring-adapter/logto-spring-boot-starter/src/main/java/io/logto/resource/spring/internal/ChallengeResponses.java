package io.logto.resource.spring.internal;

import io.logto.resource.core.Challenge;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;

/** Writes the core's HTTP answers: status, {@code WWW-Authenticate} and JSON body, exactly as computed. */
public final class ChallengeResponses {

    private ChallengeResponses() {
    }

    /**
     * Writes a challenge unless the response is already committed.
     *
     * @param challenge the core's answer
     * @param response  the response to write
     * @throws IOException when the body cannot be written
     */
    public static void write(Challenge challenge, HttpServletResponse response) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        byte[] body = challenge.body().getBytes(StandardCharsets.UTF_8);
        response.resetBuffer();
        response.setStatus(challenge.status());
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, challenge.wwwAuthenticate());
        response.setContentType(Challenge.CONTENT_TYPE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }
}
