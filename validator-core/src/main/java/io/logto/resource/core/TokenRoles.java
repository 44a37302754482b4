package io.logto.resource.core;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * The one policy for which scopes may act as framework roles or authorities ({@code @Secured},
 * {@code @RolesAllowed}, {@code hasAuthority('SCOPE_...')}), read through {@link VerifiedToken#roles()}.
 *
 * <ul>
 *   <li>A {@link TokenKind#GLOBAL_API global API token}'s scopes are roles as they are: {@code read:report}.</li>
 *   <li>An {@link TokenKind#ORGANIZATION organization token}'s scopes are qualified with its organization:
 *       {@code organization:org_42 read:member}.</li>
 *   <li>An {@link TokenKind#ORGANIZATION_API organization-level API token}'s scopes likewise:
 *       {@code organization-api:org_42 read:project}.</li>
 * </ul>
 *
 * <p>A scope never contains a space, so a qualified role can never equal a plain one: a framework check
 * written for the global scope {@code read:report} is never met by an organization token, nor by an API
 * token requested for an organization, even when Logto put {@code read:report} into it (Logto adds scopes
 * granted through organization roles to such tokens). Adapters map each role unchanged, adding only their
 * framework's convention (Spring: the {@code SCOPE_} prefix).
 */
public final class TokenRoles {

    /** Prefix of the roles of an organization token: {@code organization:<id> <scope>}. */
    public static final String ORGANIZATION_PREFIX = "organization:";

    /** Prefix of the roles of an organization-level API token: {@code organization-api:<id> <scope>}. */
    public static final String ORGANIZATION_API_PREFIX = "organization-api:";

    private TokenRoles() {
    }

    /**
     * The role an organization token for {@code organizationId} holds for one of its scopes.
     *
     * @param organizationId the organization id
     * @param scope          the scope name
     * @return {@code organization:<organizationId> <scope>}
     */
    public static String organization(String organizationId, String scope) {
        return ORGANIZATION_PREFIX + Objects.requireNonNull(organizationId, "organizationId") + ' '
                + Objects.requireNonNull(scope, "scope");
    }

    /**
     * The role an organization-level API token for {@code organizationId} holds for one of its scopes.
     *
     * @param organizationId the organization id
     * @param scope          the scope name
     * @return {@code organization-api:<organizationId> <scope>}
     */
    public static String organizationApi(String organizationId, String scope) {
        return ORGANIZATION_API_PREFIX + Objects.requireNonNull(organizationId, "organizationId") + ' '
                + Objects.requireNonNull(scope, "scope");
    }

    /** The roles of a token of a kind; global tokens share their scope set. */
    static Set<String> of(TokenKind kind, String organizationId, Set<String> scopes) {
        if (kind == TokenKind.GLOBAL_API || scopes.isEmpty()) {
            return scopes;
        }
        Set<String> roles = new LinkedHashSet<>();
        for (String scope : scopes) {
            roles.add(kind == TokenKind.ORGANIZATION ? organization(organizationId, scope)
                    : organizationApi(organizationId, scope));
        }
        return Set.copyOf(roles);
    }
}
