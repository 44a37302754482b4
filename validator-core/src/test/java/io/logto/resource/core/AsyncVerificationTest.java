package io.logto.resource.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import io.logto.resource.core.internal.KeyFetchThreads;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link LogtoTokenVerifier#verifyAsync(String)} never makes its caller wait for keys: answers that need no
 * fetch come back as completed stages, computed on the caller's thread; a stage that needs a fetch
 * completes on a verifier thread when the fetch ends. The JWKS endpoint is made to hold its answer (a
 * WireMock delay) while the test looks at what is already complete; no assertion is about timing.
 */
class AsyncVerificationTest {

    /** Long enough for the test to look at everything that must already be complete, short of the read timeout. */
    private static final Duration HOLD = Duration.ofMillis(2500);

    private final JwksServer server = new JwksServer();
    private final List<LogtoTokenVerifier> verifiers = new ArrayList<>();

    @AfterEach
    void stop() {
        verifiers.forEach(LogtoTokenVerifier::close);
        server.close();
    }

    private LogtoTokenVerifier verifier() {
        LogtoTokenVerifier verifier = LogtoTokenVerifier.create(server.config()
                .readTimeout(Duration.ofSeconds(5)).jwksUnknownKeyRefetchInterval(Duration.ofMinutes(4)).build());
        verifiers.add(verifier);
        return verifier;
    }

    private String token(ECKey key, String subject) {
        return TestKeys.sign(key, server.claims().subject(subject).build());
    }

    private static boolean isDone(CompletionStage<?> stage) {
        return stage.toCompletableFuture().isDone();
    }

    private static VerificationResult now(CompletionStage<VerificationResult> stage) {
        assertThat(isDone(stage)).as("stage complete when returned").isTrue();
        return stage.toCompletableFuture().getNow(null);
    }

    /**
     * Registers, while the stage is pending, a record of the thread that completes it. Read it with
     * {@link #await}: a thread blocked in {@code join()} would help run the action itself.
     */
    private static AtomicReference<Thread> completingThread(CompletionStage<?> stage) {
        AtomicReference<Thread> thread = new AtomicReference<>();
        stage.whenComplete((result, error) -> thread.set(Thread.currentThread()));
        return thread;
    }

