package io.logto.resource.spring;

import io.logto.resource.core.LogtoResourceServer;
import io.logto.resource.spring.internal.ChallengeResponses;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Objects;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;

/**
 * Answers a denial made by a Logto requirement (an annotation, the {@code @logto} bean in
 * {@code @PreAuthorize}, or a {@link LogtoAuthorizationDecision} from any other authorization manager) with
 * the core's 403 {@code insufficient_scope} challenge naming the required scopes. Other denials go to the
 * fallback handler; by default a denial by another rule ({@code hasRole(...)}, {@code denyAll()}) gets the core's
 * {@code accessDenied()} 403 ({@code insufficient_scope} without {@code scope}), and a CSRF failure Spring's
 * plain 403.
 */
public final class LogtoAccessDeniedHandler implements AccessDeniedHandler {

    private final LogtoResourceServer logto;
    private final AccessDeniedHandler fallback;

    /**
     * Creates the handler with the default fallback: the core's {@code accessDenied()} challenge, or Spring's
     * {@link AccessDeniedHandlerImpl} for CSRF failures.
     *
     * @param logto the resource server whose challenges are written
     */
    public LogtoAccessDeniedHandler(LogtoResourceServer logto) {
        this(logto, defaultFallback(logto));
    }

    private static AccessDeniedHandler defaultFallback(LogtoResourceServer logto) {
        AccessDeniedHandler spring = new AccessDeniedHandlerImpl();
        return (request, response, denied) -> {
            if (denied instanceof CsrfException) {
                spring.handle(request, response, denied);
            } else {
                ChallengeResponses.write(logto.challenges().accessDenied(), response);
            }
        };
    }

    /**
     * Creates the handler.
     *
     * @param logto    the resource server whose challenges are written
     * @param fallback answers denials that carry no Logto decision
     */
    public LogtoAccessDeniedHandler(LogtoResourceServer logto, AccessDeniedHandler fallback) {
        this.logto = Objects.requireNonNull(logto, "logto");
        this.fallback = Objects.requireNonNull(fallback, "fallback");
    }

    /**
     * Writes the core's 403 challenge for a Logto denial, or delegates to the fallback.
     *
     * @throws IOException      when the response cannot be written
     * @throws ServletException when the fallback fails
     */
    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException, ServletException {
        if (denied instanceof AuthorizationDeniedException authorization
                && authorization.getAuthorizationResult() instanceof LogtoAuthorizationDecision logtoDecision) {
            ChallengeResponses.write(logto.challenges().insufficientScope(logtoDecision.decision()), response);
            return;
        }
        fallback.handle(request, response, denied);
    }
}
