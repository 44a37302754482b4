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
import java.util.List;
import java.util.Map;
import org.reactivestreams.Publisher;

/**
 * Verifies the token with the core and turns a verified token into an {@link Authentication} (see
 * {@link MicronautLogtoAuthentication}); a refused token emits nothing and leaves the core's 401
 * {@code invalid_token} challenge on the request.
 */
@Singleton
final class LogtoTokenValidator implements TokenValidator<HttpRequest<?>> {

    private final LogtoResourceServer logto;

    LogtoTokenValidator(LogtoResourceServer logto) {
        this.logto = logto;
    }

    @Override
    public Publisher<Authentication> validateToken(String token, HttpRequest<?> request) {
        BearerToken bearer = request == null ? null : request.getAttribute(LogtoAttributes.BEARER, BearerToken.class)
                .filter(read -> read.value().equals(token)).orElse(null);
        // A token found by another TokenReader (e.g. a cookie) is judged as if it came in the header.
        AuthenticationResult result = logto.authenticate(bearer != null ? bearer : BearerToken.fromHeader("Bearer " + token));
        if (result.isAuthenticated()) {
            return Publishers.just(authentication(result.token().orElseThrow()));
        }
        if (request != null) {
            request.setAttribute(LogtoAttributes.CHALLENGE, result.challenge().orElseThrow());
        }
        return Publishers.empty();
    }

    private static Authentication authentication(VerifiedToken token) {
        Map<String, Object> attributes = new HashMap<>(token.claims());
        attributes.put(MicronautLogtoAuthentication.VERIFIED_TOKEN, token);
        return Authentication.build(token.subject(), List.of(), attributes);
    }
}
