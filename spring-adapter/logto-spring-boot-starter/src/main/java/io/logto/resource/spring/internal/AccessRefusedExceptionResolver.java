package io.logto.resource.spring.internal;

import io.logto.resource.core.AccessRefusedException;
import io.logto.resource.core.LogtoResourceServer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Answers an {@link AccessRefusedException} thrown by handler code (e.g. from
 * {@code Requirement.organization(orgId, "invite:member").check(token)}) with the core's challenge for it:
 * 403 {@code insufficient_scope} for a denied decision, 401 {@code invalid_token} for a rejection. It runs
 * before {@code @ExceptionHandler} methods, so a catch-all handler cannot turn the refusal into a 500.
 */
public final class AccessRefusedExceptionResolver implements HandlerExceptionResolver {

    private final LogtoResourceServer logto;

    /**
     * Creates the resolver.
     *
     * @param logto the resource server whose challenges are written
     */
    public AccessRefusedExceptionResolver(LogtoResourceServer logto) {
        this.logto = logto;
    }

    /** Writes the core's challenge for an {@link AccessRefusedException}; leaves other exceptions alone (null). */
    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
                                         Exception exception) {
        if (!(exception instanceof AccessRefusedException refused)) {
            return null;
        }
        try {
            ChallengeResponses.write(logto.challenges().forException(refused), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ModelAndView();
    }
}
