package io.logto.resource.spring.mcp.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers {@code GET} and {@code HEAD} for the RFC 9728 metadata at the root location and at the path form
 * announced in challenges, with the core's document listing the tools' scopes. Sits in the security filter
 * chain before any authorization rule, so the document is public.
 */
public final class McpMetadataFilter extends OncePerRequestFilter {

    private final McpGuard guard;
    private final List<String> paths;

    /**
     * Creates the filter.
     *
     * @param guard the MCP protection
     */
    public McpMetadataFilter(McpGuard guard) {
        this.guard = guard;
        this.paths = guard.metadataPaths();
    }

    /** Only GET and HEAD of the metadata paths. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        if (!(HttpMethod.GET.matches(request.getMethod()) || HttpMethod.HEAD.matches(request.getMethod()))) {
            return true;
        }
        return !paths.contains(request.getRequestURI().substring(request.getContextPath().length()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] body = guard.metadataJson().getBytes(StandardCharsets.UTF_8);
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setContentLength(body.length);
        if (HttpMethod.GET.matches(request.getMethod())) {
            response.getOutputStream().write(body);
        }
    }
}
