package io.logto.resource.spring.internal;

import io.logto.resource.spring.LogtoAuthenticationException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates the request's bearer token through an {@link AuthenticationManager} and puts the result in the
 * security context for this request only. A request without a token, or with a refused one, goes on
 * anonymously: routes that permit anonymous access stay reachable, and every route that needs
 * authentication is answered by the entry point, which finds the refusal with {@link #refusal} and writes
 * its challenge (401 {@code invalid_token} or 400 {@code invalid_request}) instead of the missing-token one.
 */
public final class BearerTokenAuthenticationFilter extends OncePerRequestFilter {

    private static final String REFUSAL = BearerTokenAuthenticationFilter.class.getName() + ".REFUSAL";

    private final AuthenticationManager authenticationManager;
    private final BearerAuthenticationConverter converter = new BearerAuthenticationConverter();
    private final SecurityContextRepository repository = new RequestAttributeSecurityContextRepository();
    private final SecurityContextHolderStrategy contexts;

    /**
     * Creates the filter.
     *
     * @param authenticationManager verifies {@link BearerAuthenticationRequest}s
     * @param contexts              the chain's security context strategy
     */
    public BearerTokenAuthenticationFilter(AuthenticationManager authenticationManager, SecurityContextHolderStrategy contexts) {
        this.authenticationManager = authenticationManager;
        this.contexts = contexts;
    }

    /**
     * Why the current request's bearer token was refused, if it was.
     *
     * @param request the request
     * @return the refusal, carrying the core's challenge
     */
    public static Optional<LogtoAuthenticationException> refusal(HttpServletRequest request) {
        return Optional.ofNullable((LogtoAuthenticationException) request.getAttribute(REFUSAL));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication bearer = converter.convert(request);
        if (bearer != null) {
            try {
                SecurityContext context = contexts.createEmptyContext();
                context.setAuthentication(authenticationManager.authenticate(bearer));
                contexts.setContext(context);
                repository.saveContext(context, request, response);
            } catch (LogtoAuthenticationException refused) {
                request.setAttribute(REFUSAL, refused);
            }
        }
        chain.doFilter(request, response);
    }
}
