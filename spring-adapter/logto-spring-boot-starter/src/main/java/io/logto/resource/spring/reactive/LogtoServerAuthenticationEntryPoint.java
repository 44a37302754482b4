package io.logto.resource.spring.reactive;

import io.logto.resource.core.Challenge;
import io.logto.resource.core.LogtoResourceServer;
import io.logto.resource.spring.LogtoAuthenticationException;
import io.logto.resource.spring.reactive.internal.BearerTokenWebFilter;
import io.logto.resource.spring.reactive.internal.ServerChallengeResponses;
import java.util.Objects;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Answers reactive requests that need authentication and lack it with the core's challenge: when the
 * request's bearer token was refused (by {@link LogtoServerConfigurer}'s filter, or as the given
 * {@link LogtoAuthenticationException}), that refusal's challenge, 401 {@code invalid_token} or 400
 * {@code invalid_request} for a malformed header; otherwise {@code missingToken()}, 401 {@code Bearer} without
 * error code, with {@code resource_metadata}.
 */
public final class LogtoServerAuthenticationEntryPoint implements ServerAuthenticationEntryPoint {

    private final LogtoResourceServer logto;

    /**
     * Creates the entry point.
     *
     * @param logto the resource server whose challenges are written
     */
    public LogtoServerAuthenticationEntryPoint(LogtoResourceServer logto) {
        this.logto = Objects.requireNonNull(logto, "logto");
    }

    /** Writes the status, {@code WWW-Authenticate} header and JSON body of the matching challenge. */
    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException reason) {
        Challenge challenge = reason instanceof LogtoAuthenticationException refused
                ? refused.challenge()
                : BearerTokenWebFilter.refusal(exchange).map(LogtoAuthenticationException::challenge)
                        .orElseGet(() -> logto.challenges().missingToken());
        return ServerChallengeResponses.write(challenge, exchange);
    }
}
