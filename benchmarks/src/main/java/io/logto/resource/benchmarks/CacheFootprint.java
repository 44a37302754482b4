package io.logto.resource.benchmarks;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Measures what the SDK's verified-token cache costs in memory: the heap retained per cached token,
 * and the bytes allocated by one cache hit.
 *
 * <p>Method, retained: load {@code N} tokens (held before and after, so they are not counted), build a
 * verifier and fetch its keys, force full collections until the used heap is stable, record it; verify
 * all {@code N} tokens (each a miss that stores one entry); force full collections again; the difference
 * divided by {@code N} is the heap retained per cached token (the verified-token object with its claims,
 * scopes and audience, the digest key, and Caffeine's node, table slot and frequency sketch share). The
 * same is repeated with the cache off as a control, which must come out near zero. Run it with
 * {@code -XX:+UseSerialGC} so that {@code System.gc()} is a full, compacting collection.
 *
 * <p>Method, allocation per hit: after the cache holds all {@code N} tokens and the hit path has been
 * compiled by 2,000,000 warm-up hits, the thread's allocated-bytes counter
 * ({@code com.sun.management.ThreadMXBean}) is read around {@code H} hits (every one a hit, the tokens
 * cycled in order) and divided by {@code H}. JMH's {@code -prof gc} on {@code logtoCached}/{@code repeated}
 * measures the same thing independently ({@code gc.alloc.rate.norm}).
 *
 * <p>Arguments: {@code [N] [alg] [json-output-file]}; defaults 10,000 (the default cache size), ES384,
 * no file.
 */
public final class CacheFootprint {

    private static final int HITS = 5_000_000;

    private CacheFootprint() {
    }

    /**
     * Runs both measurements and prints them (and writes them as JSON when a file is named).
     *
     * @param args {@code [N] [alg] [json-output-file]}
     * @throws Exception when the SDK cannot be set up or a token is refused
     */
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        TokenAlgorithm alg = args.length > 1 ? TokenAlgorithm.valueOf(args[1]) : TokenAlgorithm.ES384;
        TokenPool pool = TokenPool.load(alg, Math.max(n, 1_000));
        String[] tokens = java.util.Arrays.copyOf(pool.tokens(), n);

        try (LoopbackJwks jwks = LoopbackJwks.serve(pool.jwksJson())) {
            warmUp(pool, jwks);
            double controlPerToken;
            try (TokenValidator uncached = Library.logto(jwks, 0)) {
                controlPerToken = retainedPerToken(uncached, java.util.Arrays.copyOf(tokens, Math.min(n, 2_000)));
            }
            double retainedPerToken;
            double allocatedPerHit;
            try (TokenValidator cached = Library.logto(jwks, n)) {
                retainedPerToken = retainedPerToken(cached, tokens);
                allocatedPerHit = allocatedPerHit(cached, tokens);
            }
            double allocatedPerMiss = allocatedPerMiss(jwks, tokens);

            String gc = ManagementFactory.getGarbageCollectorMXBeans().get(0).getName();
            String report = String.format(Locale.ROOT,
                    "{\"tokens\": %d, \"alg\": \"%s\", \"gc\": \"%s\", \"java\": \"%s\",%n"
                            + " \"retainedBytesPerCachedToken\": %.1f, \"retainedBytesPerTokenWithCacheOff\": %.1f,%n"
                            + " \"allocatedBytesPerCacheHit\": %.1f, \"allocatedBytesPerUncachedVerification\": %.1f}%n",
                    n, alg, gc, System.getProperty("java.vm.version"), retainedPerToken, controlPerToken,
                    allocatedPerHit, allocatedPerMiss);
            System.out.print(report);
            if (args.length > 2) {
                Files.writeString(Path.of(args[2]), report, StandardCharsets.UTF_8);
            }
        }
    }

    /** Loads the classes and compiles the miss path with a throw-away verifier. */
    private static void warmUp(TokenPool pool, LoopbackJwks jwks) throws Exception {
        try (TokenValidator validator = Library.logto(jwks, 1_000)) {
            for (int i = 0; i < 1_000; i++) {
                validator.validate(pool.tokens()[i]);
            }
        }
    }

    private static double retainedPerToken(TokenValidator validator, String[] tokens) throws Exception {
        long before = usedHeapAfterFullGc();
        for (String token : tokens) {
            validator.validate(token);
        }
        // the hit path as well, so anything it allocates lazily is in the second measurement too
        for (String token : tokens) {
            validator.validate(token);
        }
        long after = usedHeapAfterFullGc();
        reachabilityFence(validator);
        return (after - before) / (double) tokens.length;
    }

    /** Hits only: every token was verified (and cached) by {@link #retainedPerToken} before. */
    private static double allocatedPerHit(TokenValidator validator, String[] tokens) throws Exception {
        int mask = Integer.highestOneBit(tokens.length) - 1;
        long sink = 0;
        for (int i = 0; i < 2_000_000; i++) {
            sink += validator.validate(tokens[i & mask]).hashCode();
        }
        long before = threadAllocatedBytes();
        for (int i = 0; i < HITS; i++) {
            sink += validator.validate(tokens[i & mask]).hashCode();
        }
        long allocated = threadAllocatedBytes() - before;
        if (sink == 42) {
            System.out.print("");
        }
        return allocated / (double) HITS;
    }

    private static double allocatedPerMiss(LoopbackJwks jwks, String[] tokens) throws Exception {
        try (TokenValidator validator = Library.logto(jwks, 0)) {
            int count = Math.min(tokens.length, 500);
            for (int i = 0; i < count; i++) {
                validator.validate(tokens[i]);
            }
            long before = threadAllocatedBytes();
            for (int i = 0; i < count; i++) {
                validator.validate(tokens[i]);
            }
            return (threadAllocatedBytes() - before) / (double) count;
        }
    }

    private static long usedHeapAfterFullGc() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 10; i++) {
            System.gc();
            Thread.sleep(50);
            long now = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            if (Math.abs(now - used) < 1024) {
                return now;
            }
            used = now;
        }
        return used;
    }

    private static long threadAllocatedBytes() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        return threads.getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    private static void reachabilityFence(Object o) {
        java.lang.ref.Reference.reachabilityFence(o);
    }
}
