package io.logto.resource.servlet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A route's path pattern, matched segment by segment without regular expressions: literal segments,
 * {@code {name}} (exactly one segment, captured as a path variable), {@code *} (exactly one segment) and a
 * final {@code **} (zero or more segments). A trailing slash is ignored on patterns and paths alike.
 */
final class PathPattern {

    private static final String ANY_SEGMENT = "*";
    private static final String ANY_REST = "**";

    private final String text;
    private final List<String> segments;
    private final boolean rest;
    private final Set<String> variables;

    private PathPattern(String text, List<String> segments, boolean rest, Set<String> variables) {
        this.text = text;
        this.segments = segments;
        this.rest = rest;
        this.variables = variables;
    }

    /**
     * Parses a pattern such as {@code /api/organizations/{orgId}/members} or {@code /static/**}.
     *
     * @throws IllegalArgumentException naming the pattern when it is not of that form
     */
    static PathPattern parse(String pattern) {
        if (pattern.isEmpty() || pattern.charAt(0) != '/' || pattern.contains("//")) {
            throw new IllegalArgumentException("path pattern '" + pattern + "' must start with '/' and have no empty segments");
        }
        String trimmed = pattern.length() > 1 && pattern.endsWith("/") ? pattern.substring(0, pattern.length() - 1) : pattern;
        List<String> segments = new ArrayList<>();
        Set<String> variables = new LinkedHashSet<>();
        boolean rest = false;
        for (String segment : trimmed.equals("/") ? new String[0] : trimmed.substring(1).split("/")) {
            if (rest) {
                throw new IllegalArgumentException("path pattern '" + pattern + "' may only end with '**'");
            }
            if (segment.equals(ANY_REST)) {
                rest = true;
                continue;
            }
            if (segment.length() > 2 && segment.startsWith("{") && segment.endsWith("}")) {
                String name = segment.substring(1, segment.length() - 1);
                if (!name.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_' || c == '-')) {
                    throw new IllegalArgumentException("path pattern '" + pattern + "' has an invalid variable name '" + name + "'");
                }
                if (!variables.add(name)) {
                    throw new IllegalArgumentException("path pattern '" + pattern + "' repeats variable {" + name + "}");
                }
            } else if (!segment.equals(ANY_SEGMENT) && (!RequestPath.isCanonical(segment) || segment.contains("*"))) {
                throw new IllegalArgumentException("path pattern '" + pattern + "' has an invalid segment '" + segment
                        + "'; use unencoded literal text, {name}, * or a final **");
            }
            segments.add(segment);
        }
        return new PathPattern(pattern, List.copyOf(segments), rest, Set.copyOf(variables));
    }

    /**
     * Matches the segments of a canonical request path.
     *
     * @param path the segments from {@link RequestPath#segments(String)}
     * @return the path variables by name, or null when the path does not match
     */
    Map<String, String> match(List<String> path) {
        if (rest ? path.size() < segments.size() : path.size() != segments.size()) {
            return null;
        }
        Map<String, String> values = variables.isEmpty() ? Map.of() : new HashMap<>(4);
        for (int i = 0; i < segments.size(); i++) {
            String segment = segments.get(i);
            if (segment.charAt(0) == '{') {
                values.put(segment.substring(1, segment.length() - 1), path.get(i));
            } else if (!segment.equals(ANY_SEGMENT) && !segment.equals(path.get(i))) {
                return null;
            }
        }
        return values;
    }

    /** The names of the {@code {name}} variables. */
    Set<String> variables() {
        return variables;
    }

    /** The pattern as written. */
    @Override
    public String toString() {
        return text;
    }
}
