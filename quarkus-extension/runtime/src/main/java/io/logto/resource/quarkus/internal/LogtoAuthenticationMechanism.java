package io.logto.resource.quarkus.internal;

import io.logto.resource.core.BearerToken;
import io.logto.resource.core.Challenge;
import io.logto.resource.core.LogtoResourceServer;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;
import java.util.Set;

/**
 * Reads the bearer token from the {@code Authorization} header and hands it to {@link LogtoIdentityProvider}.
 * No header (or another scheme) leaves the request anonymous. A malformed header or a refused token also leaves it
 * anonymous, with the core's answer (400 {@code invalid_request}, 401 {@code invalid_token}) recorded on the request:
 * a public route ignores the header, as in the SDK's other adapters, and a route that needs an identity answers with
 * the recorded challenge. This holds with Quarkus's default proactive authentication and with lazy authentication
 * alike. Challenges are written exactly as the core builds them: status, {@code WWW-Authenticate} and the JSON body.
 */
@Singleton
public final class LogtoAuthenticationMechanism implements HttpAuthenticationMechanism {

    /** Routing-context key of the challenge that answers the current request. */
    static final String CHALLENGE_KEY = LogtoAuthenticationMechanism.class.getName() + ".challenge";

    private static final HttpCredentialTransport TRANSPORT =
            new HttpCredentialTransport(HttpCredentialTransport.Type.AUTHORIZATION, "bearer");

    private final LogtoResourceServer logto;

    LogtoAuthenticationMechanism(LogtoResourceServer logto) {
        this.logto = logto;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        BearerToken bearer = BearerToken.fromHeaders(context.request().headers().getAll(HttpHeaderNames.AUTHORIZATION));
        if (bearer.isAbsent()) {
            return Uni.createFrom().nullItem();
        }
        if (bearer.isMalformed()) {
            context.put(CHALLENGE_KEY, logto.challenges().invalidRequest());
            return Uni.createFrom().nullItem();
        }
        AuthenticationRequest request = new LogtoAuthenticationRequest(bearer);
        HttpSecurityUtils.setRoutingContextAttribute(request, context);
        return identityProviderManager.authenticate(request)
                .onFailure(failure -> refusedByLogto(failure, context)).recoverWithNull();
    }

    /** A refusal the identity provider recorded a challenge for; anything else stays a failure. */
    private static boolean refusedByLogto(Throwable failure, RoutingContext context) {
        return failure instanceof AuthenticationFailedException && context.get(CHALLENGE_KEY) != null;
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        Challenge challenge = challenge(context);
        return Uni.createFrom().item(new ChallengeData(challenge.status(), HttpHeaderNames.WWW_AUTHENTICATE,
                challenge.wwwAuthenticate()));
    }

    @Override
    public Uni<Boolean> sendChallenge(RoutingContext context) {
        Challenge challenge = challenge(context);
        if (!context.response().headWritten()) {
            context.response().setStatusCode(challenge.status())
                    .putHeader(HttpHeaderNames.WWW_AUTHENTICATE, challenge.wwwAuthenticate())
                    .putHeader(HttpHeaderNames.CONTENT_TYPE, Challenge.CONTENT_TYPE)
                    .end(challenge.body());
        }
        return Uni.createFrom().item(Boolean.TRUE);
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(LogtoAuthenticationRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(TRANSPORT);
    }

    /** The challenge for a request: the one a refusal recorded, else the missing-token challenge. */
    Challenge challenge(RoutingContext context) {
        Challenge recorded = context.get(CHALLENGE_KEY);
        return recorded != null ? recorded : logto.challenges().missingToken();
    }
}
