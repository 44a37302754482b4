package io.logto.resource.benchmarks;

import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.util.Base64URL;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * A cross-check of the JMH ratios that holds up on a machine shared with other work: every variant runs
 * in the same JVM, in short alternating slices (A, B, C, A, B, C, ...), so all of them see the same
 * background load, and the cost of each is the median over the rounds of the benchmark thread's CPU
 * time per operation ({@code ThreadMXBean}, nanosecond resolution; garbage collection threads are not
 * included, so compare the allocation per operation from the JMH run alongside).
 *
 * <p>Arguments: {@code signatures <alg>} compares JDK, Bouncy Castle with a JDK key, Bouncy Castle with
 * its own key and (ECDSA) Bouncy Castle's low-level API, like {@link SignatureProviderBenchmark};
 * {@code libraries <alg>} compares the libraries on {@code unique} traffic, like
 * {@link TokenValidationBenchmark}: this SDK with its cache on (a fresh verifier for each pass over the
 * token pool, built inside the measured slice, so no token is seen twice and the SDK pays for its setup)
 * and off, and the others. An optional third argument names a JSON file to write.
 */
public final class InterleavedComparison {

    private static final int ROUNDS = 15;
    private static final long SLICE_NANOS = 300_000_000L;

    private InterleavedComparison() {
    }

