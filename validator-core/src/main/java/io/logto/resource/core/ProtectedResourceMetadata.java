package io.logto.resource.core;

import io.logto.resource.core.internal.Json;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The OAuth 2.0 Protected Resource Metadata document (RFC 9728) served at {@link #PATH}: this API's
 * resource identifier, the Logto issuer(s) as authorization servers, the scopes it knows, and
 * {@code bearer_methods_supported} = {@code ["header"]}. Immutable.
 */
public final class ProtectedResourceMetadata {

    /** Where the document is served: {@code /.well-known/oauth-protected-resource}. */
    public static final String PATH = "/.well-known/oauth-protected-resource";

    private final String resource;
    private final List<String> authorizationServers;
    private final Set<String> scopesSupported;
    private final String json;

    private ProtectedResourceMetadata(String resource, List<String> authorizationServers, Set<String> scopes) {
        this.resource = resource;
        this.authorizationServers = List.copyOf(authorizationServers);
        this.scopesSupported = Set.copyOf(scopes);
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("resource", resource);
        document.put("authorization_servers", this.authorizationServers);
        document.put("scopes_supported", List.copyOf(new TreeSet<>(scopes)));
        document.put("bearer_methods_supported", List.of("header"));
        this.json = Json.write(document);
    }

    /**
     * The metadata of a configuration: the primary audience as {@code resource}, every configured issuer
     * as an authorization server, and the configured scopes.
     *
     * @param config the configuration
     * @return the metadata
     */
    public static ProtectedResourceMetadata of(LogtoConfig config) {
        return new ProtectedResourceMetadata(config.audiences().get(0), config.issuers(), config.scopesSupported());
    }

    /**
     * The same document listing more scopes, e.g. those an adapter found on annotated endpoints.
     *
     * @param scopes scope names to add
     * @return a new metadata document
     */
    public ProtectedResourceMetadata withScopes(Collection<String> scopes) {
        Set<String> all = new TreeSet<>(scopesSupported);
        all.addAll(scopes);
        return new ProtectedResourceMetadata(resource, authorizationServers, all);
    }

    /** The {@code resource} value: the primary API resource indicator. */
    public String resource() {
        return resource;
    }

    /** The {@code authorization_servers} value: the accepted issuers. */
    public List<String> authorizationServers() {
        return authorizationServers;
    }

    /** The {@code scopes_supported} value. */
    public Set<String> scopesSupported() {
        return scopesSupported;
    }

    /** The JSON document, to be served with content type {@code application/json}. */
    public String toJson() {
        return json;
    }

    /** The JSON document. */
    @Override
    public String toString() {
        return json;
    }
}
