package io.logto.resource.test;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local Logto-shaped issuer for tests and development: a {@link LogtoTokenMinter} plus a loopback
 * HTTP server that answers {@code <issuer>/.well-known/openid-configuration} and {@code <issuer>/jwks}
 * the way Logto does (JSON, {@code Cache-Control: no-cache}). The issuer is
 * {@code http://127.0.0.1:<port>/oidc}; the SDK accepts plain http for loopback hosts.
 *
 * <pre>{@code
 * try (LogtoTestIssuer logto = LogtoTestIssuer.start()) {
 *     LogtoConfig config = LogtoConfig.custom().issuer(logto.issuer()).audience("https://api.example.com").build();
 *     String token = logto.globalToken("https://api.example.com").scopes("read:report").sign();
 * }
 * }</pre>
 *
 * <p>Uses only the JDK's built-in HTTP server. Never expose it beyond loopback: it signs whatever it is asked to.
 */
public final class LogtoTestIssuer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor;
    private final LogtoTokenMinter minter;
    private final String issuer;
    private final AtomicInteger jwksRequests = new AtomicInteger();

    private LogtoTestIssuer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
        this.issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/oidc";
        this.minter = LogtoTokenMinter.create(issuer);
        server.createContext("/oidc/.well-known/openid-configuration", this::discovery);
        server.createContext("/oidc/jwks", this::jwks);
    }

    /**
     * Starts an issuer on a free loopback port.
     *
     * @return the running issuer; close it when done
     */
    public static LogtoTestIssuer start() {
        return start(0);
    }

    /**
     * Starts an issuer on a given loopback port.
     *
     * @param port the port, or 0 for a free one
     * @return the running issuer; close it when done
     * @throws UncheckedIOException when the port cannot be bound
     */
    public static LogtoTestIssuer start(int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            AtomicInteger threads = new AtomicInteger();
            ExecutorService executor = Executors.newFixedThreadPool(4, runnable -> {
                Thread thread = new Thread(runnable, "logto-test-issuer-" + threads.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
            server.setExecutor(executor);
            LogtoTestIssuer issuer = new LogtoTestIssuer(server, executor);
            server.start();
            return issuer;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the local Logto issuer on port " + port, e);
        }
    }

    /** The issuer: {@code http://127.0.0.1:<port>/oidc}. */
    public String issuer() {
        return issuer;
    }

    /** The JWKS URL: {@code <issuer>/jwks}. */
    public String jwksUri() {
        return issuer + "/jwks";
    }

    /** The port the server listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The minter behind this issuer, for keys and tokens. */
    public LogtoTokenMinter minter() {
        return minter;
    }

    /**
     * Starts a global API resource token; see {@link LogtoTokenMinter#globalToken(String)}.
     *
     * @param audience the API resource indicator
     * @return a token builder
     */
    public TokenBuilder globalToken(String audience) {
        return minter.globalToken(audience);
    }

    /**
     * Starts an organization token; see {@link LogtoTokenMinter#organizationToken(String)}.
     *
     * @param organizationId the organization
     * @return a token builder
     */
    public TokenBuilder organizationToken(String organizationId) {
        return minter.organizationToken(organizationId);
    }

    /**
     * Starts an organization-level API token; see {@link LogtoTokenMinter#organizationApiToken(String, String)}.
     *
     * @param audience       the API resource indicator
     * @param organizationId the organization
     * @return a token builder
     */
    public TokenBuilder organizationApiToken(String audience, String organizationId) {
        return minter.organizationApiToken(audience, organizationId);
    }

    /** Switches to a new signing key, keeping the previous one in the JWKS, as a Logto key rotation does. */
    public void rotateKey() {
        minter.rotate();
    }

    /** How many JWKS requests the server has answered. */
    public int jwksRequestCount() {
        return jwksRequests.get();
    }

    /** Stops the server. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void discovery(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestURI().getPath().equals("/oidc/.well-known/openid-configuration")) {
            respond(exchange, 404, "{\"error\":\"not_found\"}");
            return;
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("issuer", issuer);
        document.put("jwks_uri", jwksUri());
        document.put("authorization_endpoint", issuer + "/auth");
        document.put("token_endpoint", issuer + "/token");
        document.put("response_types_supported", List.of("code"));
        document.put("subject_types_supported", List.of("public"));
        document.put("id_token_signing_alg_values_supported",
                List.of(LogtoTokenMinter.algorithm(minter.keyType()).getName()));
        respond(exchange, 200, JSONObjectUtils.toJSONString(document));
    }

    private void jwks(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestURI().getPath().equals("/oidc/jwks")) {
            respond(exchange, 404, "{\"error\":\"not_found\"}");
            return;
        }
        jwksRequests.incrementAndGet();
        respond(exchange, 200, minter.jwksJson());
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
