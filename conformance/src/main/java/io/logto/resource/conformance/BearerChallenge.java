package io.logto.resource.conformance;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code WWW-Authenticate} value read as an RFC 6750 section 3 challenge: the scheme and its
 * {@code name="value"} parameters.
 */
record BearerChallenge(String scheme, Map<String, String> parameters) {

    private static final Pattern PARAMETER = Pattern.compile("\\s*([A-Za-z0-9_]+)=\"((?:[^\"\\\\]|\\\\.)*)\"\\s*(,|$)");

    /**
     * Reads a challenge.
     *
     * @throws IllegalArgumentException when the value is not a scheme followed by quoted parameters
     */
    static BearerChallenge parse(String value) {
        String trimmed = value.trim();
        int space = trimmed.indexOf(' ');
        String scheme = space < 0 ? trimmed : trimmed.substring(0, space);
        Map<String, String> parameters = new LinkedHashMap<>();
        if (space >= 0) {
            Matcher matcher = PARAMETER.matcher(trimmed);
            int position = space + 1;
            while (position < trimmed.length()) {
                if (!matcher.find(position) || matcher.start() != position) {
                    throw new IllegalArgumentException("not an RFC 6750 challenge: " + value);
                }
                if (parameters.put(matcher.group(1), matcher.group(2).replaceAll("\\\\(.)", "$1")) != null) {
                    throw new IllegalArgumentException("repeated parameter " + matcher.group(1) + " in " + value);
                }
                position = matcher.end();
            }
        }
        return new BearerChallenge(scheme, parameters);
    }

    /** A parameter's value, or null. */
    String parameter(String name) {
        return parameters.get(name);
    }
}
