package io.logto.resource.benchmarks;

/**
 * Writes (or confirms) the token pools every benchmark reads, so that the first trial does not pay for
 * signing them. {@code run.sh} calls it before JMH; running the benchmarks without it also works.
 */
public final class PrepareTokens {

    private PrepareTokens() {
    }

    /**
     * Loads or generates the pool of each algorithm and prints how long it took.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        for (TokenAlgorithm algorithm : new TokenAlgorithm[] {TokenAlgorithm.ES384, TokenAlgorithm.ES256, TokenAlgorithm.RS256}) {
            long start = System.nanoTime();
            TokenPool pool = TokenPool.load(algorithm, TokenValidationBenchmark.UNIQUE_POOL);
            System.out.printf("%-10s %,d tokens ready in %.1f s%n", algorithm, pool.tokens().length,
                    (System.nanoTime() - start) / 1e9);
        }
    }
}
