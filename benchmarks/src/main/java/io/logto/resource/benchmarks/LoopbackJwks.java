package io.logto.resource.benchmarks;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A JWKS served over loopback HTTP by the JDK's own server, counting requests, for the one library
 * under test that only takes keys from a URL: this SDK. The benchmarks fetch it during setup and check
 * that the count does not move while measuring, so no request happens in the measured loop.
 */
public final class LoopbackJwks implements AutoCloseable {

    private final HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();

    private LoopbackJwks(String jwksJson) {
        byte[] body = jwksJson.getBytes(StandardCharsets.UTF_8);
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind a loopback port", e);
        }
        server.createContext("/oidc/jwks", exchange -> {
            requests.incrementAndGet();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("Cache-Control", "no-cache");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    /**
     * Starts serving a JWKS at {@code http://127.0.0.1:<port>/oidc/jwks}.
     *
     * @param jwksJson the JWKS document
     * @return the running server
     * @throws UncheckedIOException when no loopback port can be bound
     */
    public static LoopbackJwks serve(String jwksJson) {
        return new LoopbackJwks(jwksJson);
    }

    /** The JWKS URL. */
    public String uri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/oidc/jwks";
    }

    /** How many times the JWKS has been requested so far. */
    public int requestCount() {
        return requests.get();
    }

    /** Stops the server at once. */
    @Override
    public void close() {
        server.stop(0);
    }
}
