package io.logto.resource.micronaut.internal;

import io.logto.resource.core.BearerToken;
import io.logto.resource.core.LogtoResourceServer;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.bearer.BearerTokenReader;
import io.micronaut.security.token.reader.TokenReader;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Reads the bearer token with the core's RFC 6750 rules (scheme in any case, one token, one header)
 * instead of Micronaut's {@link BearerTokenReader}; a malformed header leaves the 400
 * {@code invalid_request} challenge on the request for the refusal handler.
 */
@Singleton
@Replaces(BearerTokenReader.class)
@Requires(classes = HttpRequest.class)
final class LogtoBearerTokenReader implements TokenReader<HttpRequest<?>> {

    private final LogtoResourceServer logto;

    LogtoBearerTokenReader(LogtoResourceServer logto) {
        this.logto = logto;
    }

    @Override
    public Optional<String> findToken(HttpRequest<?> request) {
        BearerToken bearer = BearerToken.fromHeaders(request.getHeaders().getAll(HttpHeaders.AUTHORIZATION));
        if (bearer.isPresent()) {
            request.setAttribute(LogtoAttributes.BEARER, bearer);
            return Optional.of(bearer.value());
        }
        if (bearer.isMalformed()) {
            request.setAttribute(LogtoAttributes.CHALLENGE, logto.authenticate(bearer).challenge().orElseThrow());
        }
        return Optional.empty();
    }

    @Override
    public int getOrder() {
        return BearerTokenReader.ORDER;
    }
}
