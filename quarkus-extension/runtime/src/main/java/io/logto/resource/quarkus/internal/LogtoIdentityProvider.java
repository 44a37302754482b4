package io.logto.resource.quarkus.internal;

import io.logto.resource.core.AuthenticationResult;
import io.logto.resource.core.LogtoResourceServer;
import io.logto.resource.core.Requirement;
import io.logto.resource.core.VerifiedToken;
import io.logto.resource.quarkus.LogtoIdentity;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;
import java.security.Principal;

/**
 * Verifies the bearer token with the core and turns the verified token into a {@link SecurityIdentity}: the
 * principal is {@code sub}, the token is the attribute {@link LogtoIdentity#TOKEN_ATTRIBUTE}, and when the core
 * accepts the token for a global requirement its scopes become roles and permissions. Verification runs on a worker
 * thread: it may wait for the JWKS and costs CPU on a cache miss, so it never blocks the event loop.
 */
@Singleton
public final class LogtoIdentityProvider implements IdentityProvider<LogtoAuthenticationRequest> {

    private static final Requirement ANY_GLOBAL_TOKEN = Requirement.global();

    private final LogtoResourceServer logto;

    LogtoIdentityProvider(LogtoResourceServer logto) {
        this.logto = logto;
    }

    @Override
    public Class<LogtoAuthenticationRequest> getRequestType() {
        return LogtoAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(LogtoAuthenticationRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> {
            AuthenticationResult result = logto.authenticate(request.bearer());
            if (result.isAuthenticated()) {
                return identity(result.token().orElseThrow());
            }
            RoutingContext routingContext = HttpSecurityUtils.getRoutingContextAttribute(request);
            if (routingContext != null) {
                routingContext.put(LogtoAuthenticationMechanism.CHALLENGE_KEY, result.challenge().orElseThrow());
            }
            throw new AuthenticationFailedException("Logto access token refused: " + result);
        });
    }

    static SecurityIdentity identity(VerifiedToken token) {
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(new LogtoPrincipal(token.subject()))
                .addAttribute(LogtoIdentity.TOKEN_ATTRIBUTE, token);
        // Organization-role scopes ride along in organization and organization-API tokens; only a token the core
        // accepts as a global API token may pass @RolesAllowed / @PermissionsAllowed checks written for global scopes.
        if (ANY_GLOBAL_TOKEN.evaluate(token).isGranted()) {
            builder.addRoles(token.scopes()).addPermissionsAsString(token.scopes());
        }
        return builder.build();
    }

    /** The token's subject as a principal; shows nothing else. */
    private static final class LogtoPrincipal implements Principal {
        private final String subject;

        LogtoPrincipal(String subject) {
            this.subject = subject;
        }

        @Override
        public String getName() {
            return subject;
        }

        @Override
        public String toString() {
            return "LogtoPrincipal[" + subject + "]";
        }
    }
}
