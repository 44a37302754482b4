package io.logto.resource.spring;

import io.logto.resource.core.EndpointRequirement;
import io.logto.resource.core.LogtoResourceServer;
import io.logto.resource.core.Requirement;
import io.logto.resource.core.ScopeMatch;
import io.logto.resource.core.TokenKind;
import java.util.List;
import java.util.Objects;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The {@code logto} bean: decides Logto requirements for the current {@link Authentication}, for
 * {@code @PreAuthorize} expressions and for code that builds its own authorization managers.
 *
 * <pre>{@code
 * @PreAuthorize("@logto.global().has('read:report')")
 * @PreAuthorize("@logto.organization(#orgId).has('read:member')")
 * @PreAuthorize("@logto.organizationApi(#orgId).hasAny('read:project', 'admin:project')")
 * }</pre>
 *
 * <p>The checks return a {@link LogtoAuthorizationDecision} (an {@code AuthorizationResult}, which
 * {@code @PreAuthorize} accepts since Spring Security 6.3), so a denial is answered with the core's 403
 * naming the scopes. A request without a Logto token is denied with a plain decision, which Spring Security
 * answers with 401. Thread-safe.
 */
public final class LogtoAuthorizer {

    /** The bean name, as used in expressions: {@code logto}. */
    public static final String BEAN_NAME = "logto";

    private final LogtoResourceServer logto;

    /**
     * Creates the authorizer.
     *
     * @param logto the resource server that decides
     */
    public LogtoAuthorizer(LogtoResourceServer logto) {
        this.logto = Objects.requireNonNull(logto, "logto");
    }

    /** Checks for a global API token (no {@code organization_id}). */
    public Check global() {
        return new Check(TokenKind.GLOBAL_API, null);
    }

    /**
     * Checks for an organization token for one organization. A null or empty organization id is denied with
     * the core's {@code MISSING_ORGANIZATION} decision (403 {@code insufficient_scope} without {@code scope}).
     *
     * @param organizationId the organization named by the request, e.g. {@code #orgId}
     * @return the check
     */
    public Check organization(String organizationId) {
        return new Check(TokenKind.ORGANIZATION, organizationId);
    }

    /**
     * Checks for an organization-level API token ({@code organization_id}) for one organization. A null or
     * empty organization id is denied like {@link #organization(String)}'s.
     *
     * @param organizationId the organization named by the request, e.g. {@code #orgId}
     * @return the check
     */
    public Check organizationApi(String organizationId) {
        return new Check(TokenKind.ORGANIZATION_API, organizationId);
    }

    /**
     * Decides a requirement for an authentication.
     *
     * @param authentication the caller, possibly null or anonymous
     * @param requirement    what is needed
     * @return a {@link LogtoAuthorizationDecision} for a Logto authentication, else a denied decision
     */
    public AuthorizationDecision decide(Authentication authentication, Requirement requirement) {
        if (authentication instanceof LogtoAuthentication logtoAuthentication) {
            return new LogtoAuthorizationDecision(logto.authorize(logtoAuthentication.verifiedToken(), requirement));
        }
        return new AuthorizationDecision(false);
    }

    /**
     * Decides an endpoint's requirement for an authentication, as the annotations are decided.
     *
     * @param authentication the caller, possibly null or anonymous
     * @param requirement    what the endpoint needs
     * @param organizationId the organization id read from the request, null or empty when it has none
     * @return a {@link LogtoAuthorizationDecision} for a Logto authentication, else a denied decision
     */
    public AuthorizationDecision decide(Authentication authentication, EndpointRequirement requirement,
                                        String organizationId) {
        if (authentication instanceof LogtoAuthentication logtoAuthentication) {
            return new LogtoAuthorizationDecision(
                    logto.authorize(logtoAuthentication.verifiedToken(), requirement, organizationId));
        }
        return new AuthorizationDecision(false);
    }

    /** One kind of token for one organization (or none), waiting for its scopes. */
    public final class Check {

        /** The "variable" an expression's organization id comes from: this bean's method argument. */
        private static final String ARGUMENT = "organizationId";

        private final TokenKind kind;
        private final String organizationId;

        private Check(TokenKind kind, String organizationId) {
            this.kind = kind;
            this.organizationId = organizationId;
        }

        /**
         * Requires every listed scope of the current authentication's token.
         *
         * @param scopes scope names; none means any token of this kind (and organization)
         * @return the decision
         * @throws IllegalArgumentException with the core's message when a scope name is invalid
         */
        public AuthorizationDecision has(String... scopes) {
            return decide(ScopeMatch.ALL, scopes);
        }

        /**
         * Requires at least one listed scope of the current authentication's token.
         *
         * @param scopes scope names
         * @return the decision
         * @throws IllegalArgumentException with the core's message when a scope name is invalid
         */
        public AuthorizationDecision hasAny(String... scopes) {
            return decide(ScopeMatch.ANY, scopes);
        }

        private AuthorizationDecision decide(ScopeMatch match, String... scopes) {
            Authentication authentication = SecurityContextHolder.getContextHolderStrategy().getContext()
                    .getAuthentication();
            EndpointRequirement requirement = EndpointRequirement.of(kind,
                    kind == TokenKind.GLOBAL_API ? null : ARGUMENT, match, List.of(scopes));
            return LogtoAuthorizer.this.decide(authentication, requirement, organizationId);
        }
    }
}
