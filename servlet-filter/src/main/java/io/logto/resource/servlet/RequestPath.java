package io.logto.resource.servlet;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits request paths into segments for route matching, refusing every path that a container or an
 * application could read differently from the filter: percent-encoding, {@code ;} parameters, backslashes,
 * {@code .} or {@code ..} segments, empty segments. Nothing is decoded, so nothing is decoded twice.
 */
final class RequestPath {

    private RequestPath() {
    }

    /**
     * The segments of a context-relative path as sent by the client; one trailing slash is ignored.
     *
     * @param path the path, e.g. {@code /api/reports}; empty means {@code /}
     * @return the segments, or null when the path is not in canonical form
     */
    static List<String> segments(String path) {
        if (path.isEmpty() || path.equals("/")) {
            return List.of();
        }
        if (path.charAt(0) != '/' || path.contains("//")) {
            return null;
        }
        int end = path.endsWith("/") ? path.length() - 1 : path.length();
        List<String> segments = new ArrayList<>(8);
        int start = 1;
        while (start <= end) {
            int slash = path.indexOf('/', start);
            int stop = slash < 0 || slash > end ? end : slash;
            String segment = path.substring(start, stop);
            if (!isCanonical(segment)) {
                return null;
            }
            segments.add(segment);
            start = stop + 1;
        }
        return segments;
    }

    /** Whether a segment is non-empty, not a dot segment, and made of unencoded RFC 3986 path characters other than ';'. */
    static boolean isCanonical(String segment) {
        if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
            return false;
        }
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "-._~!$&'()*+,=:@".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