    /**
     * Runs one comparison and prints a table.
     *
     * @param args {@code signatures|libraries <alg> [json-file]}
     * @throws Exception when a variant cannot be built or refuses a valid token
     */
    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "signatures";
        TokenAlgorithm alg = TokenAlgorithm.valueOf(args.length > 1 ? args[1] : "ES384");
        TokenPool pool = TokenPool.load(alg, TokenValidationBenchmark.UNIQUE_POOL);
        String[] tokens = pool.tokens();
        Map<String, TokenValidator> variants = new LinkedHashMap<>();
        LoopbackJwks jwks = LoopbackJwks.serve(pool.jwksJson());
        try {
            if (mode.equals("signatures")) {
                JWK key = pool.jwkSet().getKeys().get(0);
                BouncyCastleProvider bc = new BouncyCastleProvider();
                variants.put("JDK", signature(SignatureProviderBenchmark.verifier(key, null, false)));
                variants.put("BC", signature(SignatureProviderBenchmark.verifier(key, bc, false)));
                variants.put("BC_NATIVE_KEY", signature(SignatureProviderBenchmark.verifier(key, bc, true)));
                if (alg.isEc()) {
                    variants.put("BC_LIGHTWEIGHT", signature(new LightweightEcdsaVerifier(
                            ((ECKey) key).toECPublicKey(), bc, alg == TokenAlgorithm.ES384 ? "SHA-384" : "SHA-256")));
                }
            } else {
                for (Library library : Library.values()) {
                    TokenValidator validator = library.create(pool, jwks);
                    library.check(validator, pool, 3);
                    if (library.cachesTokens()) {
                        validator.close();
                        validator = new FreshPerPass(() -> library.create(pool, jwks), tokens.length);
                    }
                    variants.put(library.name(), validator);
                }
            }
            run(mode, alg, tokens, variants, args.length > 2 ? Path.of(args[2]) : null);
        } finally {
            for (TokenValidator v : variants.values()) {
                v.close();
            }
            jwks.close();
        }
    }

    /** A cached SDK verifier that is replaced by a new one whenever the token pool starts over. */
    private static final class FreshPerPass implements TokenValidator {
        private final Callable<TokenValidator> factory;
        private final int poolSize;
        private TokenValidator current;
        private int seen;

        FreshPerPass(Callable<TokenValidator> factory, int poolSize) throws Exception {
            this.factory = factory;
            this.poolSize = poolSize;
            this.current = factory.call();
        }

        @Override
        public Object validate(String token) throws Exception {
            if (seen++ == poolSize) {
                current.close();
                current = factory.call();
                seen = 1;
            }
            return current.validate(token);
        }

        @Override
        public void close() {
            current.close();
        }
    }

    private static TokenValidator signature(JWSVerifier verifier) {
        return new TokenValidator() {
            private JWSHeader header;

            @Override
            public Object validate(String token) throws Exception {
                int last = token.lastIndexOf('.');
                if (header == null) {
                    header = JWSHeader.parse(Base64URL.from(token.substring(0, token.indexOf('.'))));
                }
                byte[] signingInput = token.substring(0, last).getBytes(StandardCharsets.US_ASCII);
                if (!verifier.verify(header, signingInput, new Base64URL(token.substring(last + 1)))) {
                    throw new IllegalStateException("signature refused");
                }
                return Boolean.TRUE;
            }
        };
    }

    private static void run(String mode, TokenAlgorithm alg, String[] tokens, Map<String, TokenValidator> variants,
                            Path json) throws Exception {
        List<String> names = new ArrayList<>(variants.keySet());
        int[] next = new int[names.size()];
        // warm-up: two slices each
        for (int w = 0; w < 2; w++) {
            for (int v = 0; v < names.size(); v++) {
                next[v] = slice(variants.get(names.get(v)), tokens, next[v], null);
            }
        }
        double[][] nsPerOp = new double[names.size()][ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            for (int v = 0; v < names.size(); v++) {
                double[] result = new double[1];
                next[v] = slice(variants.get(names.get(v)), tokens, next[v], result);
                nsPerOp[v][round] = result[0];
            }
        }
        double base = median(nsPerOp[names.indexOf(mode.equals("signatures") ? "JDK" : "springNimbusJwtDecoder")]);
        StringBuilder out = new StringBuilder();
        StringBuilder js = new StringBuilder("{\"mode\": \"" + mode + "\", \"alg\": \"" + alg + "\", \"variants\": [");
        out.append(String.format(Locale.ROOT, "%s, %s: median CPU time per operation over %d interleaved rounds%n",
                mode, alg, ROUNDS));
        for (int v = 0; v < names.size(); v++) {
            double median = median(nsPerOp[v]);
            double[] sorted = nsPerOp[v].clone();
            Arrays.sort(sorted);
            out.append(String.format(Locale.ROOT, "  %-26s %10.1f us/op  (quartiles %.1f..%.1f)  %6.2fx the %s%n",
                    names.get(v), median / 1e3, sorted[ROUNDS / 4] / 1e3, sorted[3 * ROUNDS / 4] / 1e3,
                    base / median, mode.equals("signatures") ? "JDK" : "Spring decoder"));
            js.append(String.format(Locale.ROOT, "%s{\"name\": \"%s\", \"cpuNanosPerOp\": %.0f, \"q1\": %.0f, \"q3\": %.0f}",
                    v == 0 ? "" : ", ", names.get(v), median, sorted[ROUNDS / 4], sorted[3 * ROUNDS / 4]));
        }
        js.append("]}\n");
        System.out.print(out);
        if (json != null) {
            Files.writeString(json, js.toString(), StandardCharsets.UTF_8);
        }
    }

    /** Runs one variant for about {@link #SLICE_NANOS} of thread CPU time; returns the next token index. */
    private static int slice(TokenValidator validator, String[] tokens, int next, double[] nsPerOp) throws Exception {
        long cpuStart = threadCpuNanos();
        long ops = 0;
        long sink = 0;
        while (threadCpuNanos() - cpuStart < SLICE_NANOS) {
            for (int i = 0; i < 4; i++) {
                sink += validator.validate(tokens[next]).hashCode();
                next = next + 1 == tokens.length ? 0 : next + 1;
                ops++;
            }
        }
        if (nsPerOp != null) {
            nsPerOp[0] = (threadCpuNanos() - cpuStart) / (double) ops;
        }
        if (sink == 42) {
            System.out.print("");
        }
        return next;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static long threadCpuNanos() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }
}
