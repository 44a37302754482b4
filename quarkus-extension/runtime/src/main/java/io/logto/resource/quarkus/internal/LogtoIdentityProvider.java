package io.logto.resource.quarkus.internal;

import io.logto.resource.core.AuthenticationResult;
import io.logto.resource.core.LogtoResourceServer;
import io.logto.resource.core.VerifiedToken;
import io.logto.resource.quarkus.LogtoIdentity;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;
import java.security.Principal;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Verifies the bearer token with the core's asynchronous path and turns the verified token into a
 * {@link SecurityIdentity}: the principal is {@code sub}, the token is the attribute
 * {@link LogtoIdentity#TOKEN_ATTRIBUTE}, the roles are {@link VerifiedToken#roles()} (the core's role policy) and, for
 * global API tokens, each scope is a permission. When no key fetch is needed (a cache hit, a known key) the identity is built inline on the calling
 * thread, the event loop included; when keys must be fetched the core fetches them on its own thread and the identity
 * is delivered back on the request's Vert.x context. Nothing here blocks.
 */
@Singleton
public final class LogtoIdentityProvider implements IdentityProvider<LogtoAuthenticationRequest> {

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
        CompletionStage<AuthenticationResult> stage = logto.authenticateAsync(request.bearer());
        if (stage instanceof CompletableFuture<AuthenticationResult> future && future.isDone()) {
            return answer(future.join(), request);
        }
        Uni<AuthenticationResult> pending = Uni.createFrom().completionStage(stage);
        Context vertxContext = Vertx.currentContext();
        if (vertxContext != null) {
            // the stage completes on a core-owned thread; continue the request where it started
            pending = pending.emitOn(command -> vertxContext.runOnContext(ignored -> command.run()));
        }
        return pending.onItem().transformToUni(result -> answer(result, request));
    }

    private static Uni<SecurityIdentity> answer(AuthenticationResult result, LogtoAuthenticationRequest request) {
        if (result.isAuthenticated()) {
            return Uni.createFrom().item(identity(result.token().orElseThrow()));
        }
        RoutingContext routingContext = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (routingContext != null) {
            routingContext.put(LogtoAuthenticationMechanism.CHALLENGE_KEY, result.challenge().orElseThrow());
        }
        return Uni.createFrom().failure(new AuthenticationFailedException("Logto access token refused: " + result));
    }

    static SecurityIdentity identity(VerifiedToken token) {
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(new LogtoPrincipal(token.subject()))
                .addAttribute(LogtoIdentity.TOKEN_ATTRIBUTE, token);
        // The core's role policy: a global API token's scopes as they are, organization-qualified names otherwise, so
        // @RolesAllowed("read:report") is met only by global API tokens.
        builder.addRoles(token.roles());
        // Permissions from the same roles, looked up rather than parsed so that no scope string can fail: the core's
        // policy decides, so @PermissionsAllowed("read:report") too is met only by global API tokens.
        if (!token.roles().isEmpty()) {
            builder.addPermissionChecker(new ScopePermissionChecker(token.roles()));
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
