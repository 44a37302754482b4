package io.logto.resource.micronaut;

import io.logto.resource.core.VerifiedToken;
import io.micronaut.security.authentication.Authentication;
import java.util.Optional;

/**
 * How a verified Logto token appears as a Micronaut Security {@link Authentication}: the name is the
 * token's subject ({@code sub}), the roles are the core's {@link VerifiedToken#roles()} unchanged, and the
 * attributes are the token's claims plus the {@link VerifiedToken} itself under {@link #VERIFIED_TOKEN}.
 *
 * <p>Roles, by the core's policy ({@link io.logto.resource.core.TokenRoles}): a global API token's scopes
 * as they are ({@code read:report}); an organization token's as {@code organization:<orgId> <scope>}; an
 * organization-level API token's as {@code organization-api:<orgId> <scope>}. So
 * {@code @Secured("read:report")} grants only global API tokens with that scope, and
 * {@code @Secured("organization:org_42 read:member")} (built with
 * {@link io.logto.resource.core.TokenRoles#organization(String, String)}) only organization tokens for
 * {@code org_42}. A verified token that {@code @Secured} refuses is answered with the core's
 * {@code accessDenied()} 403.
 *
 * <pre>{@code
 * @Get("/me")
 * @Secured(SecurityRule.IS_AUTHENTICATED)
 * String me(Authentication authentication) {
 *     VerifiedToken token = MicronautLogtoAuthentication.verifiedToken(authentication).orElseThrow();
 *     Requirement.global("read:profile").check(token); // AccessRefusedException is answered with 403
 *     return token.subject();
 * }
 * }</pre>
 */
public final class MicronautLogtoAuthentication {

    /** The authentication attribute holding the {@link VerifiedToken}. */
    public static final String VERIFIED_TOKEN = "logto.verified-token";

    private MicronautLogtoAuthentication() {
    }

    /**
     * The verified Logto token behind an authentication.
     *
     * @param authentication an authentication, possibly from another mechanism, or null
     * @return the token, or empty when the authentication did not come from a Logto access token
     */
    public static Optional<VerifiedToken> verifiedToken(Authentication authentication) {
        if (authentication == null) {
            return Optional.empty();
        }
        Object token = authentication.getAttributes().get(VERIFIED_TOKEN);
        return token instanceof VerifiedToken ? Optional.of((VerifiedToken) token) : Optional.empty();
    }
}
