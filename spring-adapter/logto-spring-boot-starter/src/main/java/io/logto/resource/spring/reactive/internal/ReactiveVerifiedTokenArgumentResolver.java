package io.logto.resource.spring.reactive.internal;

import io.logto.resource.core.VerifiedToken;
import io.logto.resource.spring.LogtoAuthentication;
import org.springframework.core.MethodParameter;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.web.reactive.BindingContext;
import org.springframework.web.reactive.result.method.HandlerMethodArgumentResolver;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Resolves WebFlux handler parameters of type {@link VerifiedToken} to the exchange's verified token. A
 * handler that takes one needs a token: without it the request ends with the entry point's 401 (an
 * {@code AccessDeniedException} for an anonymous caller), unless the parameter is {@code @Nullable}, which then
 * receives null.
 */
public final class ReactiveVerifiedTokenArgumentResolver implements HandlerMethodArgumentResolver {

    /** Whether the parameter is of type {@link VerifiedToken}. */
    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == VerifiedToken.class;
    }

    /** The current verified token; empty for a {@code @Nullable} parameter without one; else an error. */
    @Override
    public Mono<Object> resolveArgument(MethodParameter parameter, BindingContext context, ServerWebExchange exchange) {
        Mono<Object> token = ReactiveSecurityContextHolder.getContext()
                .mapNotNull(SecurityContext::getAuthentication)
                .filter(LogtoAuthentication.class::isInstance)
                .map(authentication -> ((LogtoAuthentication) authentication).verifiedToken());
        return parameter.isOptional() ? token
                : token.switchIfEmpty(Mono.error(() -> new AccessDeniedException("a verified Logto access token is required")));
    }
}
