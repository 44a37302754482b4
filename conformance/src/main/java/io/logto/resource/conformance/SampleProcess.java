package io.logto.resource.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A sample started as a child process with the contract's environment ({@code LOGTO_ISSUER},
 * {@code LOGTO_AUDIENCE}, {@code PORT} on a free port), its output written to a log file. {@link #start}
 * returns once the sample answers HTTP, or fails with the output when it exits or stays silent too long.
 */
final class SampleProcess implements AutoCloseable {

    private static final int LOG_TAIL_LINES = 150;

    private final Process process;
    private final Path log;
    private final URI baseUri;
    private final Thread shutdownHook;
    private final AtomicBoolean outputPrinted = new AtomicBoolean();

    private SampleProcess(Process process, Path log, URI baseUri, Thread shutdownHook) {
        this.process = process;
        this.log = log;
        this.baseUri = baseUri;
        this.shutdownHook = shutdownHook;
    }

    /**
     * Starts {@code command} and waits until {@code GET /api/public} gets any HTTP answer.
     *
     * @param command         the command line, e.g. {@code java -jar sample.jar}
     * @param issuer          the value of {@code LOGTO_ISSUER}
     * @param audience        the value of {@code LOGTO_AUDIENCE}
     * @param log             where the sample's output goes
     * @param startupTimeout  how long to wait for the first answer
     */
    static SampleProcess start(List<String> command, String issuer, String audience, Path log, Duration startupTimeout) {
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("LOGTO_"));
        environment.put("LOGTO_ISSUER", issuer);
        environment.put("LOGTO_AUDIENCE", audience);
        environment.put("PORT", String.valueOf(port));
        Process process;
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + command, e);
        }
        Thread hook = new Thread(process::destroyForcibly, "stop-sample-" + port);
        Runtime.getRuntime().addShutdownHook(hook);
        SampleProcess sample = new SampleProcess(process, log, URI.create("http://127.0.0.1:" + port), hook);
        sample.awaitFirstAnswer(command, startupTimeout);
        return sample;
    }

    /** {@code http://127.0.0.1:<port>}. */
    URI baseUri() {
        return baseUri;
    }

    /** Prints the tail of the sample's output to standard error, once per process (called on a test failure). */
    void printOutputOnce() {
        if (outputPrinted.compareAndSet(false, true)) {
            System.err.println("---- last " + LOG_TAIL_LINES + " lines of the sample's output (" + log + ") ----");
            System.err.println(tail());
            System.err.println("---- end of the sample's output ----");
        }
    }

    /** Stops the sample: SIGTERM, then a forced stop after 20 s. The log file stays. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down already; the hook runs anyway
        }
    }

    private void awaitFirstAnswer(List<String> command, Duration timeout) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest probe = HttpRequest.newBuilder(baseUri.resolve("/api/public")).timeout(Duration.ofSeconds(5)).GET().build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the sample exited with code " + process.exitValue() + " before answering: "
                        + command + "\n" + tail());
            }
            try {
                client.send(probe, HttpResponse.BodyHandlers.discarding());
                return;
            } catch (ConnectException e) {
                // not listening yet
            } catch (IOException e) {
                // listening but not ready to answer yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                throw new IllegalStateException("interrupted while waiting for the sample", e);
            }
            if (System.nanoTime() > deadline) {
                close();
                throw new IllegalStateException("the sample did not answer GET /api/public within " + timeout + ": "
                        + command + "\n" + tail());
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                throw new IllegalStateException("interrupted while waiting for the sample", e);
            }
        }
    }

    private String tail() {
        try {
            String[] lines = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).split("\n", -1);
            return String.join("\n", Arrays.asList(lines).subList(Math.max(0, lines.length - LOG_TAIL_LINES), lines.length));
        } catch (IOException e) {
            return "(output unreadable: " + e.getMessage() + ")";
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }
}
