package io.logto.resource.core.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * URL rules shared by configuration and key retrieval: absolute {@code https} URLs, with plain
 * {@code http} only for loopback hosts unless explicitly allowed.
 */
public final class Urls {

    private static final String METADATA_WELL_KNOWN = "/.well-known/oauth-protected-resource";

    private Urls() {
    }

    /**
     * Checks that {@code value} is an absolute http(s) URL without query, fragment or trailing slash.
     *
     * @return the value, unchanged
     * @throws IllegalArgumentException naming {@code setting} and what to fix
     */
    public static String requireBaseUrl(String setting, String value, boolean allowInsecureHttp) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(setting + " must not be blank");
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(setting + " '" + value + "' is not a valid URL: "
                    + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new IllegalArgumentException(setting + " '" + value
                    + "' must be an absolute https URL, e.g. https://<tenant>.logto.app/oidc");
        }
        if (scheme.equals("http") && !allowInsecureHttp && !isLoopbackHost(uri.getHost())) {
            throw new IllegalArgumentException(setting + " '" + value + "' uses http to a host that is "
                    + "not loopback; use https (or allowInsecureHttp for a private network you control)");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException(setting + " '" + value
                    + "' must not contain user info, a query or a fragment");
        }
        if (value.endsWith("/")) {
            throw new IllegalArgumentException(setting + " '" + value + "' must not end with '/'; "
                    + "Logto issuers look like https://<tenant>.logto.app/oidc");
        }
        return value;
    }

    /** Whether a URL may be fetched: https, or http to loopback, or http when allowed. */
    public static boolean isFetchable(URI uri, boolean allowInsecureHttp) {
        if (uri == null || !uri.isAbsolute() || uri.getHost() == null) {
            return false;
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        return scheme.equals("https")
                || (scheme.equals("http") && (allowInsecureHttp || isLoopbackHost(uri.getHost())));
    }

    /** Whether the host is a loopback name or literal, decided without DNS. */
    public static boolean isLoopbackHost(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.equals("localhost") || h.endsWith(".localhost") || h.equals("::1")
                || h.equals("0:0:0:0:0:0:0:1") || h.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }

    /** Whether the text parses as an absolute URI (has a scheme). */
    public static boolean isAbsoluteUri(String value) {
        try {
            URI uri = new URI(value);
            return uri.isAbsolute() && uri.getRawFragment() == null && isQuotableParameter(value);
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /**
     * The RFC 9728 section 3.1 metadata URL for a resource identifier: the well-known path inserted
     * between the authority and the path. Empty when the resource is not an http(s) URL.
     */
    public static Optional<URI> wellKnownMetadataUri(String resource) {
        try {
            URI uri = new URI(resource);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http")) || uri.getRawAuthority() == null) {
                return Optional.empty();
            }
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            if (path.endsWith("/")) {
                path = path.substring(0, path.length() - 1);
            }
            return Optional.of(URI.create(scheme + "://" + uri.getRawAuthority() + METADATA_WELL_KNOWN + path));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** Whether the text may stand inside a quoted auth-param: printable ASCII without {@code "} and {@code \}. */
    public static boolean isQuotableParameter(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    /** Whether the text is one RFC 6749 scope-token: NQCHAR without space. */
    public static boolean isScopeToken(String value) {
        if (value.isEmpty()) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= 0x20 || c > 0x7e || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }
}
