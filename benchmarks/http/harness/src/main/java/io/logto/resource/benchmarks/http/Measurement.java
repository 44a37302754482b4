package io.logto.resource.benchmarks.http;

/**
 * One load shape on one server, in one round.
 *
 * @param target the framework, e.g. {@code spring}
 * @param app {@code sample} (this SDK) or {@code peer}
 * @param shape {@code public}, {@code public-padded}, {@code repeated} or {@code unique}
 * @param round which round of the interleaved shapes this is, from 1 ({@code unique} is measured once: 1)
 * @param wrk what wrk measured
 * @param cpuMicros server process CPU time (user + system) during the run
 */
public record Measurement(String target, String app, String shape, int round, WrkResult wrk, long cpuMicros) {

    /** Server CPU time per completed request, in microseconds. */
    public double cpuMicrosPerRequest() {
        return wrk.requests() == 0 ? 0 : (double) cpuMicros / wrk.requests();
    }
}
