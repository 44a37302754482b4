package io.logto.resource.benchmarks.http;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One wrk run as reported by {@code bench.lua}'s {@code done()} line ({@code BENCH {...}}).
 *
 * @param requests completed requests
 * @param durationMicros run duration
 * @param p50Micros median latency
 * @param p99Micros 99th percentile latency
 * @param errors socket errors (connect, read, write, timeout) plus non-2xx/3xx responses
 * @param wraps how often a thread ran out of pool tokens and started again (unique shape: tokens repeated)
 */
public record WrkResult(long requests, long durationMicros, long p50Micros, long p99Micros, long errors, long wraps) {

    private static final Pattern FIELD = Pattern.compile("\"(\\w+)\":(\\d+)");

    /**
     * Parses wrk's output.
     *
     * @param output everything wrk printed
     * @return the result
     * @throws IllegalArgumentException when there is no {@code BENCH} line
     */
    public static WrkResult parse(String output) {
        String line = output.lines().filter(l -> l.startsWith("BENCH {")).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no BENCH line in wrk output"));
        java.util.Map<String, Long> f = new java.util.HashMap<>();
        Matcher m = FIELD.matcher(line);
        while (m.find()) {
            f.put(m.group(1), Long.parseLong(m.group(2)));
        }
        long errors = f.get("connect") + f.get("read") + f.get("write") + f.get("timeout") + f.get("status");
        return new WrkResult(f.get("requests"), f.get("duration_us"), f.get("p50_us"), f.get("p99_us"), errors,
                f.get("wraps"));
    }

    /** Requests per second. */
    public double requestsPerSecond() {
        return durationMicros == 0 ? 0 : requests * 1_000_000.0 / durationMicros;
    }
}
