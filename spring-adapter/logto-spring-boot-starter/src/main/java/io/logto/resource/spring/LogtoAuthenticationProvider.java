package io.logto.resource.spring;

import io.logto.resource.core.AuthenticationResult;
import io.logto.resource.core.LogtoResourceServer;
import io.logto.resource.spring.internal.BearerAuthenticationRequest;
import java.util.Objects;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;

/**
 * Authenticates the bearer token of a request through {@link LogtoResourceServer#authenticate}: a verified
 * token becomes a {@link LogtoAuthentication}, a refused one a {@link LogtoAuthenticationException} carrying
 * the core's challenge. It supports only the requests {@link LogtoConfigurer}'s filter builds, so it can sit
 * in a {@link org.springframework.security.authentication.ProviderManager} beside other providers.
 */
public final class LogtoAuthenticationProvider implements AuthenticationProvider {

    private final LogtoResourceServer logto;

    /**
     * Creates a provider around the application's resource server.
     *
     * @param logto the resource server that verifies tokens
     */
    public LogtoAuthenticationProvider(LogtoResourceServer logto) {
        this.logto = Objects.requireNonNull(logto, "logto");
    }

    /**
     * Verifies the request's bearer token.
     *
     * @param authentication a bearer-token request built by the Logto filter
     * @return the verified token as a {@link LogtoAuthentication}
     * @throws LogtoAuthenticationException when the token is refused or the header is malformed
     */
    @Override
    public Authentication authenticate(Authentication authentication) {
        AuthenticationResult result = logto.authenticate(((BearerAuthenticationRequest) authentication).bearer());
        if (result.isAuthenticated()) {
            return new LogtoAuthentication(result.token().orElseThrow());
        }
        throw new LogtoAuthenticationException(result);
    }

    /** Whether the authentication request is a Logto bearer-token request. */
    @Override
    public boolean supports(Class<?> authentication) {
        return BearerAuthenticationRequest.class.isAssignableFrom(authentication);
    }
}
