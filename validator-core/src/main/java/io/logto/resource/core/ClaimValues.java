package io.logto.resource.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reading and freezing claim values: the JSON shapes the checks accept, and the verified token's copy. */
final class ClaimValues {

    private ClaimValues() {
    }

    /** Whether a claim is present with the JSON value {@code null}. */
    static boolean isNull(Map<String, Object> claims, String name) {
        return claims.containsKey(name) && claims.get(name) == null;
    }

    /** A non-empty string, or a non-empty list of non-empty strings; null for anything else. */
    static List<String> stringOrStringList(Object aud) {
        if (aud instanceof String) {
            return ((String) aud).isEmpty() ? null : List.of((String) aud);
        }
        if (aud instanceof List) {
            List<String> values = new ArrayList<>();
            for (Object item : (List<?>) aud) {
                if (!(item instanceof String) || ((String) item).isEmpty()) {
                    return null;
                }
                values.add((String) item);
            }
            return values;
        }
        return null;
    }

    static String nonEmptyString(Object value) {
        return value instanceof String && !((String) value).isEmpty() ? (String) value : null;
    }

    static Set<String> parseScopes(String scope) {
        if (scope == null || scope.isBlank()) {
            return Set.of();
        }
        Set<String> scopes = new HashSet<>();
        int start = 0;
        int length = scope.length();
        while (start < length) {
            int end = scope.indexOf(' ', start);
            if (end < 0) {
                end = length;
            }
            if (end > start) {
                scopes.add(scope.substring(start, end));
            }
            start = end + 1;
        }
        return Set.copyOf(scopes);
    }

    /** A deep read-only copy of the claims, leaving out JSON nulls. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> freeze(Map<String, Object> claims) {
        Map<String, Object> copy = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : claims.entrySet()) {
            if (entry.getValue() != null) {
                copy.put(canonicalName(entry.getKey()), freezeValue(entry.getValue()));
            }
        }
        return Map.copyOf(copy);
    }

    @SuppressWarnings("unchecked")
    private static Object freezeValue(Object value) {
        if (value instanceof Map) {
            return freeze((Map<String, Object>) value);
        }
        if (value instanceof List) {
            List<Object> items = new ArrayList<>();
            for (Object item : (List<Object>) value) {
                items.add(item == null ? null : freezeValue(item));
            }
            return Collections.unmodifiableList(items);
        }
        return value;
    }

    /** Canonical instances of the claim names Logto uses, so cached tokens share them. */
    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("iss", "iss"), Map.entry("sub", "sub"), Map.entry("aud", "aud"), Map.entry("exp", "exp"),
            Map.entry("iat", "iat"), Map.entry("nbf", "nbf"), Map.entry("jti", "jti"),
            Map.entry("client_id", "client_id"), Map.entry("scope", "scope"),
            Map.entry("organization_id", "organization_id"));

    private static String canonicalName(String name) {
        return NAMES.getOrDefault(name, name);
    }
}
