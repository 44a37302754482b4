package io.logto.resource.spring.reactive.internal;

import io.logto.resource.core.AccessRefusedException;
import io.logto.resource.core.LogtoResourceServer;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Answers an {@link AccessRefusedException} raised by handler code (e.g. from
 * {@code Requirement.organization(orgId, "invite:member").check(token)}) with the core's challenge for it:
 * 403 {@code insufficient_scope} for a denied decision, 401 {@code invalid_token} for a rejection. Ordered
 * before Spring Boot's error handler, so the refusal never becomes a 500.
 */
public final class AccessRefusedWebExceptionHandler implements WebExceptionHandler, Ordered {

    /** Before Spring Boot's {@code ErrorWebExceptionHandler} ({@code -1}). */
    public static final int ORDER = -2;

    private final LogtoResourceServer logto;

    /**
     * Creates the handler.
     *
     * @param logto the resource server whose challenges are written
     */
    public AccessRefusedWebExceptionHandler(LogtoResourceServer logto) {
        this.logto = logto;
    }

    /** Writes the core's challenge for an {@link AccessRefusedException}; passes other errors on. */
    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (error instanceof AccessRefusedException refused) {
            return ServerChallengeResponses.write(logto.challenges().forException(refused), exchange);
        }
        return Mono.error(error);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
