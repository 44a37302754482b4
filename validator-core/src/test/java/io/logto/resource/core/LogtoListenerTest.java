package io.logto.resource.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LogtoListenerTest {

    /** Records what it hears as short strings. */
    static final class Recorder implements LogtoListener {
        final List<String> heard = new CopyOnWriteArrayList<>();
        final List<KeyFetch> fetches = new CopyOnWriteArrayList<>();

        @Override
        public void tokenVerified(TokenKind kind, boolean cached) {
            heard.add("verified " + kind + (cached ? " cached" : ""));
        }

        @Override
        public void tokenRejected(RejectionReason reason, TokenKind kind) {
            heard.add("rejected " + reason + (kind == null ? "" : " " + kind));
        }

        @Override
        public void keysFetched(KeyFetch fetch) {
            fetches.add(fetch);
        }
    }

    private final JwksServer server = new JwksServer().serving(TestKeys.ES384);
    private final Recorder recorder = new Recorder();
    private LogtoTokenVerifier verifier;

    @AfterEach
    void stop() {
        if (verifier != null) {
            verifier.close();
        }
        server.close();
    }

    @Test
    void hearsEveryVerificationOutcomeWithTheKindWhenKnown() {
        verifier = LogtoTokenVerifier.create(server.config().listener(recorder).build());
        String good = TestKeys.sign(TestKeys.ES384, server.claims().build());
        String organization = TestKeys.sign(TestKeys.ES384, server.claims()
                .audience("urn:logto:organization:org_42").build());

        verifier.verify(good);
        verifier.verify(good);
        verifier.verifyAsync(good).toCompletableFuture().join();
        verifier.verify(organization);
        verifier.verify("not-a-token");
        verifier.verify(TestKeys.sign(TestKeys.ES384, server.claims().audience("https://other.example.com").build()));
        verifier.verify(TestKeys.sign(TestKeys.ES384, server.claims().claim("client_id", 42).build()));

        // The cache admits a token at its second verification, so the third is the first cache hit.
        assertThat(recorder.heard).containsExactly(
                "verified GLOBAL_API",
                "verified GLOBAL_API",
                "verified GLOBAL_API cached",
                "verified ORGANIZATION",
                "rejected MALFORMED",
                "rejected WRONG_AUDIENCE",
                "rejected INVALID_CLAIM");
    }

    @Test
    void hearsEachKeyFetchWithItsCauseAndOutcome() {
        verifier = LogtoTokenVerifier.create(server.config().listener(recorder)
                .jwksUnknownKeyRefetchInterval(java.time.Duration.ofMillis(100)).build());
        verifier.verify(TestKeys.sign(TestKeys.ES384, server.claims().build()));
        server.failWith(500);
        await(() -> verifier.verify(TestKeys.sign(TestKeys.generateEc(com.nimbusds.jose.jwk.Curve.P_384),
                server.claims().build())), () -> recorder.fetches.size() >= 2);

        assertThat(recorder.fetches.get(0).cause()).isEqualTo(KeyFetch.Cause.FIRST_LOAD);
        assertThat(recorder.fetches.get(0).succeeded()).isTrue();
        assertThat(recorder.fetches.get(0).keyCount()).isEqualTo(1);
        assertThat(recorder.fetches.get(0).error()).isEmpty();
        KeyFetch failed = recorder.fetches.get(1);
        assertThat(failed.cause()).isEqualTo(KeyFetch.Cause.UNKNOWN_KEY);
        assertThat(failed.succeeded()).isFalse();
        assertThat(failed.keyCount()).isZero();
        assertThat(failed.error()).isPresent();
    }

    @Test
    void theStatusIsNotReadyBeforeKeysAndReadyWithTheErrorDuringAnOutage() {
        verifier = LogtoTokenVerifier.create(server.config().build());
        LogtoStatus before = verifier.status();
        assertThat(before.isReady()).isFalse();
        assertThat(before.keyCount()).isZero();

        String good = TestKeys.sign(TestKeys.ES384, server.claims().build());
        verifier.verify(good);
        verifier.verify(good);
        verifier.verify(good);
        LogtoStatus loaded = verifier.status();
        assertThat(loaded.isReady()).isTrue();
        assertThat(loaded.keyCount()).isEqualTo(1);
        assertThat(loaded.lastSuccessfulFetch()).isPresent();
        assertThat(loaded.lastFetchError()).isEmpty();
        assertThat(loaded.tokenCacheSize()).isEqualTo(1);
        assertThat(loaded.tokenCacheHits()).isEqualTo(1);
        assertThat(loaded.details()).containsKeys("issuer", "jwks", "keys", "lastSuccessfulFetch")
                .doesNotContainKey("lastFetchError");

        server.failWith(503);
        verifier.verify(TestKeys.sign(TestKeys.generateEc(com.nimbusds.jose.jwk.Curve.P_384), server.claims().build()));
        LogtoStatus outage = verifier.status();
        assertThat(outage.isReady()).as("keys in memory keep the API working").isTrue();
        assertThat(outage.lastFetchError()).isPresent();
        assertThat(outage.lastFailedFetch()).isPresent();
        assertThat(outage.details()).containsKey("lastFetchError");
        assertThat(outage.details().values()).noneMatch(value -> String.valueOf(value).contains(good));
    }

    @Test
    void aStatusRequestBeforeAnyTokenLoadsTheKeysInTheBackgroundSoAReadinessProbeTurnsReady() {
        verifier = LogtoTokenVerifier.create(server.config().build());
        assertThat(verifier.status().isReady()).as("the snapshot reports the state when asked").isFalse();

        await(() -> { }, () -> verifier.status().isReady());

        assertThat(verifier.status().isReady()).isTrue();
        assertThat(verifier.status().keyCount()).isEqualTo(1);
        assertThat(server.jwksRequests()).as("one background load, not one per probe").isEqualTo(1);
    }

    @Test
    void aStatusRequestNeverWaitsForTheKeyServer() {
        server.slow(java.time.Duration.ofSeconds(2), TestKeys.ES384);
        verifier = LogtoTokenVerifier.create(server.config().build());
        for (int i = 0; i < 20; i++) {
            assertThat(verifier.status().isReady()).isFalse();
        }
        assertThat(server.jwksRequests()).as("probes while a load is in flight start no other").isLessThanOrEqualTo(1);
    }

    @Test
    void aFailingListenerNeverChangesTheOutcome() {
        verifier = LogtoTokenVerifier.create(server.config().listener(new LogtoListener() {
            @Override
            public void tokenVerified(TokenKind kind, boolean cached) {
                throw new IllegalStateException("boom");
            }

            @Override
            public void keysFetched(KeyFetch fetch) {
                throw new IllegalStateException("boom");
            }
        }).build());
        assertThat(verifier.verify(TestKeys.sign(TestKeys.ES384, server.claims().build())).isVerified()).isTrue();
    }

    private static void await(Runnable action, java.util.function.BooleanSupplier done) {
        for (int i = 0; i < 100 && !done.getAsBoolean(); i++) {
            action.run();
            try {
                Thread.sleep(150);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
