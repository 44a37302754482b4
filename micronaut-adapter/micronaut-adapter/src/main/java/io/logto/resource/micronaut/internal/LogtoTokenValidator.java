package io.logto.resource.micronaut.internal;

import io.logto.resource.core.AuthenticationResult;
import io.logto.resource.core.BearerToken;
import io.logto.resource.core.LogtoResourceServer;
import io.logto.resource.core.VerifiedToken;
import io.logto.resource.micronaut.MicronautLogtoAuthentication;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.validator.TokenValidator;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.reactivestreams.Publisher;

/**
 * Verifies the token with the core's non-blocking path and turns a verified token into an
 * {@link Authentication} (see {@link MicronautLogtoAuthentication}); a refused token emits nothing and
 * leaves the core's 401 {@code invalid_token} challenge on the request. Nothing here waits: when the core
 * answers at once (cache hit, known key, malformed token) the result is emitted on the calling event loop;
 * when it must fetch keys the publisher completes later, back on the request's event loop
 * ({@link ResumeExecutor}), never on the core's key-fetch threads.
 */
@Singleton
final class LogtoTokenValidator implements TokenValidator<HttpRequest<?>> {

    private final LogtoResourceServer logto;
    private final ResumeExecutor resume;

    LogtoTokenValidator(LogtoResourceServer logto, ResumeExecutor resume) {
        this.logto = logto;
        this.resume = resume;
    }

    @Override
    public Publisher<Authentication> validateToken(String token, HttpRequest<?> request) {
        BearerToken bearer = request == null ? null : request.getAttribute(LogtoAttributes.BEARER, BearerToken.class)
                .filter(read -> read.value().equals(token)).orElse(null);
        // A token found by another TokenReader (e.g. a cookie) is judged as if it came in the header.
        CompletableFuture<AuthenticationResult> result = logto.authenticateAsync(
                bearer != null ? bearer : BearerToken.fromHeader("Bearer " + token)).toCompletableFuture();
        if (result.isDone()) {
            Authentication authentication = authentication(result.join(), request);
            return authentication == null ? Publishers.empty() : Publishers.just(authentication);
        }
        return Publishers.fromCompletableFuture(result.thenApplyAsync(done -> authentication(done, request), resume.of(request)));
    }

    /** The authentication of a verified token; null (and the challenge left on the request) otherwise. */
    private static Authentication authentication(AuthenticationResult result, HttpRequest<?> request) {
        if (result.isAuthenticated()) {
            return authentication(result.token().orElseThrow());
        }
        if (request != null) {
            request.setAttribute(LogtoAttributes.CHALLENGE, result.challenge().orElseThrow());
        }
        return null;
    }

    private static Authentication authentication(VerifiedToken token) {
        Map<String, Object> attributes = new HashMap<>(token.claims());
        attributes.put(MicronautLogtoAuthentication.VERIFIED_TOKEN, token);
        return Authentication.build(token.subject(), token.roles(), attributes);
    }
}
