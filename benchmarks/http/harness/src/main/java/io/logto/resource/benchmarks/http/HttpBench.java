package io.logto.resource.benchmarks.http;

import io.logto.resource.test.LogtoTestIssuer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The HTTP benchmark run (issue 17): starts the local issuer, signs the token pools, then for each framework starts
 * its sample and then its peer (one server at a time), sends each the probes, warms every shape up (the unique shape
 * with a separate warm-up pool, so measured tokens stay unseen), loads it with wrk in rounds of the interleaved shapes
 * (public route, public route with a token-sized header, repeated tokens) and then once with unique tokens, and
 * writes {@code results.md} and {@code chart.svg}.
 *
 * <p>Options ({@code --name=value}): {@code --targets=spring,webflux,servlet,micronaut,quarkus}, {@code --rounds=3}
 * (rounds of the interleaved shapes), {@code --duration=10} (seconds per interleaved shape and round),
 * {@code --unique-duration=20} (seconds of the unique shape), {@code --connections=50}, {@code --threads=2} (wrk),
 * {@code --warmup=10} (seconds per shape before measuring), {@code --unique-pool=200000},
 * {@code --apps=sample,peer,memoized} (which servers of each framework, see {@link #APPS}), {@code --out=benchmarks/http/results},
 * {@code --root=.} (repository root), {@code --wrk=wrk},
 * {@code --java-opts="-Xmx512m"}; {@code --smoke} means one target (servlet), 2 rounds, 2 s per shape, 1 s warm-up,
 * 10 connections and a 10,000-token pool.
 */
public final class HttpBench {

    /**
     * The load shapes, in order: {@code public} (the public route, no token: the framework's floor),
     * {@code public-padded} (the public route with the repeated shape's {@code Bearer ...} values in an
     * {@code X-Padding} header no server reads: the floor for a request of a token-carrying size), {@code repeated}
     * and {@code unique}.
     */
    static final String[] SHAPES = {"public", "public-padded", "repeated", "unique"};

    /**
     * The shapes measured in rounds, one after another within a round, so that each ratio to the floor compares
     * runs seconds apart rather than minutes: the load of a shared machine drifts by up to 20% between runs.
     */
    static final List<String> INTERLEAVED = List.of("public", "public-padded", "repeated");

    /**
     * The servers of each framework: {@code sample} (this SDK), {@code peer} (the framework's own JWT support) and
     * {@code memoized} (the peer jar with {@code BENCH_MEMOIZE_VERIFICATION=true}: each token verified once and
     * remembered forever, so that a repeated token costs only the framework's own authenticated-request path; how
     * close to the floor any verifier can get through that framework's security API). The memoized peer runs the
     * interleaved shapes only: memoizing does nothing for unique tokens.
     */
    static final List<String> APPS = List.of("sample", "peer", "memoized");

    private HttpBench() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args options, see the class documentation
     * @throws Exception when a server or wrk cannot run
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> o = options(args);
        boolean smoke = o.containsKey("smoke");
        Path root = Path.of(o.getOrDefault("root", ".")).toAbsolutePath().normalize();
        Path out = root.resolve(o.getOrDefault("out", "benchmarks/http/results"));
        List<String> targets = Arrays.asList(o.getOrDefault("targets", smoke ? "servlet" : "spring,webflux,servlet,micronaut,quarkus").split(","));
        int rounds = Integer.parseInt(o.getOrDefault("rounds", smoke ? "2" : "3"));
        int duration = Integer.parseInt(o.getOrDefault("duration", smoke ? "2" : "10"));
        int uniqueDuration = Integer.parseInt(o.getOrDefault("unique-duration", smoke ? "2" : "20"));
        if (rounds < 1 || duration < 1 || uniqueDuration < 1) {
            throw new IllegalArgumentException("--rounds, --duration and --unique-duration must be at least 1");
        }
        int warmup = Integer.parseInt(o.getOrDefault("warmup", smoke ? "1" : "10"));
        int connections = Integer.parseInt(o.getOrDefault("connections", smoke ? "10" : "50"));
        int threads = Integer.parseInt(o.getOrDefault("threads", "2"));
        int uniquePool = Integer.parseInt(o.getOrDefault("unique-pool", smoke ? "10000" : "200000"));
        List<String> apps = Arrays.asList(o.getOrDefault("apps", String.join(",", APPS)).split(","));
        if (apps.isEmpty() || !APPS.containsAll(apps)) {
            throw new IllegalArgumentException("--apps takes some of " + APPS + ", not " + o.get("apps"));
        }
        String wrk = o.getOrDefault("wrk", "wrk");
        List<String> javaOptions = o.containsKey("java-opts") && !o.get("java-opts").isBlank()
                ? Arrays.asList(o.get("java-opts").trim().split("\\s+")) : List.of();
        Files.createDirectories(out.resolve("logs"));

        String loadAtStart = loadAverage(); // before the harness signs its tokens, which loads every core itself
        Path script = out.resolve("bench.lua");
        try (InputStream lua = HttpBench.class.getResourceAsStream("bench.lua")) {
            Files.write(script, lua.readAllBytes());
        }
        List<Measurement> rows = new ArrayList<>();
        Map<String, Map<String, Integer>> probeAnswers = new LinkedHashMap<>();
        List<Probe> probes;
        try (LogtoTestIssuer issuer = LogtoTestIssuer.start()) {
            log("signing " + connections + " repeated and " + uniquePool + " unique ES384 tokens");
            TokenPools pools = TokenPools.write(issuer, BenchIssuer.AUDIENCE, out.resolve("tokens"), connections,
                    uniquePool, Math.max(connections, uniquePool / 20));
            probes = TokenPools.readProbes(pools.probes());
            int port = 18080;
            for (String name : targets) {
                Target target = Target.named(name);
                for (String app : apps) {
                    Path jar = "sample".equals(app) ? target.sampleJar() : target.peerJar();
                    Map<String, String> environment = "memoized".equals(app)
                            ? Map.of("BENCH_MEMOIZE_VERIFICATION", "true") : Map.of();
                    if (jar == null) {
                        log(name + ": no " + app + " application yet, skipped");
                        continue;
                    }
                    jar = root.resolve(jar);
                    if (!Files.isRegularFile(jar)) {
                        throw new IOException("missing " + jar + ": build it first (benchmarks/http/run.sh does)");
                    }
                    String label = name + " " + app;
                    log("starting " + label);
                    try (ServerProcess server = ServerProcess.start(jar, javaOptions, environment, issuer.issuer(),
                            BenchIssuer.AUDIENCE, port++, out.resolve("logs").resolve(name + "-" + app + ".log"))) {
                        Map<String, Integer> answers = new LinkedHashMap<>();
                        for (Probe probe : probes) {
                            answers.put(probe.name(), server.status(probe.path(), probe.token()));
                        }
                        probeAnswers.put(label, answers);
                        if (answers.get(probes.get(0).name()) != 200) {
                            // a server that refuses the good token would be measured refusing: not a comparison
                            log(label + " refused the good token (" + answers.get(probes.get(0).name())
                                    + "): not loaded; see its log");
                            continue;
                        }
                        // warm-up: every code path the shapes take, the unique one with its own tokens
                        boolean unique = !"memoized".equals(app);
                        for (String shape : unique ? List.of(SHAPES) : INTERLEAVED) {
                            runWrk(wrk, threads, connections, warmup, script, server, shape,
                                    "unique".equals(shape) ? "warm-up-unique" : shape, pools);
                        }
                        for (int round = 1; round <= rounds; round++) {
                            for (String shape : INTERLEAVED) {
                                rows.add(measure(wrk, threads, connections, duration, script, server, name, app, shape,
                                        round, pools));
                            }
                        }
                        if (unique) {
                            rows.add(measure(wrk, threads, connections, uniqueDuration, script, server, name, app,
                                    "unique", 1, pools));
                        }
                    }
                }
            }
        }
        String header = "# HTTP benchmark results\n\n" + (smoke ? "**Smoke run: plumbing only, not a measurement.** " : "")
                + "Run " + Instant.now() + " on " + Runtime.getRuntime().availableProcessors() + " CPUs, JDK "
                + System.getProperty("java.version") + ", load average at start (before signing tokens): " + loadAtStart + "; wrk "
                + threads + " threads, " + connections + " connections; after a " + warmup + " s warm-up of every shape, "
                + rounds + " rounds of public, public-padded and repeated (" + duration + " s each), then unique ("
                + uniqueDuration + " s); unique pool " + uniquePool + " tokens.";
        String report = Report.render(header, rows, probeAnswers, probes);
        Files.writeString(out.resolve("results.md"), report, StandardCharsets.UTF_8);
        Files.writeString(out.resolve("chart.svg"), Report.svg(rows), StandardCharsets.UTF_8);
        System.out.println(report);
        log("wrote " + out.resolve("results.md"));
    }

    private static Measurement measure(String wrk, int threads, int connections, int seconds, Path script,
            ServerProcess server, String target, String app, String shape, int round, TokenPools pools)
            throws IOException, InterruptedException {
        long cpuBefore = server.cpuMicros();
        WrkResult result = runWrk(wrk, threads, connections, seconds, script, server, shape, pools);
        long cpu = server.cpuMicros() - cpuBefore;
        log(String.format("%s %s %s round %d: %.0f req/s, errors %d", target, app, shape, round,
                result.requestsPerSecond(), result.errors()));
        return new Measurement(target, app, shape, round, result, cpu);
    }

    private static WrkResult runWrk(String wrk, int threads, int connections, int seconds, Path script,
            ServerProcess server, String shape, TokenPools pools) throws IOException, InterruptedException {
        return runWrk(wrk, threads, connections, seconds, script, server, shape, shape, pools);
    }

    private static WrkResult runWrk(String wrk, int threads, int connections, int seconds, Path script,
            ServerProcess server, String scriptShape, String poolKey, TokenPools pools)
            throws IOException, InterruptedException {
        String path = scriptShape.startsWith("public") ? Probe.PUBLIC : Probe.REPORTS;
        if ("public-padded".equals(scriptShape)) {
            scriptShape = "padded"; // the repeated shape's header values, under a name no server reads
        }
        Path pool = switch (poolKey) {
            case "unique" -> pools.unique();
            case "warm-up-unique" -> pools.warmup();
            default -> pools.repeated();
        };
        List<String> command = List.of(wrk, "-t" + threads, "-c" + connections, "-d" + seconds + "s", "--latency",
                "-s", script.toString(), server.baseUrl(), "--", scriptShape, path, pool.toString(), Integer.toString(threads));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        if (exit != 0) {
            throw new IOException("wrk exited with " + exit + ":\n" + output);
        }
        return WrkResult.parse(output);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + arg);
            }
            int eq = arg.indexOf('=');
            options.put(eq < 0 ? arg.substring(2) : arg.substring(2, eq), eq < 0 ? "" : arg.substring(eq + 1));
        }
        return options;
    }

    private static void log(String message) {
        System.err.println("[http-bench] " + message);
    }
}