    /** Waits, without joining any stage, until the recorded completing thread is known. */
    private static Thread await(AtomicReference<Thread> completingThread) {
        for (int i = 0; i < 3000 && completingThread.get() == null; i++) {
            sleep(10);
        }
        assertThat(completingThread.get()).as("stage completed").isNotNull();
        return completingThread.get();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void whileANewKeyIsFetchedAnswersFromMemoryAreAlreadyComplete() {
        ECKey rotated = TestKeys.generateEc(Curve.P_384);
        server.serving(TestKeys.ES384);
        LogtoTokenVerifier verifier = verifier();
        String seen = token(TestKeys.ES384, "seen");
        assertThat(verifier.verify(seen).isVerified()).isTrue();
        assertThat(verifier.verify(seen).isVerified()).isTrue(); // now in the verified-token cache
        server.slow(HOLD, TestKeys.ES384, rotated);

        CompletionStage<VerificationResult> newKey = verifier.verifyAsync(token(rotated, "new-key"));
        assertThat(isDone(newKey)).as("a token with a new kid waits for the refetch").isFalse();
        AtomicReference<Thread> completedOn = completingThread(newKey);
        awaitJwksRequests(2); // the refetch is in flight: its rate-limit slot is taken

        assertThat(now(verifier.verifyAsync(seen)).isVerified()).as("cached token").isTrue();
        assertThat(now(verifier.verifyAsync(token(TestKeys.ES384, "unseen"))).isVerified()).as("known key").isTrue();
        assertThat(now(verifier.verifyAsync("not-a-token")).rejection().orElseThrow().reason())
                .isEqualTo(RejectionReason.MALFORMED);
        assertThat(isDone(newKey)).isFalse();

        Thread completer = await(completedOn);
        assertThat(completer.getName()).startsWith(KeyFetchThreads.THREAD_NAME_PREFIX);
        VerificationResult result = newKey.toCompletableFuture().join();
        assertThat(result.isVerified()).isTrue();
        assertThat(result.token().orElseThrow().keyId()).isEqualTo(rotated.getKeyID());
        assertThat(server.jwksRequests()).isEqualTo(2);
    }

    @Test
    void requestsWithTheNewKidWaitForTheRefetchInFlightLikeVerifyDoes() {
        ECKey rotated = TestKeys.generateEc(Curve.P_384);
        server.serving(TestKeys.ES384);
        LogtoTokenVerifier verifier = verifier();
        assertThat(verifier.verify(token(TestKeys.ES384, "first")).isVerified()).isTrue();
        server.slow(HOLD, TestKeys.ES384, rotated);

        CompletionStage<VerificationResult> first = verifier.verifyAsync(token(rotated, "a"));
        awaitJwksRequests(2); // the refetch is in flight and holds the unknown-kid rate limit
        CompletionStage<VerificationResult> second = verifier.verifyAsync(token(rotated, "b"));

        assertThat(isDone(second)).as("not refused while the fetch that brings its key is in flight").isFalse();
        assertThat(first.toCompletableFuture().join().isVerified()).isTrue();
        assertThat(second.toCompletableFuture().join().isVerified()).isTrue();
        assertThat(server.jwksRequests()).isEqualTo(2);
        ECKey stranger = TestKeys.generateEc(Curve.P_384);
        assertThat(now(verifier.verifyAsync(token(stranger, "c"))).rejection().orElseThrow().reason())
                .as("after the refetch, an unknown kid under the rate limit is answered at once")
                .isEqualTo(RejectionReason.UNKNOWN_KEY);
    }

    @Test
    void fiftyConcurrentFirstRequestsMakeOneJwksRequestAndCompleteOnVerifierThreads() {
        server.slow(HOLD, TestKeys.ES384);
        LogtoTokenVerifier verifier = verifier();
        List<CompletableFuture<VerificationResult>> stages = new ArrayList<>();
        List<AtomicReference<Thread>> threads = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            tokens.add(token(TestKeys.ES384, "user-" + i));
        }
        for (String token : tokens) {
            CompletionStage<VerificationResult> stage = verifier.verifyAsync(token);
            if (!isDone(stage)) {
                threads.add(completingThread(stage));
            }
            stages.add(stage.toCompletableFuture());
        }
        assertThat(threads).as("no key set yet: requests wait").isNotEmpty();

        assertThat(threads).allSatisfy(thread ->
                assertThat(await(thread).getName()).startsWith(KeyFetchThreads.THREAD_NAME_PREFIX));
        assertThat(stages).allSatisfy(stage -> assertThat(stage.join().isVerified()).isTrue());
        assertThat(server.jwksRequests()).isEqualTo(1);
    }

    @Test
    void aFailedFetchCompletesTheStageWithKeysUnavailableNeverExceptionally() {
        server.failWith(503);
        LogtoTokenVerifier verifier = verifier();
        CompletableFuture<VerificationResult> stage = verifier.verifyAsync(token(TestKeys.ES384, "u")).toCompletableFuture();

        VerificationResult result = stage.join();
        assertThat(stage.isCompletedExceptionally()).isFalse();
        assertThat(result.rejection().orElseThrow().reason()).isEqualTo(RejectionReason.KEYS_UNAVAILABLE);
    }

