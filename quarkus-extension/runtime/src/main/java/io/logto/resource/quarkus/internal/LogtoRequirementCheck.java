package io.logto.resource.quarkus.internal;

import io.logto.resource.core.AccessRefusedException;
import io.logto.resource.core.Decision;
import io.logto.resource.core.Requirement;
import io.logto.resource.core.ScopeMatch;
import io.logto.resource.core.TokenKind;
import io.logto.resource.core.VerifiedToken;
import io.logto.resource.quarkus.LogtoIdentity;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.spi.runtime.MethodDescription;
import io.quarkus.security.spi.runtime.SecurityCheck;
import java.lang.reflect.Method;
import java.util.List;

/**
 * The Quarkus security check behind one {@code @Require*} annotation on one method, created at build time. It
 * builds the core's {@link Requirement} (taking the organization id from the method argument the build located) and
 * lets the core decide; a denial throws {@link AccessRefusedException}, answered with the core's 403
 * {@code insufficient_scope} challenge. Anonymous callers get {@link UnauthorizedException} (401).
 */
public final class LogtoRequirementCheck implements SecurityCheck {

    private final TokenKind kind;
    private final ScopeMatch match;
    private final List<String> scopes;
    private final int organizationArgument;
    private final Requirement globalRequirement;

    /**
     * Creates the check.
     *
     * @param kind                 the token kind required
     * @param match                how the scopes combine
     * @param scopes               the scopes
     * @param organizationArgument index of the method argument holding the organization id, -1 for global requirements
     */
    public LogtoRequirementCheck(TokenKind kind, ScopeMatch match, String[] scopes, int organizationArgument) {
        this.kind = kind;
        this.match = match;
        this.scopes = List.of(scopes);
        this.organizationArgument = organizationArgument;
        this.globalRequirement = kind == TokenKind.GLOBAL_API ? Requirement.of(kind, null, match, this.scopes) : null;
    }

    @Override
    public void apply(SecurityIdentity identity, Method method, Object[] parameters) {
        check(identity, parameters);
    }

    @Override
    public void apply(SecurityIdentity identity, MethodDescription methodDescription, Object[] parameters) {
        check(identity, parameters);
    }

    @Override
    public boolean requiresMethodArguments() {
        return organizationArgument >= 0;
    }

    private void check(SecurityIdentity identity, Object[] parameters) {
        if (identity == null || identity.isAnonymous()) {
            throw new UnauthorizedException();
        }
        VerifiedToken token = LogtoIdentity.verifiedToken(identity).orElseThrow(ForbiddenException::new);
        Requirement requirement = globalRequirement;
        if (requirement == null) {
            Object organizationId = parameters == null ? null : parameters[organizationArgument];
            if (organizationId == null) {
                throw new ForbiddenException();
            }
            requirement = Requirement.of(kind, organizationId.toString(), match, scopes);
        }
        Decision decision = LogtoRecorder.current().authorize(token, requirement);
        if (!decision.isGranted()) {
            throw new AccessRefusedException(decision);
        }
    }

    /** The kind, match and scopes; for diagnostics. */
    @Override
    public String toString() {
        return "LogtoRequirementCheck[" + kind + ", " + match + " of " + scopes + "]";
    }
}
