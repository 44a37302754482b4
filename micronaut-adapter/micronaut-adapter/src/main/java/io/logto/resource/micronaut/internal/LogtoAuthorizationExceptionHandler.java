package io.logto.resource.micronaut.internal;

import io.logto.resource.core.Challenge;
import io.logto.resource.core.LogtoResourceServer;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.authentication.DefaultAuthorizationExceptionHandler;
import jakarta.inject.Singleton;

/**
 * Answers Micronaut Security's refusals with the core's challenges instead of Micronaut's defaults (and
 * never with a redirect): the challenge left on the request by the token reader, validator or requirement
 * rule (400, 401 {@code invalid_token}, 403 {@code insufficient_scope}), else 401 without error code when
 * no token was verified. A refusal of a verified token by another rule (e.g. {@code @Secured} roles) is the
 * core's {@code accessDenied()} 403.
 */
@Singleton
@Replaces(DefaultAuthorizationExceptionHandler.class)
@Requires(classes = ExceptionHandler.class)
final class LogtoAuthorizationExceptionHandler implements ExceptionHandler<AuthorizationException, MutableHttpResponse<?>> {

    private final LogtoResourceServer logto;

    LogtoAuthorizationExceptionHandler(LogtoResourceServer logto) {
        this.logto = logto;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public MutableHttpResponse<?> handle(HttpRequest request, AuthorizationException exception) {
        Challenge challenge = ((HttpRequest<?>) request).getAttribute(LogtoAttributes.CHALLENGE, Challenge.class).orElse(null);
        if (challenge != null) {
            return LogtoAttributes.response(challenge);
        }
        return LogtoAttributes.response(exception.isForbidden() ? logto.challenges().accessDenied()
                : logto.challenges().missingToken());
    }
}
