package io.logto.resource.benchmarks.http;

import io.logto.resource.test.LogtoTestIssuer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The local issuer alone, for trying one server by hand: serves discovery and the JWKS on loopback, writes the
 * token pools and {@code issuer.txt} to a directory, and runs until killed.
 *
 * <pre>{@code java -cp http-benchmark.jar io.logto.resource.benchmarks.http.BenchIssuer DIR [UNIQUE] [PORT]}</pre>
 */
public final class BenchIssuer {

    /** The audience every server is configured with. */
    public static final String AUDIENCE = "https://api.bench.example.com";

    private BenchIssuer() {
    }

    /**
     * Starts the issuer and writes the pools.
     *
     * @param args directory, unique-pool size (default 10000), issuer port (default free)
     * @throws Exception when the issuer cannot start or the files cannot be written
     */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/http-bench-tokens");
        int unique = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int port = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        LogtoTestIssuer issuer = LogtoTestIssuer.start(port);
        TokenPools.write(issuer, AUDIENCE, dir, 50, unique, Math.max(50, unique / 20));
        Files.writeString(dir.resolve("issuer.txt"), issuer.issuer() + "\n", StandardCharsets.UTF_8);
        System.out.println("issuer " + issuer.issuer() + ", audience " + AUDIENCE + ", pools in " + dir);
        Thread.currentThread().join();
    }
}
