package io.logto.resource.conformance;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * HTTP/1.1 requests to a running sample, each bounded by a client timeout so that a hanging sample fails a
 * test instead of stalling the build; plus raw-socket requests for header bytes {@link HttpClient} refuses
 * to send.
 */
final class SampleHttp {

    /** The longest any single request may take; the contract asks for answers within a few seconds. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final URI base;
    private final HttpClient client;

    /** {@code base} may carry a context path ({@code http://127.0.0.1:8080/app}): every path is appended to it. */
    SampleHttp(URI base) {
        String text = base.toString();
        this.base = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** {@code method path} with a bearer token, or without {@code Authorization} when {@code token} is null. */
    Answer send(String method, String path, String token) {
        return token == null ? sendWithHeaders(method, path) : sendWithHeaders(method, path, "Authorization", "Bearer " + token);
    }

    /** {@code method path} with the given header names and values (a name may repeat). */
    Answer sendWithHeaders(String method, String path, String... namesAndValues) {
        return await(sendAsync(method, path, REQUEST_TIMEOUT, HttpRequest.BodyPublishers.noBody(), namesAndValues), path);
    }

    /** {@code POST path} with a form body (for the rule that tokens outside the header are ignored). */
    Answer postForm(String path, String form) {
        return await(sendAsync("POST", path, REQUEST_TIMEOUT, HttpRequest.BodyPublishers.ofString(form),
                "Content-Type", "application/x-www-form-urlencoded"), path);
    }

    /** Sends without waiting, for concurrent requests (no {@code Authorization} when {@code token} is null); the future fails after {@code timeout}. */
    CompletableFuture<Answer> sendAsync(String method, String path, Duration timeout, String token) {
        return token == null ? sendAsync(method, path, timeout, HttpRequest.BodyPublishers.noBody())
                : sendAsync(method, path, timeout, HttpRequest.BodyPublishers.noBody(), "Authorization", "Bearer " + token);
    }

    private CompletableFuture<Answer> sendAsync(String method, String path, Duration timeout,
                                                HttpRequest.BodyPublisher body, String... namesAndValues) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout).method(method, body);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            request.header(namesAndValues[i], namesAndValues[i + 1]);
        }
        return client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .thenApply(response -> new Answer(response.statusCode(), response.headers().map(), response.body()));
    }

    private static Answer await(CompletableFuture<Answer> answer, String path) {
        try {
            return answer.join();
        } catch (RuntimeException e) {
            throw new AssertionError("no HTTP answer for " + path + " within " + REQUEST_TIMEOUT + " (hang or broken connection): "
                    + e.getCause(), e);
        }
    }

    /**
     * Writes {@code head} (request line and headers, ending in an empty line) as ISO-8859-1 bytes on a new
     * connection and reads the status code of the answer.
     *
     * @return the status code, or -1 when the sample closed the connection without answering
     */
    int sendRaw(String head) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5_000);
            socket.setSoTimeout((int) REQUEST_TIMEOUT.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder statusLine = new StringBuilder();
            int c;
            while ((c = in.read()) != -1 && c != '\n') {
                statusLine.append((char) c);
            }
            String line = statusLine.toString().trim();
            if (line.isEmpty()) {
                return -1;
            }
            String[] parts = line.split(" ");
            if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
                throw new AssertionError("not an HTTP status line: " + line);
            }
            return Integer.parseInt(parts[1]);
        } catch (java.net.SocketTimeoutException e) {
            throw new AssertionError("no answer within " + REQUEST_TIMEOUT + " to a raw request", e);
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().contains("reset")) {
                return -1;
            }
            throw new UncheckedIOException(e);
        }
    }

    /** The request head for {@code GET path} with extra header lines, as {@link #sendRaw(String)} takes it. */
    String rawGet(String path, List<String> headerLines) {
        StringBuilder head = new StringBuilder("GET ").append(base.getRawPath()).append(path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(base.getHost()).append(':').append(base.getPort()).append("\r\n");
        for (String line : headerLines) {
            head.append(line).append("\r\n");
        }
        return head.append("Connection: close\r\n\r\n").toString();
    }
}
