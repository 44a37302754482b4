package io.logto.resource.spring.internal;

import io.logto.resource.core.BearerToken;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * An authentication request holding the bearer token found in a request (present or malformed), not yet
 * verified. Its {@link #toString()} never shows the token.
 */
public final class BearerAuthenticationRequest extends AbstractAuthenticationToken {

    private static final long serialVersionUID = 1L;

    private final transient BearerToken bearer;

    /**
     * Wraps an extracted bearer token.
     *
     * @param bearer the extraction result, present or malformed
     */
    public BearerAuthenticationRequest(BearerToken bearer) {
        super(List.of());
        this.bearer = bearer;
        setAuthenticated(false);
    }

    /** The extracted bearer token. */
    public BearerToken bearer() {
        return bearer;
    }

    /** Nothing: the token stays in {@link #bearer()}, which never prints it. */
    @Override
    public Object getCredentials() {
        return "";
    }

    /** Nothing: the subject is known only after verification. */
    @Override
    public Object getPrincipal() {
        return "";
    }

    /** The extraction state only. */
    @Override
    public String toString() {
        return "BearerAuthenticationRequest[" + bearer + "]";
    }
}
