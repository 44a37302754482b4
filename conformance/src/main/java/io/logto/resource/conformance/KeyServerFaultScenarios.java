package io.logto.resource.conformance;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static io.logto.resource.conformance.Scene.AUDIENCE;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.logto.resource.test.LogtoTokenMinter;
import io.logto.resource.test.TokenBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

/**
 * The JWKS endpoint failing in every way while the sample runs, as validator-core/README.md ("Keys:
 * rotation, floods and outages") documents the behaviour: a failed, slow, garbage or empty answer never
 * replaces the keys the sample has; a well-formed set that lacks a key retires it; an unknown {@code kid}
 * causes at most one refetch per interval (10 s by default), so each scenario first waits, sending
 * unknown-{@code kid} tokens that must all be refused, until the sample has asked the failing endpoint.
 *
 * <p>The issuer's keys are Logto's three: {@code previous}, {@code current} and, after the rotation,
 * {@code next}. The scenarios run in order on one sample started while the issuer was down.
 */
final class KeyServerFaultScenarios {

    /** Concurrent first requests in the startup scenario. */
    static final int STARTUP_REQUESTS = 200;
    /** Unknown-kid tokens in the flood scenario. */
    static final int FLOOD_REQUESTS = 500;
    /** At most this many issuer requests (discovery and JWKS) for the whole flood. */
    static final int FLOOD_MAX_FETCHES = 3;
    /** How long a scenario waits for the sample's next unknown-kid refetch (the core's default interval is 10 s). */
    static final Duration REFETCH_WAIT = Duration.ofSeconds(30);
    /** Requests to /api/public, and as many with an already-verified token, sent while a key fetch is stalled. */
    static final int UNRELATED_REQUESTS = 16;
    /** How long the stalled JWKS endpoint holds a request: well beyond the core's read timeout (2 s by default). */
    static final int STALLED_JWKS_MILLIS = 30_000;

    private final Scene scene;
    private final LogtoTokenMinter previous;
    private final LogtoTokenMinter current;
    private final LogtoTokenMinter next;

    KeyServerFaultScenarios(Scene scene) {
        this.scene = scene;
        this.previous = scene.es384;
        this.current = LogtoTokenMinter.create(scene.issuer.issuer());
        this.next = LogtoTokenMinter.create(scene.issuer.issuer());
    }

    /** The JWKS after the rotation: next, current and previous keys. */
    String publishedJwks() {
        return Scene.jwksOf(next, current, previous);
    }

    /** Called before the sample starts: the issuer answers 503 for discovery and JWKS. */
    void issuerDown() {
        scene.issuer.answerDiscovery(aResponse().withStatus(503));
        scene.issuer.answerJwks(aResponse().withStatus(503));
    }

    void tokensAreRefusedWhileNoKeyWasEverFetched() {
        String token = token(current);
        Expect.invalidToken(scene.http().send("GET", "/api/reports", token), token);
    }

    void concurrentFirstRequestsShareOneJwksFetch() {
        scene.issuer.serveDiscovery();
        scene.issuer.serveJwks(Scene.jwksOf(current, previous));
        int before = scene.issuer.jwksRequests();
        List<CompletableFuture<Answer>> answers = new ArrayList<>();
        for (int i = 0; i < STARTUP_REQUESTS; i++) {
            answers.add(scene.http().sendAsync("GET", "/api/reports", Duration.ofSeconds(60),
                    builder(current).subject("user-" + i).sign()));
        }
        for (int i = 0; i < STARTUP_REQUESTS; i++) {
            Expect.granted(answers.get(i).join(), Map.of("sub", "user-" + i));
        }
        assertThat(scene.issuer.jwksRequests() - before).as("JWKS requests for %d concurrent first requests", STARTUP_REQUESTS)
                .isEqualTo(1);
    }

    void aRotatedKeyIsPickedUp() {
        scene.issuer.serveJwks(publishedJwks());
        awaitAccepted(token(next));
        Expect.granted(scene.http().send("GET", "/api/reports", token(current)), Map.of("sub", "user-1"));
        Expect.granted(scene.http().send("GET", "/api/reports", token(previous)), Map.of("sub", "user-1"));
    }

