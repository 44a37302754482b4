package io.logto.resource.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * CPU time the calling thread spends per verification, measured with {@link ThreadMXBean} on that thread
 * only: what {@code verifyAsync} runs on an event loop for a token not seen before whose key is in memory
 * (shape, header, signature, claims). Thread CPU time is not inflated by other processes taking the CPU,
 * so this stays meaningful on a busy machine where JMH's wall-clock throughput does not.
 *
 * <p>Each round verifies every token of a 20,000-token pool once with a fresh verifier (so none is a cache
 * hit) and prints microseconds of caller-thread CPU per token; the first rounds include JIT warm-up.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar io.logto.resource.benchmarks.CallerThreadCpu ES384 logtoCachedAsync 6
 * }</pre>
 */
public final class CallerThreadCpu {

    private CallerThreadCpu() {
    }

    /**
     * Runs the rounds.
     *
     * @param args algorithm ({@link TokenAlgorithm}), library ({@link Library}), rounds
     * @throws Exception when a library refuses a valid token
     */
    public static void main(String[] args) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        TokenAlgorithm alg = TokenAlgorithm.valueOf(args.length > 0 ? args[0] : "ES384");
        Library library = Library.valueOf(args.length > 1 ? args[1] : "logtoCachedAsync");
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 6;
        TokenPool pool = TokenPool.load(alg, TokenValidationBenchmark.UNIQUE_POOL);
        try (LoopbackJwks jwks = LoopbackJwks.serve(pool.jwksJson())) {
            String[] tokens = pool.tokens();
            for (int round = 0; round < rounds; round++) {
                try (TokenValidator validator = library.create(pool, jwks)) {
                    long before = threads.getCurrentThreadCpuTime();
                    for (String token : tokens) {
                        if (validator.validate(token) == null) {
                            throw new IllegalStateException(library + " returned null");
                        }
                    }
                    long cpu = threads.getCurrentThreadCpuTime() - before;
                    System.out.printf("%s %s round %d: %.1f us caller-thread CPU per unseen token%n",
                            alg, library, round, cpu / 1000.0 / tokens.length);
                }
            }
        }
    }
}
