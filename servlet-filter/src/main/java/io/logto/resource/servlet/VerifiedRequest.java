package io.logto.resource.servlet;

import io.logto.resource.core.TokenRoles;
import io.logto.resource.core.VerifiedToken;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.security.Principal;

/**
 * A request whose Logto token the filter verified, as the servlet API's own security methods see it:
 * {@link #isUserInRole(String)} answers from {@link VerifiedToken#roles()} (the core's policy, see
 * {@link TokenRoles}), {@link #getUserPrincipal()} and {@link #getRemoteUser()} name the token's subject.
 */
final class VerifiedRequest extends HttpServletRequestWrapper {

    /** {@link #getAuthType()} of a request authenticated with a Logto bearer token. */
    static final String AUTH_TYPE = "Bearer";

    private final VerifiedToken token;
    private final Principal principal;

    VerifiedRequest(HttpServletRequest request, VerifiedToken token) {
        super(request);
        this.token = token;
        String subject = token.subject();
        this.principal = () -> subject;
    }

    /** Whether the token's roles contain {@code role}: a global API token's scopes, or organization-qualified names. */
    @Override
    public boolean isUserInRole(String role) {
        return role != null && token.roles().contains(role);
    }

    /** The token's subject ({@code sub}). */
    @Override
    public Principal getUserPrincipal() {
        return principal;
    }

    /** The token's subject ({@code sub}). */
    @Override
    public String getRemoteUser() {
        return principal.getName();
    }

    /** {@value #AUTH_TYPE}. */
    @Override
    public String getAuthType() {
        return AUTH_TYPE;
    }
}
