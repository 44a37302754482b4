package io.logto.resource.spring.mcp.internal;

import io.logto.resource.core.Challenges;
import io.logto.resource.core.LogtoResourceServer;
import io.logto.resource.core.ProtectedResourceMetadata;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * What the MCP filters share: the resource server, the tools' requirements, the session bindings, the MCP
 * endpoint's path, the 401 scope hint and the metadata document. The hint and the document are computed at
 * first use, after the tools were read.
 */
public final class McpGuard {

    private final LogtoResourceServer logto;
    private final McpToolRequirements tools;
    private final McpSessionBindings sessions = new McpSessionBindings();
    private final String endpoint;
    private final RequestMatcher endpointMatcher;
    private final List<String> configuredHint;
    private final int maxRequestBytes;
    private final Supplier<Set<String>> otherScopes;
    private volatile Challenges challenges;
    private volatile String metadataJson;

    /**
     * Creates the shared state.
     *
     * @param logto           the resource server
     * @param tools           the tools' requirements
     * @param endpoint        the MCP endpoint's path, e.g. {@code /mcp}
     * @param scopeHint       the 401 scope hint; null for the scopes of the tools that need a global API token
     * @param maxRequestBytes the largest {@code POST} body read
     * @param otherScopes     further scopes for {@code scopes_supported} (e.g. of annotated MVC endpoints)
     */
    public McpGuard(LogtoResourceServer logto, McpToolRequirements tools, String endpoint, Collection<String> scopeHint,
                    int maxRequestBytes, Supplier<Set<String>> otherScopes) {
        this.logto = Objects.requireNonNull(logto, "logto");
        this.tools = Objects.requireNonNull(tools, "tools");
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.endpointMatcher = PathPatternRequestMatcher.withDefaults().matcher(endpoint);
        this.configuredHint = scopeHint == null ? null : List.copyOf(scopeHint);
        this.maxRequestBytes = maxRequestBytes;
        this.otherScopes = otherScopes;
        if (configuredHint != null) {
            logto.challenges().withScopeHint(configuredHint); // a bad scope name fails startup
        }
    }

    /** The resource server. */
    public LogtoResourceServer logto() {
        return logto;
    }

    /** The tools' requirements. */
    public McpToolRequirements tools() {
        return tools;
    }

    /** The session bindings. */
    public McpSessionBindings sessions() {
        return sessions;
    }

    /** The largest {@code POST} body read, in bytes. */
    public int maxRequestBytes() {
        return maxRequestBytes;
    }

    /** The MCP endpoint's path. */
    public String endpoint() {
        return endpoint;
    }

    /**
     * Whether a request is for the MCP endpoint.
     *
     * @param request the request
     * @return true when its path within the application, decoded and matched as Spring MVC matches the MCP
     *         server's route, is the endpoint
     */
    public boolean isEndpoint(HttpServletRequest request) {
        return endpointMatcher.matches(request);
    }

    /** The core's challenges with the 401 scope hint. */
    public Challenges challenges() {
        Challenges current = challenges;
        if (current == null) {
            current = logto.challenges().withScopeHint(configuredHint != null ? configuredHint : tools.globalScopes());
            challenges = current;
        }
        return current;
    }

    /**
     * The paths the metadata document is served at: the RFC 9728 root location and the location announced in
     * challenges ({@code /.well-known/oauth-protected-resource/mcp} for a resource {@code https://host/mcp}).
     */
    public List<String> metadataPaths() {
        List<String> paths = new ArrayList<>(2);
        paths.add(ProtectedResourceMetadata.PATH);
        logto.config().resourceMetadataUri().map(URI::getRawPath)
                .filter(path -> path.startsWith(ProtectedResourceMetadata.PATH + "/"))
                .ifPresent(paths::add);
        return paths;
    }

    /** The RFC 9728 document: the configured scopes, the tools' scopes and the other endpoints' scopes. */
    public String metadataJson() {
        String json = metadataJson;
        if (json == null) {
            Set<String> scopes = new TreeSet<>(tools.scopes());
            scopes.addAll(otherScopes.get());
            json = logto.metadata().withScopes(scopes).toJson();
            metadataJson = json;
        }
        return json;
    }
}
