package io.logto.resource.quarkus.internal;

import io.logto.resource.core.AccessRefusedException;
import io.logto.resource.core.Challenge;
import io.logto.resource.core.LogtoResourceServer;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticator;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Quarkus REST exception mappers (registered only when Quarkus REST is present) that answer with the core's
 * challenges: {@link AccessRefusedException} from a {@code @Require*} check or from resource code becomes the
 * core's 401/403, and the 401 for anonymous or refused requests gets the core's JSON body beside the status and
 * {@code WWW-Authenticate} header chosen by Quarkus's authenticator.
 */
@Singleton
public class LogtoRestExceptionMappers {

    private final LogtoResourceServer logto;
    private final LogtoAuthenticationMechanism mechanism;

    LogtoRestExceptionMappers(LogtoResourceServer logto, LogtoAuthenticationMechanism mechanism) {
        this.logto = logto;
        this.mechanism = mechanism;
    }

    /**
     * Answers a refused access with the core's challenge.
     *
     * @param exception the refusal
     * @return 401 {@code invalid_token} for a rejection, 403 {@code insufficient_scope} for a denied decision
     */
    @ServerExceptionMapper(priority = Priorities.USER)
    public Response accessRefused(AccessRefusedException exception) {
        return write(logto.challenges().forException(exception));
    }

    /**
     * Answers a verified token refused by another security annotation ({@code @RolesAllowed},
     * {@code @PermissionsAllowed}) with the core's {@code accessDenied()} 403 instead of an empty one.
     *
     * @param exception the refusal
     * @return 403 {@code insufficient_scope} without {@code scope}
     */
    @ServerExceptionMapper(value = ForbiddenException.class, priority = Priorities.USER)
    public Response forbidden(ForbiddenException exception) {
        return write(logto.challenges().accessDenied());
    }

    /**
     * Answers an unauthenticated request like Quarkus does (the challenge of the selected mechanism), adding the
     * core's body when the Logto mechanism issued the challenge.
     *
     * @param exception the failure
     * @param context   the routing context
     * @return the response
     */
    @ServerExceptionMapper(value = { UnauthorizedException.class, AuthenticationFailedException.class },
            priority = Priorities.USER)
    public Uni<Response> unauthenticated(Throwable exception, RoutingContext context) {
        if (exception instanceof AuthenticationFailedException) {
            HttpSecurityUtils.addAuthenticationFailureToEvent((AuthenticationFailedException) exception, context);
        }
        HttpAuthenticator authenticator = context.get(HttpAuthenticator.class.getName());
        if (authenticator == null) {
            return Uni.createFrom().item(write(mechanism.challenge(context)));
        }
        return authenticator.getChallenge(context).map(data -> toResponse(data, mechanism.challenge(context)))
                .onFailure().recoverWithItem(() -> Response.status(401).build());
    }

    private static Response toResponse(ChallengeData data, Challenge logtoChallenge) {
        if (data == null) {
            return Response.status(401).build();
        }
        String offered = data.getHeaders().get(HttpHeaderNames.WWW_AUTHENTICATE);
        if (data.status == logtoChallenge.status() && logtoChallenge.wwwAuthenticate().equals(offered)) {
            return write(logtoChallenge);
        }
        Response.ResponseBuilder builder = Response.status(data.status);
        for (Map.Entry<CharSequence, String> header : data.getHeaders().entrySet()) {
            builder.header(header.getKey().toString(), header.getValue());
        }
        return builder.build();
    }

    private static Response write(Challenge challenge) {
        return Response.status(challenge.status())
                .header(HttpHeaderNames.WWW_AUTHENTICATE.toString(), challenge.wwwAuthenticate())
                .type(Challenge.CONTENT_TYPE)
                .entity(challenge.body())
                .build();
    }
}
