package io.logto.resource.spring.reactive;

import io.logto.resource.core.AuthenticationResult;
import io.logto.resource.core.LogtoResourceServer;
import io.logto.resource.spring.LogtoAuthentication;
import io.logto.resource.spring.LogtoAuthenticationException;
import io.logto.resource.spring.internal.BearerAuthenticationRequest;
import io.logto.resource.spring.reactive.internal.ResumeScheduler;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CompletableFuture;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import reactor.core.publisher.Mono;

/**
 * Authenticates the bearer token of a reactive request through
 * {@link LogtoResourceServer#authenticateAsync(io.logto.resource.core.BearerToken)}: a verified token becomes a
 * {@link LogtoAuthentication}, a refused one the error {@link LogtoAuthenticationException} carrying the core's
 * challenge. The calling thread never waits for a key fetch: when the answer needs no I/O (cache hit, known
 * key, malformed token) it is emitted at once on the calling thread; when the core must fetch keys, the request
 * continues once the fetch ends on its own channel's event loop on Reactor Netty (Reactor's parallel scheduler on
 * other servers), never on the core's fetch thread. Other authentication types give an empty result, so it can be
 * combined with other managers.
 */
public final class LogtoReactiveAuthenticationManager implements ReactiveAuthenticationManager {

    private final LogtoResourceServer logto;

    /**
     * Creates the manager.
     *
     * @param logto the resource server that verifies tokens
     */
    public LogtoReactiveAuthenticationManager(LogtoResourceServer logto) {
        this.logto = Objects.requireNonNull(logto, "logto");
    }

    /**
     * Verifies a bearer-token request.
     *
     * @param authentication a {@link BearerAuthenticationRequest}; anything else gives an empty result
     * @return the {@link LogtoAuthentication}, or the error {@link LogtoAuthenticationException} for a refused
     *         token or a malformed header
     */
    @Override
    public Mono<Authentication> authenticate(Authentication authentication) {
        if (!(authentication instanceof BearerAuthenticationRequest request)) {
            return Mono.empty();
        }
        return Mono.deferContextual(context -> {
            CompletionStage<AuthenticationResult> stage = logto.authenticateAsync(request.bearer());
            if (stage instanceof CompletableFuture<AuthenticationResult> done && done.isDone()) {
                // answered from memory (a cached token, a refusal before any key is needed): no operators to build
                return toAuthentication(done.join());
            }
            // a stage completed later completes on the core's key-fetch thread: continue on the request's own loop
            return Mono.fromCompletionStage(stage).publishOn(ResumeScheduler.of(context))
                    .flatMap(LogtoReactiveAuthenticationManager::toAuthentication);
        });
    }

    private static Mono<Authentication> toAuthentication(AuthenticationResult result) {
        if (result.isAuthenticated()) {
            return Mono.just(new LogtoAuthentication(result.token().orElseThrow()));
        }
        return Mono.error(new LogtoAuthenticationException(result));
    }
}
