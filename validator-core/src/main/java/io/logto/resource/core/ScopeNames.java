package io.logto.resource.core;

import io.logto.resource.core.internal.Urls;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;

/**
 * The one scope-name grammar of the SDK: an RFC 6749 {@code scope-token}, one or more printable ASCII
 * characters other than space, {@code "} and {@code \}. Every requirement, annotation and rule is checked
 * against it once, when it is built, so that a scope name can never break a {@code WWW-Authenticate}
 * header or be confused with an organization-qualified role (those contain a space).
 */
final class ScopeNames {

    private ScopeNames() {
    }

    /**
     * Copies and checks scope names.
     *
     * @param scopes the names
     * @return an immutable copy
     * @throws IllegalArgumentException naming the first invalid scope (escaped), or when one is null
     */
    static Set<String> checked(Collection<String> scopes) {
        Objects.requireNonNull(scopes, "scopes");
        for (String scope : scopes) {
            if (!isValid(scope)) {
                throw new IllegalArgumentException("Invalid scope name " + printable(scope)
                        + ": a scope is one or more printable ASCII characters other than space, '\"' and '\\'"
                        + " (RFC 6749 scope-token)");
            }
        }
        return Set.copyOf(scopes);
    }

    /**
     * Whether a string is a valid scope name.
     *
     * @param scope the candidate, may be null
     * @return true for an RFC 6749 scope-token
     */
    static boolean isValid(String scope) {
        return scope != null && Urls.isScopeToken(scope);
    }

    /** A scope name as Java would write it, with control and non-ASCII characters escaped. */
    private static String printable(String scope) {
        if (scope == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < scope.length(); i++) {
            char c = scope.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7E) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
