package io.logto.resource.spring.reactive;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.logto.resource.test.LogtoTokenMinter;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 13: a request that waits for a key fetch never makes unrelated requests wait. The JWKS endpoint
 * accepts the connection for the new key and does not answer; while that fetch is pending, many concurrent
 * requests to a public route and with an already-verified token all complete (checked by ordering: the
 * waiting request is still pending when they have all answered; no wall-clock threshold). Once the keys
 * arrive, the waiting request goes on on the event loop it arrived on (not on the core's key-fetch threads, not on
 * another Reactor thread: Reactor Netty 1.3.6 can lose the next keep-alive request on a connection whose response
 * was written off its loop).
 */
@SpringBootTest(classes = ReactiveTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.main.web-application-type=reactive")
class ReactiveEventLoopTest {

    static final String AUDIENCE = "https://api.example.com";
    static final KeyServer KEYS = KeyServer.start();
    static final LogtoTokenMinter MINTER = LogtoTokenMinter.create(KEYS.issuer());

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @DynamicPropertySource
    static void logtoProperties(DynamicPropertyRegistry registry) {
        registry.add("logto.issuer", MINTER::issuer);
        registry.add("logto.audience", () -> AUDIENCE);
        registry.add("logto.jwks-uri", () -> MINTER.issuer() + "/jwks");
        registry.add("logto.read-timeout", () -> "20s");
        registry.add("logto.jwks-unknown-key-refetch-interval", () -> "100ms");
    }

    @AfterAll
    static void stopKeyServer() {
        KEYS.close();
    }

    @Test
    void requestWaitingForANewKeyDoesNotHoldUpPublicRoutesOrVerifiedTokens() throws Exception {
        String verified = MINTER.globalToken(AUDIENCE).scopes("read:report").sign();
        assertThat(send("/api/reports", verified).join().statusCode()).isEqualTo(200);

        MINTER.rotate();
        String newKey = MINTER.globalToken(AUDIENCE).scopes("read:report").sign();
        KEYS.hang();
        CompletableFuture<HttpResponse<String>> waiting = send("/api/thread", newKey);
        assertThat(KEYS.awaitHangingRequest()).as("the request with the new kid reached the JWKS endpoint").isTrue();

        List<CompletableFuture<HttpResponse<String>>> others = new ArrayList<>();
        for (int i = 0; i < 48; i++) {
            others.add(i % 2 == 0 ? send("/api/public", null) : send("/api/reports", verified));
        }
        CompletableFuture.allOf(others.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        boolean waitingStillPending = !waiting.isDone();

        assertThat(others).allSatisfy(other -> assertThat(other.join().statusCode()).isEqualTo(200));
        assertThat(waitingStillPending).as("the request waiting on the key fetch was still pending when all others had answered")
                .isTrue();
        KEYS.release();
        HttpResponse<String> waited = waiting.get(60, TimeUnit.SECONDS);
        assertThat(waited.statusCode()).isEqualTo(200);
        assertThat(waited.body()).as("after the fetch, the request goes on off the core's key-fetch threads")
                .doesNotContain("logto-jwks-wait-");
        String entry = field(waited.body(), "entry");
        assertThat(entry).as("the request arrived on a Reactor Netty event loop (reactor-http-… or webflux-http-…)")
                .contains("-http-");
        assertThat(field(waited.body(), "thread")).as("after the fetch, the request goes on on its own channel's event loop")
                .isEqualTo(entry);
    }

    /** A string field of the endpoint's flat JSON answer (thread names need no unescaping). */
    private static String field(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        assertThat(matcher.find()).as("field %s in %s", name, json).isTrue();
        return matcher.group(1);
    }

    private CompletableFuture<HttpResponse<String>> send(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A JWKS endpoint on loopback that answers at once, or, after {@link #hang()}, accepts and holds requests until released. */
    static final class KeyServer implements AutoCloseable {

        private final HttpServer server;
        private final AtomicBoolean hanging = new AtomicBoolean();
        private final CountDownLatch hangingRequest = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);
        private volatile LogtoTokenMinter minter;

        private KeyServer(HttpServer server) {
            this.server = server;
        }

        static KeyServer start() {
            try {
                HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
                KeyServer keys = new KeyServer(server);
                server.createContext("/oidc/jwks", exchange -> {
                    if (keys.hanging.get()) {
                        keys.hangingRequest.countDown();
                        awaitQuietly(keys.released);
                    }
                    byte[] body = MINTER.jwksJson().getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().set("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, body.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body);
                    }
                });
                server.setExecutor(Executors.newCachedThreadPool());
                server.start();
                return keys;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        String issuer() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/oidc";
        }

        void hang() {
            hanging.set(true);
        }

        boolean awaitHangingRequest() throws InterruptedException {
            return hangingRequest.await(30, TimeUnit.SECONDS);
        }

        void release() {
            hanging.set(false);
            released.countDown();
        }

        private static void awaitQuietly(CountDownLatch latch) {
            try {
                latch.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void close() {
            release();
            server.stop(0);
        }
    }
}
