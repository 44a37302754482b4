package io.logto.resource.spring.reactive.internal;

import io.logto.resource.core.BearerToken;
import io.logto.resource.spring.LogtoAuthenticationException;
import io.logto.resource.spring.internal.BearerAuthenticationRequest;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * Authenticates the bearer token of a reactive request, if it carries one (every {@code Authorization} header
 * read by the core's {@link BearerToken#fromHeaders}), and puts the result in the Reactor context of the rest
 * of the chain. A refused token does not end the request: it goes on anonymously with the refusal kept as an
 * exchange attribute, so that public routes answer normally and protected ones get the refusal's challenge
 * from the entry point. Never blocks: verification is the authentication manager's asynchronous result.
 */
public final class BearerTokenWebFilter implements WebFilter {

    private static final String REFUSAL = BearerTokenWebFilter.class.getName() + ".REFUSAL";

    private final ReactiveAuthenticationManager authenticationManager;

    /**
     * Creates the filter.
     *
     * @param authenticationManager verifies {@link BearerAuthenticationRequest}s
     */
    public BearerTokenWebFilter(ReactiveAuthenticationManager authenticationManager) {
        this.authenticationManager = authenticationManager;
    }

    /**
     * Why the exchange's bearer token was refused, if it was.
     *
     * @param exchange the exchange
     * @return the refusal, carrying the core's challenge
     */
    public static Optional<LogtoAuthenticationException> refusal(ServerWebExchange exchange) {
        return Optional.ofNullable(exchange.getAttribute(REFUSAL));
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        BearerToken bearer = BearerToken.fromHeaders(exchange.getRequest().getHeaders().getOrEmpty(HttpHeaders.AUTHORIZATION));
        if (bearer.isAbsent()) {
            return chain.filter(exchange);
        }
        return authenticationManager.authenticate(new BearerAuthenticationRequest(bearer))
                .map(ReactiveSecurityContextHolder::withAuthentication)
                .onErrorResume(LogtoAuthenticationException.class, refused -> {
                    exchange.getAttributes().put(REFUSAL, refused);
                    return Mono.just(Context.empty());
                })
                .defaultIfEmpty(Context.empty())
                .flatMap(context -> chain.filter(exchange).contextWrite(context));
    }
}