    @Test
    void aFullQueueAnswersKeysUnavailableAtOnceInsteadOfBlocking() {
        server.slow(HOLD, TestKeys.ES384);
        LogtoTokenVerifier verifier = verifier();
        String token = token(TestKeys.ES384, "u"); // refused tokens are not cached: every call is a miss
        int calls = KeyFetchThreads.THREADS + KeyFetchThreads.QUEUE_CAPACITY + 10;
        List<CompletableFuture<VerificationResult>> waiting = new ArrayList<>();
        List<VerificationResult> refusedAtOnce = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            CompletableFuture<VerificationResult> stage = verifier.verifyAsync(token).toCompletableFuture();
            if (stage.isDone() && !stage.join().isVerified()) {
                refusedAtOnce.add(stage.join());
            } else {
                waiting.add(stage);
            }
        }
        assertThat(refusedAtOnce).isNotEmpty().allSatisfy(result ->
                assertThat(result.rejection().orElseThrow().reason()).isEqualTo(RejectionReason.KEYS_UNAVAILABLE));
        CompletableFuture.allOf(waiting.toArray(new CompletableFuture<?>[0])).join();
        assertThat(waiting).allSatisfy(stage -> assertThat(stage.join().isVerified()).isTrue());
        assertThat(server.jwksRequests()).isEqualTo(1);
    }

    @Test
    void closeCompletesAWaitingStageAndLeavesNoThreadBehind() throws InterruptedException {
        Set<Thread> before = logtoThreads();
        server.slow(HOLD, TestKeys.ES384);
        LogtoTokenVerifier verifier = verifier();
        CompletionStage<VerificationResult> stage = verifier.verifyAsync(token(TestKeys.ES384, "u"));
        assertThat(isDone(stage)).isFalse();
        awaitJwksRequests(1);

        verifier.close();

        assertThat(now(stage).rejection().orElseThrow().reason()).isEqualTo(RejectionReason.KEYS_UNAVAILABLE);
        Set<Thread> started = logtoThreads();
        started.removeAll(before);
        for (Thread thread : started) {
            thread.join(Duration.ofSeconds(30).toMillis()); // a fetch in progress ends within its read timeout
        }
        assertThat(started).noneMatch(Thread::isAlive);
        assertThat(now(verifier.verifyAsync(token(TestKeys.ES384, "after-close"))).isVerified())
                .as("after close, keys held in memory still answer").isTrue();
    }

    @Test
    void authenticateAsyncAnswersMissingAndMalformedHeadersAtOnceAndWaitsOnlyForKeys() {
        server.slow(HOLD, TestKeys.ES384);
        LogtoResourceServer logto = LogtoResourceServer.of(verifier());

        CompletionStage<AuthenticationResult> missing = logto.authenticateAsync((String) null);
        assertThat(isDone(missing)).isTrue();
        assertThat(missing.toCompletableFuture().join().status()).isEqualTo(AuthenticationResult.Status.NO_TOKEN);
        CompletionStage<AuthenticationResult> malformed = logto.authenticateAsync("Bearer a b");
        assertThat(isDone(malformed)).isTrue();
        assertThat(malformed.toCompletableFuture().join().status()).isEqualTo(AuthenticationResult.Status.INVALID_REQUEST);

        CompletionStage<AuthenticationResult> first = logto.authenticateAsync("Bearer " + token(TestKeys.ES384, "u"));
        assertThat(isDone(first)).isFalse();
        assertThat(first.toCompletableFuture().join().status()).isEqualTo(AuthenticationResult.Status.AUTHENTICATED);
        CompletionStage<AuthenticationResult> second = logto.authenticateAsync("Bearer " + token(TestKeys.ES384, "v"));
        assertThat(isDone(second)).isTrue();
        assertThat(second.toCompletableFuture().join().status()).isEqualTo(AuthenticationResult.Status.AUTHENTICATED);
    }

    /** Waits until the JWKS endpoint has received {@code count} requests (it holds its answers). */
    private void awaitJwksRequests(int count) {
        for (int i = 0; i < 1000 && server.jwksRequests() < count; i++) {
            sleep(10);
        }
        assertThat(server.jwksRequests()).as("JWKS requests received").isEqualTo(count);
    }

    private static Set<Thread> logtoThreads() {
        Set<Thread> threads = new HashSet<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith("logto-")) {
                threads.add(thread);
            }
        }
        return threads;
    }
}
