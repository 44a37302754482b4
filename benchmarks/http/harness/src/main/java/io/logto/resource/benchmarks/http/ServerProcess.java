package io.logto.resource.benchmarks.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One server under test: a {@code java -jar} child process with the sample contract's environment. */
final class ServerProcess implements AutoCloseable {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final String baseUrl;

    private ServerProcess(Process process, int port) {
        this.process = process;
        this.baseUrl = "http://127.0.0.1:" + port;
    }

    /** Starts {@code java [opts] -jar jar} and waits until {@code /api/public} answers 200. */
    static ServerProcess start(Path jar, List<String> javaOptions, Map<String, String> environment, String issuer,
            String audience, int port, Path log) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(javaOptions);
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("LOGTO_ISSUER", issuer);
        builder.environment().put("LOGTO_AUDIENCE", audience);
        builder.environment().put("PORT", Integer.toString(port));
        builder.environment().putAll(environment);
        ServerProcess server = new ServerProcess(builder.start(), port);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!server.process.isAlive()) {
                throw new IOException(jar + " exited with " + server.process.exitValue() + "; see " + log);
            }
            if (server.status(Probe.PUBLIC, null) == 200) {
                return server;
            }
            Thread.sleep(200);
        }
        server.close();
        throw new IOException(jar + " did not answer " + Probe.PUBLIC + " within 120 s; see " + log);
    }

    String baseUrl() {
        return baseUrl;
    }

    long pid() {
        return process.pid();
    }

    /** The status of {@code GET path} with an optional bearer token, or -1 when the connection fails. */
    int status(String path, String token) throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(10));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        }
    }

    /** CPU time (user + system) the process has used so far, in microseconds, from {@code /proc/<pid>/stat}. */
    long cpuMicros() throws IOException {
        return cpuMicros(process.pid());
    }

    static long cpuMicros(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        // fields after the parenthesised command name; utime and stime are fields 14 and 15 (1-based)
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return ticks * 1_000_000L / CLOCK_TICKS;
    }

    private static final long CLOCK_TICKS = clockTicksPerSecond();

    /** {@code BENCH_CLK_TCK}, else {@code getconf CLK_TCK}, else 100 (Linux's USER_HZ almost everywhere). */
    private static long clockTicksPerSecond() {
        String configured = System.getenv("BENCH_CLK_TCK");
        if (configured != null) {
            return Long.parseLong(configured);
        }
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(getconf.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII)
                    .trim();
            return getconf.waitFor() == 0 ? Long.parseLong(out) : 100;
        } catch (IOException | NumberFormatException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(15, TimeUnit.SECONDS);
        }
    }
}