    void aFloodOfUnknownKidsIsRateLimited() {
        int before = scene.issuer.issuerRequests();
        Semaphore inFlight = new Semaphore(16);
        List<CompletableFuture<Answer>> answers = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < FLOOD_REQUESTS; i++) {
            String token = builder(current).header("kid", "forged-" + i).sign();
            tokens.add(token);
            inFlight.acquireUninterruptibly();
            answers.add(scene.http().sendAsync("GET", "/api/reports", SampleHttp.REQUEST_TIMEOUT, token)
                    .whenComplete((answer, failure) -> inFlight.release()));
        }
        for (int i = 0; i < FLOOD_REQUESTS; i++) {
            Expect.invalidToken(answers.get(i).join(), tokens.get(i));
        }
        assertThat(scene.issuer.issuerRequests() - before).as("issuer requests caused by %d unknown-kid tokens", FLOOD_REQUESTS)
                .isLessThanOrEqualTo(FLOOD_MAX_FETCHES);
    }

    /** The JWKS answers {@code failure} from now on: the keys the sample has keep working, unknown ones are refused. */
    void knownKeysSurvive(ResponseDefinitionBuilder failure) {
        scene.issuer.answerJwks(failure);
        awaitRefetch();
        for (LogtoTokenMinter key : List.of(next, current, previous)) {
            Expect.granted(scene.http().send("GET", "/api/reports", token(key)), Map.of("sub", "user-1"));
        }
        String unknown = builder(current).signedWithUnknownKey().sign();
        Expect.invalidToken(scene.http().send("GET", "/api/reports", unknown), unknown);
    }

    /** A well-formed set without the key in use ({@code next}) retires it; the keys still published keep working. */
    void aSetWithoutTheKeyInUseRetiresIt() {
        String acceptedBefore = token(next);
        Expect.granted(scene.http().send("GET", "/api/reports", acceptedBefore), Map.of("sub", "user-1"));
        scene.issuer.serveJwks(Scene.jwksOf(current, previous));
        awaitRefetch();
        String fresh = token(next);
        Expect.invalidToken(scene.http().send("GET", "/api/reports", fresh), fresh);
        Expect.invalidToken(scene.http().send("GET", "/api/reports", acceptedBefore), acceptedBefore);
        Expect.granted(scene.http().send("GET", "/api/reports", token(current)), Map.of("sub", "user-1"));
        Expect.granted(scene.http().send("GET", "/api/reports", token(previous)), Map.of("sub", "user-1"));
    }

    /**
     * Issue 13: token A is verified; then the JWKS endpoint accepts connections and does not answer, and a
     * request with token B under a new {@code kid} waits for the fetch that B causes (seen in WireMock's
     * journal). Meanwhile {@value #UNRELATED_REQUESTS} requests to {@code /api/public} and as many with token A
     * must all be answered while B's request is still waiting. B itself may end as 401 or 200: only the
     * ordering is asserted, never a duration.
     */
    void unrelatedRequestsDoNotWaitForAKeyFetch() {
        String verified = token(current);
        Expect.granted(scene.http().send("GET", "/api/reports", verified), Map.of("sub", "user-1"));
        LogtoTokenMinter unpublished = LogtoTokenMinter.create(scene.issuer.issuer());
        scene.issuer.answerJwks(okJson(publishedJwks()).withFixedDelay(STALLED_JWKS_MILLIS));
        CompletableFuture<Answer> waiting = startARequestWaitingForAKeyFetch(unpublished);

        List<CompletableFuture<Answer>> unrelated = new ArrayList<>();
        for (int i = 0; i < UNRELATED_REQUESTS; i++) {
            unrelated.add(scene.http().sendAsync("GET", "/api/public", SampleHttp.REQUEST_TIMEOUT, null));
            unrelated.add(scene.http().sendAsync("GET", "/api/reports", SampleHttp.REQUEST_TIMEOUT, verified));
        }
        List<Answer> answers = new ArrayList<>();
        for (CompletableFuture<Answer> answer : unrelated) {
            answers.add(awaitAnswer(answer));
        }
        boolean stillWaiting = !waiting.isDone();
        for (int i = 0; i < answers.size(); i++) {
            if (i % 2 == 0) {
                assertThat(answers.get(i).status()).as("GET /api/public while a key fetch is stalled: %s", answers.get(i)).isEqualTo(200);
            } else {
                Expect.granted(answers.get(i), Map.of("sub", "user-1"));
            }
        }
        assertThat(stillWaiting).as("all %d requests to /api/public and with an already-verified token were answered while "
                + "the request waiting for the stalled key fetch was still waiting (they must never wait for it)",
                2 * UNRELATED_REQUESTS).isTrue();
        Answer last = awaitAnswer(waiting);
        assertThat(last.status()).as("the request that waited for the key fetch: %s", last).isIn(200, 401);
    }

    /**
     * Sends tokens under an unpublished {@code kid} until one of them is waiting while the sample's JWKS
     * request has reached the issuer (earlier ones may be refused at once: at most one refetch per 10 s).
     */
    private CompletableFuture<Answer> startARequestWaitingForAKeyFetch(LogtoTokenMinter unpublished) {
        long deadline = System.nanoTime() + REFETCH_WAIT.toNanos();
        for (int attempt = 0; ; attempt++) {
            int before = scene.issuer.jwksRequests();
            String token = builder(unpublished).subject("waiting-" + attempt).sign();
            CompletableFuture<Answer> waiting = scene.http().sendAsync("GET", "/api/reports", Duration.ofSeconds(60), token);
            while (scene.issuer.jwksRequests() == before && !waiting.isDone()) {
                sleep(10);
            }
            if (scene.issuer.jwksRequests() > before && !waiting.isDone()) {
                return waiting;
            }
            Expect.invalidToken(awaitAnswer(waiting), token);
            assertThat(System.nanoTime() < deadline)
                    .as("a token under a new kid makes the sample fetch its JWKS within %s", REFETCH_WAIT).isTrue();
            pause();
        }
    }

    private static Answer awaitAnswer(CompletableFuture<Answer> answer) {
        try {
            return answer.join();
        } catch (RuntimeException e) {
            throw new AssertionError("no HTTP answer within the client timeout (hang or broken connection): " + e.getCause(), e);
        }
    }

    /** Sends unknown-kid tokens, each of which must be refused, until the sample has asked the JWKS endpoint again. */
    private void awaitRefetch() {
        int before = scene.issuer.jwksRequests();
        long deadline = System.nanoTime() + REFETCH_WAIT.toNanos();
        while (scene.issuer.jwksRequests() == before) {
            String unknown = builder(current).signedWithUnknownKey().sign();
            Expect.invalidToken(scene.http().send("GET", "/api/reports", unknown), unknown);
            assertThat(System.nanoTime() < deadline)
                    .as("the sample refetches its JWKS for an unknown kid within %s", REFETCH_WAIT).isTrue();
            pause();
        }
    }

    /** Sends {@code token} until it is accepted; every refusal before must be 401 invalid_token. */
    private void awaitAccepted(String token) {
        long deadline = System.nanoTime() + REFETCH_WAIT.toNanos();
        while (true) {
            Answer answer = scene.http().send("GET", "/api/reports", token);
            if (answer.status() == 200) {
                Expect.granted(answer, Map.of("sub", "user-1"));
                return;
            }
            Expect.invalidToken(answer, token);
            assertThat(System.nanoTime() < deadline)
                    .as("a token signed by a newly published key is accepted within %s", REFETCH_WAIT).isTrue();
            pause();
        }
    }

    private static TokenBuilder builder(LogtoTokenMinter minter) {
        return minter.globalToken(AUDIENCE).scopes("read:report");
    }

    private static String token(LogtoTokenMinter minter) {
        return builder(minter).sign();
    }

    private static void pause() {
        sleep(250);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
