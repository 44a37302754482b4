package io.logto.resource.benchmarks.http;

import io.logto.resource.test.LogtoTestIssuer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The token files the wrk script reads, one compact JWS per line, all good tokens with {@code read:report}, all
 * signed before any load starts: {@code repeated.txt} (one token per connection), {@code unique.txt} (distinct
 * tokens, each sent at most once per server while the pool lasts) and {@code warmup.txt} (distinct tokens for the
 * warm-up), plus {@code probes.tsv}.
 *
 * @param repeated the repeated-token pool
 * @param unique the unique-token pool
 * @param warmup tokens for warming the unique-token path up, none of them in {@code unique}
 * @param probes the probe file: {@code name TAB expected-status TAB path TAB token-or-empty TAB check}
 */
public record TokenPools(Path repeated, Path unique, Path warmup, Path probes) {

    /** Token lifetime: long enough for any run. */
    static final Duration LIFETIME = Duration.ofHours(6);

    /**
     * Signs and writes the pools.
     *
     * @param issuer the running local issuer
     * @param audience the API resource indicator
     * @param dir where to write the files (created if missing)
     * @param repeatedCount tokens in the repeated pool (one per connection)
     * @param uniqueCount tokens in the unique pool
     * @param warmupCount tokens in the warm-up pool
     * @return the written files
     * @throws IOException when a file cannot be written
     */
    public static TokenPools write(LogtoTestIssuer issuer, String audience, Path dir, int repeatedCount,
            int uniqueCount, int warmupCount) throws IOException {
        Files.createDirectories(dir);
        Path repeated = dir.resolve("repeated.txt");
        Path unique = dir.resolve("unique.txt");
        Path warmup = dir.resolve("warmup.txt");
        Path probes = dir.resolve("probes.tsv");
        Files.write(warmup, sign(issuer, audience, warmupCount), StandardCharsets.US_ASCII);
        Files.write(repeated, sign(issuer, audience, repeatedCount), StandardCharsets.US_ASCII);
        Files.write(unique, sign(issuer, audience, uniqueCount), StandardCharsets.US_ASCII);
        List<String> lines = new ArrayList<>();
        for (Probe probe : Probe.all(issuer, audience)) {
            lines.add(String.join("\t", probe.name(), Integer.toString(probe.expectedStatus()), probe.path(),
                    probe.token() == null ? "" : probe.token(), probe.check()));
        }
        Files.write(probes, lines, StandardCharsets.UTF_8);
        return new TokenPools(repeated, unique, warmup, probes);
    }

    /**
     * Reads a probe file written by {@link #write}.
     *
     * @param probes the file
     * @return the probes in file order
     * @throws IOException when the file cannot be read
     */
    public static List<Probe> readProbes(Path probes) throws IOException {
        List<Probe> result = new ArrayList<>();
        for (String line : Files.readAllLines(probes, StandardCharsets.UTF_8)) {
            String[] f = line.split("\t", -1);
            result.add(new Probe(f[0], f[4], f[2], Integer.parseInt(f[1]), f[3].isEmpty() ? null : f[3]));
        }
        return result;
    }

    private static List<String> sign(LogtoTestIssuer issuer, String audience, int count) {
        return IntStream.range(0, count).parallel()
                .mapToObj(i -> issuer.globalToken(audience).subject("user-" + i).scopes("read:report")
                        .lifetime(LIFETIME).sign())
                .toList();
    }
}
