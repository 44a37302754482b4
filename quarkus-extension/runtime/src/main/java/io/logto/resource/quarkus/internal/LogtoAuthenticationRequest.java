package io.logto.resource.quarkus.internal;

import io.logto.resource.core.BearerToken;
import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A request to verify the bearer token found in the {@code Authorization} header; never prints the token. */
public final class LogtoAuthenticationRequest extends BaseAuthenticationRequest {

    private final BearerToken bearer;

    /**
     * Wraps an extracted bearer token.
     *
     * @param bearer the token, present
     */
    public LogtoAuthenticationRequest(BearerToken bearer) {
        this.bearer = bearer;
    }

    /** The extracted, not yet verified, bearer token. */
    public BearerToken bearer() {
        return bearer;
    }

    /** Says what this is without the token. */
    @Override
    public String toString() {
        return "LogtoAuthenticationRequest[" + bearer + "]";
    }
}
