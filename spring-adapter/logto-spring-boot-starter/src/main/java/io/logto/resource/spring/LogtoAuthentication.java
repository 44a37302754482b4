package io.logto.resource.spring;

import io.logto.resource.core.TokenRoles;
import io.logto.resource.core.VerifiedToken;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The {@link org.springframework.security.core.Authentication} of a request that carried a verified Logto
 * access token: its name is the token's subject, its principal and credentials are the {@link VerifiedToken}
 * itself (never the raw token), and its authorities are the token's {@link VerifiedToken#roles() roles} in
 * Spring's usual {@code SCOPE_<role>} form, by the core's policy ({@link TokenRoles}):
 *
 * <ul>
 *   <li>global API token: {@code SCOPE_read:report} for scope {@code read:report};</li>
 *   <li>organization token for {@code org_42}: {@code SCOPE_organization:org_42 read:member};</li>
 *   <li>organization-level API token for {@code org_42}: {@code SCOPE_organization-api:org_42 read:project}.</li>
 * </ul>
 *
 * <p>So {@code hasAuthority('SCOPE_read:report')} is met by a global API token only, never by an organization
 * token or an organization-level API token that carries {@code read:report}. Immutable apart from the details
 * Spring Security may attach.
 */
public final class LogtoAuthentication extends AbstractAuthenticationToken {

    private static final long serialVersionUID = 1L;

    /** The prefix of every authority, Spring's convention for scopes: {@code SCOPE_}. */
    public static final String AUTHORITY_PREFIX = "SCOPE_";

    private final transient VerifiedToken token;

    /**
     * Creates an authenticated token for a verified Logto access token.
     *
     * @param token the verified token
     */
    public LogtoAuthentication(VerifiedToken token) {
        super(authorities(Objects.requireNonNull(token, "token")));
        this.token = token;
        setAuthenticated(true);
    }

    private static List<GrantedAuthority> authorities(VerifiedToken token) {
        List<GrantedAuthority> authorities = new ArrayList<>(token.roles().size());
        for (String role : token.roles()) {
            authorities.add(new SimpleGrantedAuthority(AUTHORITY_PREFIX + role));
        }
        return authorities;
    }

    /** The verified token. */
    public VerifiedToken verifiedToken() {
        return token;
    }

    /** The verified token (there is no secret to hand out: the raw token is not kept). */
    @Override
    public VerifiedToken getCredentials() {
        return token;
    }

    /** The verified token, so that {@code @AuthenticationPrincipal VerifiedToken token} works too. */
    @Override
    public VerifiedToken getPrincipal() {
        return token;
    }

    /** The token's subject: the user id, or the application id for machine-to-machine tokens. */
    @Override
    public String getName() {
        return token.subject();
    }

    /** The kind and number of scopes of the token; no claim values. */
    @Override
    public String toString() {
        return "LogtoAuthentication[" + token + "]";
    }
}
