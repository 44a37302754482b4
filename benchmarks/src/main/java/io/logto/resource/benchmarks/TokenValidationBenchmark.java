package io.logto.resource.benchmarks;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Validates the same Logto-shaped access tokens with each library, one token per operation.
 *
 * <ul>
 *   <li>{@code library}: see {@link Library} for how each one is configured.</li>
 *   <li>{@code alg}: ES384 (Logto's default), ES256, RS256 (RSA-4096, Logto's RSA key size).</li>
 *   <li>{@code traffic}: {@code unique} sends a token never seen before on every operation (a pool of
 *       {@value #UNIQUE_POOL} distinct tokens; when it wraps, the SDK's cached verifier is replaced by a
 *       fresh one built at setup, so its cache never sees a token twice and keeps paying for misses,
 *       insertions and, past 10,000 entries, evictions); {@code repeated} draws uniformly at random from
 *       {@value #REPEATED_DISTINCT} distinct tokens, like clients reusing their tokens for their lifetime;
 *       the SDK's cache starts warm (each of those tokens verified once during setup), the steady state of
 *       a server that has been up for a minute.</li>
 * </ul>
 *
 * <p>Setup checks that each library accepts the tokens and refuses a tampered, wrong-audience,
 * wrong-issuer and (where configured) wrong-type token; a refusal while measuring throws, so an error
 * path can never be measured silently. For this SDK, a JWKS request during an iteration fails it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 4, time = 3)
public class TokenValidationBenchmark {

    /** Distinct tokens in the {@code unique} pool. */
    public static final int UNIQUE_POOL = 20_000;
    /** Distinct tokens in the {@code repeated} traffic. */
    public static final int REPEATED_DISTINCT = 1_000;
    /** Fresh cached verifiers prepared per iteration for {@code unique} traffic (one per pass over the pool). */
    private static final int FRESH_VERIFIERS_PER_ITERATION = 6;
    private static final int ORDER_MASK = (1 << 16) - 1;

    /** The library under test. */
    @Param({"logtoCached", "logtoUncached", "springNimbusJwtDecoder", "nimbusDefaultJwtProcessor", "smallryeJwt",
            "jose4j", "auth0"})
    public String library;

    /** The signing algorithm. */
    @Param({"ES384", "ES256", "RS256"})
    public String alg;

    /** {@code unique} or {@code repeated}. */
    @Param({"unique", "repeated"})
    public String traffic;

    private Library lib;
    private TokenPool pool;
    private LoopbackJwks jwks;
    private TokenValidator validator;
    private String[] tokens;
    private int[] order;
    private int next;
    private boolean freshCachePerPass;
    private TokenValidator[] fresh;
    private int pass;
    private int jwksRequestsAtStart;

    /**
     * Loads the tokens, builds the library and checks that it accepts and refuses what it should.
     *
     * @throws Exception when a library cannot be configured or fails a check
     */
    @Setup(Level.Trial)
    public void setUpTrial() throws Exception {
        lib = Library.valueOf(library);
        boolean unique = "unique".equals(traffic);
        pool = TokenPool.load(TokenAlgorithm.valueOf(alg), UNIQUE_POOL);
        jwks = LoopbackJwks.serve(pool.jwksJson());
        freshCachePerPass = unique && lib.cachesTokens();
        validator = lib.create(pool, jwks);
        lib.check(validator, pool, 3);
        if (unique) {
            tokens = pool.tokens();
            order = null;
        } else {
            tokens = new String[REPEATED_DISTINCT];
            System.arraycopy(pool.tokens(), 0, tokens, 0, REPEATED_DISTINCT);
            order = new int[ORDER_MASK + 1];
            SplittableRandom random = new SplittableRandom(42);
            for (int i = 0; i < order.length; i++) {
                order[i] = random.nextInt(REPEATED_DISTINCT);
            }
            if (lib.cachesTokens()) {
                // steady state of a server that has been up for a while: each client's token seen before
                // (twice: the SDK caches a token from its second verification on)
                for (int pass = 0; pass < 2; pass++) {
                    for (String token : tokens) {
                        validator.validate(token);
                    }
                }
            }
        }
    }

    /** For {@code unique} traffic through the SDK's cache: fresh verifiers, so no token is ever seen twice. */
    @Setup(Level.Iteration)
    public void setUpIteration() throws Exception {
        if (freshCachePerPass) {
            closeFresh();
            validator.close();
            fresh = new TokenValidator[FRESH_VERIFIERS_PER_ITERATION];
            for (int i = 0; i < fresh.length; i++) {
                fresh[i] = lib.create(pool, jwks);
            }
            validator = fresh[0];
            pass = 0;
            next = 0;
        }
        jwksRequestsAtStart = jwks.requestCount();
    }

    /** Fails the iteration if this SDK fetched the JWKS while it was measured. */
    @TearDown(Level.Iteration)
    public void checkNoJwksRequest() {
        if (jwks.requestCount() != jwksRequestsAtStart) {
            throw new IllegalStateException("the JWKS was fetched during a measured iteration");
        }
    }

    /** Closes the library and the loopback server. */
    @TearDown(Level.Trial)
    public void tearDownTrial() {
        closeFresh();
        validator.close();
        jwks.close();
    }

    private void closeFresh() {
        if (fresh != null) {
            for (TokenValidator v : fresh) {
                v.close();
            }
            fresh = null;
        }
    }

    /**
     * Validates the next token.
     *
     * @return the library's verified token, consumed by JMH
     * @throws Exception when the library refuses a valid token (which fails the run)
     */
    @Benchmark
    public Object validate() throws Exception {
        String token;
        if (order != null) {
            token = tokens[order[next++ & ORDER_MASK]];
        } else {
            token = tokens[next++];
            if (next == tokens.length) {
                next = 0;
                if (freshCachePerPass) {
                    nextPass();
                }
            }
        }
        return validator.validate(token);
    }

    private void nextPass() {
        if (++pass == fresh.length) {
            throw new IllegalStateException("unique traffic ran out of fresh verifiers: raise "
                    + "FRESH_VERIFIERS_PER_ITERATION or UNIQUE_POOL");
        }
        validator = fresh[pass];
    }
}
