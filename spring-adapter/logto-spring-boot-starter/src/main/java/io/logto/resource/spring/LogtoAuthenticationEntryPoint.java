package io.logto.resource.spring;

import io.logto.resource.core.Challenge;
import io.logto.resource.core.LogtoResourceServer;
import io.logto.resource.spring.internal.BearerTokenAuthenticationFilter;
import io.logto.resource.spring.internal.ChallengeResponses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Objects;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Answers requests that need authentication and lack it with the core's challenge: when the request's bearer
 * token was refused (by {@link LogtoConfigurer}'s filter, or as the given {@link LogtoAuthenticationException}),
 * that refusal's challenge, 401 {@code invalid_token} or 400 {@code invalid_request} for a malformed header;
 * otherwise {@code missingToken()}, 401 {@code Bearer} without error code, with {@code resource_metadata}.
 */
public final class LogtoAuthenticationEntryPoint implements AuthenticationEntryPoint {

    private final LogtoResourceServer logto;

    /**
     * Creates the entry point.
     *
     * @param logto the resource server whose challenges are written
     */
    public LogtoAuthenticationEntryPoint(LogtoResourceServer logto) {
        this.logto = Objects.requireNonNull(logto, "logto");
    }

    /**
     * Writes the status, {@code WWW-Authenticate} header and JSON body of the matching challenge.
     *
     * @throws IOException when the response cannot be written
     */
    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException reason)
            throws IOException {
        Challenge challenge = reason instanceof LogtoAuthenticationException refused
                ? refused.challenge()
                : BearerTokenAuthenticationFilter.refusal(request).map(LogtoAuthenticationException::challenge)
                        .orElseGet(() -> logto.challenges().missingToken());
        ChallengeResponses.write(challenge, response);
    }
}
