package io.logto.resource.spring.internal;

import io.logto.resource.core.LogtoResourceServer;
import io.logto.resource.core.ProtectedResourceMetadata;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers {@code GET} (and {@code HEAD}) {@code /.well-known/oauth-protected-resource} with the core's RFC 9728 document, listing the
 * configured scopes plus those found on annotated endpoints. Sits in the security filter chain before
 * authentication, so the document is public whatever the authorization rules say.
 */
public final class ProtectedResourceMetadataFilter extends OncePerRequestFilter {

    private static final RequestMatcher PATH = new OrRequestMatcher(
            PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, ProtectedResourceMetadata.PATH),
            PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.HEAD, ProtectedResourceMetadata.PATH));

    private final LogtoResourceServer logto;
    private final Supplier<Set<String>> endpointScopes;
    private volatile byte[] document;

    /**
     * Creates the filter.
     *
     * @param logto          the resource server whose metadata is served
     * @param endpointScopes the scopes found on endpoints, read once at the first request
     */
    public ProtectedResourceMetadataFilter(LogtoResourceServer logto, Supplier<Set<String>> endpointScopes) {
        this.logto = logto;
        this.endpointScopes = endpointScopes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!PATH.matches(request)) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = document;
        if (body == null) {
            body = logto.metadata().withScopes(endpointScopes.get()).toJson().getBytes(StandardCharsets.UTF_8);
            document = body;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setContentLength(body.length);
        if (HttpMethod.GET.matches(request.getMethod())) {
            response.getOutputStream().write(body);
        }
    }
}
