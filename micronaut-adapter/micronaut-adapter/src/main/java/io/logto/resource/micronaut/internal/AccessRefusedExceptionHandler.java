package io.logto.resource.micronaut.internal;

import io.logto.resource.core.AccessRefusedException;
import io.logto.resource.core.LogtoResourceServer;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/**
 * Answers an {@link AccessRefusedException} thrown by handler code (e.g. {@code Requirement.check(token)})
 * with the core's challenge: 403 {@code insufficient_scope} for a denied decision, 401 for a rejection.
 */
@Singleton
final class AccessRefusedExceptionHandler implements ExceptionHandler<AccessRefusedException, MutableHttpResponse<?>> {

    private final LogtoResourceServer logto;

    AccessRefusedExceptionHandler(LogtoResourceServer logto) {
        this.logto = logto;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public MutableHttpResponse<?> handle(HttpRequest request, AccessRefusedException exception) {
        return LogtoAttributes.response(logto.challenges().forException(exception));
    }
}
