package io.logto.resource.quarkus.internal;

import io.logto.resource.core.AccessRefusedException;
import io.logto.resource.core.Decision;
import io.logto.resource.core.EndpointRequirement;
import io.logto.resource.core.VerifiedToken;
import io.logto.resource.quarkus.LogtoIdentity;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.spi.runtime.MethodDescription;
import io.quarkus.security.spi.runtime.SecurityCheck;
import java.lang.reflect.Method;

/**
 * The Quarkus security check behind one protected method, created at build time from the core's
 * {@link EndpointRequirement}. Per request it reads the organization id from the method argument the build located
 * and lets the core decide; a denial (a missing organization id included) throws {@link AccessRefusedException},
 * answered with the core's 403 challenge. Anonymous callers get {@link UnauthorizedException} (401, or the refused
 * token's recorded challenge).
 */
public final class LogtoRequirementCheck implements SecurityCheck {

    private final EndpointRequirement requirement;
    private final int organizationArgument;

    /**
     * Creates the check.
     *
     * @param requirement          what the method needs
     * @param organizationArgument index of the method argument holding the organization id; -1 when there is none
     */
    public LogtoRequirementCheck(EndpointRequirement requirement, int organizationArgument) {
        this.requirement = requirement;
        this.organizationArgument = organizationArgument;
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
        String organizationId = null;
        if (organizationArgument >= 0 && parameters != null && parameters[organizationArgument] != null) {
            organizationId = parameters[organizationArgument].toString();
        }
        Decision decision = LogtoRecorder.current().authorize(token, requirement, organizationId);
        if (!decision.isGranted()) {
            throw new AccessRefusedException(decision);
        }
    }

    /** The requirement; for diagnostics. */
    @Override
    public String toString() {
        return "LogtoRequirementCheck[" + requirement + "]";
    }
}
