package io.logto.resource.conformance;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One HTTP answer of the sample: status, headers (names in any case) and body. */
record Answer(int status, Map<String, List<String>> headers, String body) {

    Answer {
        Map<String, List<String>> caseInsensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        caseInsensitive.putAll(headers);
        headers = caseInsensitive;
    }

    /** Every value of a header, in order; empty when absent. */
    List<String> header(String name) {
        return headers.getOrDefault(name, List.of());
    }

    /** The {@code Content-Type}, or an empty string. */
    String contentType() {
        return header("Content-Type").stream().findFirst().orElse("");
    }

    @Override
    public String toString() {
        String shortBody = body.length() > 500 ? body.substring(0, 500) + "..." : body;
        return status + ", WWW-Authenticate " + header("WWW-Authenticate") + ", Content-Type " + header("Content-Type")
                + ", body " + shortBody;
    }
}
