package io.logto.resource.spring.reactive;

import io.logto.resource.core.LogtoResourceServer;
import io.logto.resource.spring.LogtoAuthorizationDecision;
import io.logto.resource.spring.reactive.internal.ServerChallengeResponses;
import java.util.Objects;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.web.server.authorization.HttpStatusServerAccessDeniedHandler;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.csrf.CsrfException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Answers a reactive denial made by a Logto requirement (one of the {@code @Require*} annotations, or a
 * {@link LogtoAuthorizationDecision} from any other authorization manager) with the core's 403
 * {@code insufficient_scope} challenge naming the required scopes. Other denials go to the fallback handler;
 * by default a denial by another rule ({@code hasAuthority(...)}, {@code @PreAuthorize}, {@code denyAll()})
 * gets the core's {@code accessDenied()} 403 ({@code insufficient_scope} without {@code scope}), and a CSRF
 * failure Spring's plain 403.
 */
public final class LogtoServerAccessDeniedHandler implements ServerAccessDeniedHandler {

    private final LogtoResourceServer logto;
    private final ServerAccessDeniedHandler fallback;

    /**
     * Creates the handler with the default fallback: the core's {@code accessDenied()} challenge, or Spring's
     * plain 403 for CSRF failures.
     *
     * @param logto the resource server whose challenges are written
     */
    public LogtoServerAccessDeniedHandler(LogtoResourceServer logto) {
        this(logto, defaultFallback(logto));
    }

    /**
     * Creates the handler.
     *
     * @param logto    the resource server whose challenges are written
     * @param fallback answers denials that carry no Logto decision
     */
    public LogtoServerAccessDeniedHandler(LogtoResourceServer logto, ServerAccessDeniedHandler fallback) {
        this.logto = Objects.requireNonNull(logto, "logto");
        this.fallback = Objects.requireNonNull(fallback, "fallback");
    }

    private static ServerAccessDeniedHandler defaultFallback(LogtoResourceServer logto) {
        ServerAccessDeniedHandler spring = new HttpStatusServerAccessDeniedHandler(HttpStatus.FORBIDDEN);
        return (exchange, denied) -> denied instanceof CsrfException
                ? spring.handle(exchange, denied)
                : ServerChallengeResponses.write(logto.challenges().accessDenied(), exchange);
    }

    /** Writes the core's 403 challenge for a Logto denial, or delegates to the fallback. */
    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        if (denied instanceof AuthorizationDeniedException authorization
                && authorization.getAuthorizationResult() instanceof LogtoAuthorizationDecision logtoDecision) {
            return ServerChallengeResponses.write(logto.challenges().insufficientScope(logtoDecision.decision()), exchange);
        }
        return fallback.handle(exchange, denied);
    }
}
