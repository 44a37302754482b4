package io.logto.resource.quarkus;

import io.logto.resource.core.VerifiedToken;
import io.quarkus.security.identity.SecurityIdentity;
import java.util.Optional;

/**
 * Reads what the extension put into a Quarkus {@link SecurityIdentity}: the principal name is the token's
 * {@code sub}, the verified token is the attribute {@link #TOKEN_ATTRIBUTE}, the roles ({@code @RolesAllowed}) are
 * {@link VerifiedToken#roles()} (a global API token's scopes as they are; organization-qualified names such as
 * {@code organization:org_42 read:member} for the other kinds, see {@code TokenRoles}), and, for global API tokens
 * only, every scope is a permission ({@code @PermissionsAllowed}).
 *
 * <pre>{@code
 * @Inject SecurityIdentity identity;
 * ...
 * VerifiedToken token = LogtoIdentity.verifiedToken(identity).orElseThrow();
 * }</pre>
 */
public final class LogtoIdentity {

    /** The {@link SecurityIdentity} attribute holding the {@link VerifiedToken}. */
    public static final String TOKEN_ATTRIBUTE = "io.logto.resource.core.VerifiedToken";

    private LogtoIdentity() {
    }

    /**
     * The verified Logto token of an identity.
     *
     * @param identity the current identity, possibly anonymous or from another mechanism
     * @return the token, empty when the identity was not established by a Logto access token
     */
    public static Optional<VerifiedToken> verifiedToken(SecurityIdentity identity) {
        if (identity == null) {
            return Optional.empty();
        }
        Object token = identity.getAttribute(TOKEN_ATTRIBUTE);
        return token instanceof VerifiedToken ? Optional.of((VerifiedToken) token) : Optional.empty();
    }
}
