package io.logto.resource.quarkus.deployment;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.requestfilter.RequestFilterAction;
import com.github.tomakehurst.wiremock.extension.requestfilter.StubRequestFilterV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.logto.resource.quarkus.RequireScopes;
import io.logto.resource.test.LogtoTokenMinter;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The extension never stalls the event loop (issue 13): a token whose key is known is verified inline on the event
 * loop, with no worker-thread hop, and while one request waits for a JWKS fetch that the key server accepted but
 * does not answer, concurrent requests to a public route and with an already-verified token all complete first, and
 * the waiting request then resumes on the event loop (not on the core's key-fetch thread).
 * The application runs a single event loop, so any blocking of it would hold those requests back.
 */
class EventLoopTest {

    private static final String AUDIENCE = TestApplication.AUDIENCE;
    private static final String JWKS_PATH = "/oidc/jwks";
    private static final int CONCURRENT = 16;

    @RegisterExtension
    static final QuarkusUnitTest APP = TestApplication.withLoopbackIssuer(ThreadRecorder.class)
            .overrideConfigKey("quarkus.vertx.event-loops-pool-size", "1")
            .overrideRuntimeConfigKey("quarkus.logto.discovery", "false")
            .overrideRuntimeConfigKey("quarkus.logto.read-timeout", "30s")
            .overrideRuntimeConfigKey("quarkus.logto.jwks-unknown-key-refetch-interval", "100ms");

    private static final Gate GATE = new Gate();
    private static WireMockServer jwks;
    private static LogtoTokenMinter minter;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @BeforeAll
    static void startJwks() {
        jwks = new WireMockServer(wireMockConfig().port(IssuerPort.get()).bindAddress("127.0.0.1").extensions(GATE));
        jwks.start();
        minter = LogtoTokenMinter.create(IssuerPort.issuer());
        serveKeys();
    }

    @AfterAll
    static void stopJwks() {
        GATE.open();
        jwks.stop();
    }

    @Test
    void knownKeyIsVerifiedInlineOnTheEventLoop() throws Exception {
        String token = minter.globalToken(AUDIENCE).subject("inline-1").scopes("read:report").sign();
        assertThat(send("/api/reports", token).join().statusCode()).isEqualTo(200);
        assertThat(send("/api/reports", token).join().statusCode()).isEqualTo(200);
        String another = minter.globalToken(AUDIENCE).subject("inline-2").scopes("read:report").sign();
        assertThat(send("/api/reports", another).join().statusCode()).isEqualTo(200);
        assertThat(ThreadRecorder.ON_EVENT_LOOP).containsEntry("inline-1", true).containsEntry("inline-2", true);
    }

    @Test
    void requestsCompleteWhileAnotherWaitsForAKeyFetch() throws Exception {
        String known = minter.globalToken(AUDIENCE).subject("known").scopes("read:report").sign();
        assertThat(send("/api/reports", known).join().statusCode()).isEqualTo(200);

        minter.rotate();
        serveKeys();
        String newKid = minter.globalToken(AUDIENCE).subject("rotated").scopes("read:report").sign();
        pastTheRefetchInterval();
        GATE.close();
        CompletableFuture<HttpResponse<String>> waiting;
        List<CompletableFuture<HttpResponse<String>>> others = new ArrayList<>();
        try {
            waiting = send("/api/reports", newKid);
            assertThat(GATE.arrived.await(30, TimeUnit.SECONDS)).as("the key fetch reached the JWKS endpoint").isTrue();
            for (int i = 0; i < CONCURRENT; i++) {
                others.add(send("/api/public", null));
                others.add(send("/api/reports", known));
            }
            CompletableFuture.allOf(others.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
            assertThat(waiting).as("the request waiting on the key fetch").isNotDone();
        } finally {
            GATE.open();
        }
        for (CompletableFuture<HttpResponse<String>> other : others) {
            assertThat(other.join().statusCode()).isEqualTo(200);
        }
        assertThat(waiting.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        assertThat(ThreadRecorder.ON_EVENT_LOOP).as("the waiting request resumed on the event loop, not on the core's"
                + " key-fetch thread").containsEntry("rotated", true);
    }

    /** The unknown-kid refetch is rate limited (100 ms here); wait so that the next unknown kid really fetches. */
    private static void pastTheRefetchInterval() throws InterruptedException {
        Thread.sleep(250);
    }

    private static void serveKeys() {
        jwks.stubFor(get(JWKS_PATH).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withHeader("Cache-Control", "no-cache")
                .withBody(minter.jwksJson())));
    }

    private static CompletableFuture<HttpResponse<String>> send(String path, String token) {
        int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return CLIENT.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Holds JWKS requests back while closed: the server has accepted the connection and does not answer. */
    static final class Gate implements StubRequestFilterV2 {
        final CountDownLatch arrived = new CountDownLatch(1);
        private volatile CountDownLatch release = new CountDownLatch(0);

        void close() {
            release = new CountDownLatch(1);
        }

        void open() {
            release.countDown();
        }

        @Override
        public RequestFilterAction filter(Request request, ServeEvent serveEvent) {
            CountDownLatch current = release;
            if (current.getCount() > 0) {
                arrived.countDown();
                try {
                    current.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return RequestFilterAction.continueWith(request);
        }

        @Override
        public String getName() {
            return "gate";
        }
    }

    /** Records, per subject, whether the identity reached the augmentors on an event-loop thread. */
    @ApplicationScoped
    public static class ThreadRecorder implements SecurityIdentityAugmentor {
        static final Map<String, Boolean> ON_EVENT_LOOP = new ConcurrentHashMap<>();

        @Override
        public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
            if (!identity.isAnonymous()) {
                ON_EVENT_LOOP.put(identity.getPrincipal().getName(), Context.isOnEventLoopThread());
            }
            return Uni.createFrom().item(identity);
        }
    }

    @Path("/api")
    public static class Api {

        @GET
        @Path("/public")
        public String open() {
            return "public";
        }

        @GET
        @Path("/reports")
        @RequireScopes("read:report")
        public String reports() {
            return "reports";
        }
    }
}
