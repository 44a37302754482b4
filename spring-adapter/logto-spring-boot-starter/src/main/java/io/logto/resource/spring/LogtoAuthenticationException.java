package io.logto.resource.spring;

import io.logto.resource.core.AuthenticationResult;
import io.logto.resource.core.Challenge;
import java.util.Objects;
import org.springframework.security.core.AuthenticationException;

/**
 * Spring Security's form of a refused Logto bearer token: thrown by {@link LogtoAuthenticationProvider}
 * for an invalid token (401 {@code invalid_token}) or a malformed {@code Authorization} header (400
 * {@code invalid_request}), and answered by {@link LogtoAuthenticationEntryPoint} with {@link #challenge()}.
 *
 * <p>Its message is the core's result summary (status and reason code); it never contains the token.
 */
public final class LogtoAuthenticationException extends AuthenticationException {

    private static final long serialVersionUID = 1L;

    private final transient AuthenticationResult result;

    /**
     * Wraps an unsuccessful authentication result.
     *
     * @param result a result that is not {@link AuthenticationResult#isAuthenticated() authenticated}
     * @throws IllegalArgumentException when the result is authenticated or carries no challenge
     */
    public LogtoAuthenticationException(AuthenticationResult result) {
        super(Objects.requireNonNull(result, "result").toString());
        if (result.isAuthenticated() || result.challenge().isEmpty()) {
            throw new IllegalArgumentException("only a refused authentication result is an exception");
        }
        this.result = result;
    }

    /** The core's result, with the rejection reason for invalid tokens. */
    public AuthenticationResult result() {
        return result;
    }

    /** The HTTP answer the core computed for this refusal. */
    public Challenge challenge() {
        return result.challenge().orElseThrow();
    }
}
