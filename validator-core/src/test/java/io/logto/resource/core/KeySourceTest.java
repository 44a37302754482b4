package io.logto.resource.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.gen.OctetSequenceKeyGenerator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The JWKS as Logto serves it, and as it fails: rotation, floods, outages, discovery. */
class KeySourceTest {

    private final JwksServer server = new JwksServer();
    private final List<LogtoTokenVerifier> verifiers = new ArrayList<>();

    @AfterEach
    void stop() {
        verifiers.forEach(LogtoTokenVerifier::close);
        server.close();
    }

    private LogtoTokenVerifier verifier(LogtoConfig.Builder config) {
        LogtoTokenVerifier verifier = LogtoTokenVerifier.create(config.build());
        verifiers.add(verifier);
        return verifier;
    }

    /** Short cache timings so expiry happens within a test; the token cache is off to reach the key source. */
    private LogtoConfig.Builder shortLived() {
        return server.config().tokenCacheMaxEntries(0).jwksCacheTtl(Duration.ofMillis(2500))
                .jwksRefreshAhead(Duration.ofMillis(100)).connectTimeout(Duration.ofMillis(500))
                .readTimeout(Duration.ofMillis(1500)).jwksUnknownKeyRefetchInterval(Duration.ofMillis(200));
    }

    private String token(com.nimbusds.jose.jwk.JWK key) {
        return TestKeys.sign(key, server.claims().jwtID(UUID.randomUUID().toString()).build());
    }

    private String tokenWithKid(String kid) {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.ES384).type(new JOSEObjectType("at+jwt")).keyID(kid).build();
        return TestKeys.sign(TestKeys.ES384, header, server.claims().build());
    }

    @Test
    void aClosedVerifierStillFetchesKeysOnDemand() {
        server.serving(TestKeys.ES384);
        LogtoTokenVerifier verifier = verifier(server.config());
        verifier.close();

        VerificationResult result = verifier.verify(token(TestKeys.ES384));

        assertThat(result.rejection()).isEmpty();
        assertThat(server.jwksRequests()).isEqualTo(1);
    }

    @Test
    void picksUpANewKeyAfterRotation() {
        server.serving(TestKeys.ES384);
        LogtoTokenVerifier verifier = verifier(server.config());
        assertThat(verifier.verify(token(TestKeys.ES384)).isVerified()).isTrue();

        ECKey next = TestKeys.generateEc(Curve.P_384);
        server.serving(next, TestKeys.ES384);

        assertThat(verifier.verify(token(next)).isVerified()).isTrue();
        assertThat(verifier.verify(token(TestKeys.ES384)).isVerified()).isTrue();
        assertThat(server.jwksRequests()).isEqualTo(2);
    }

    @Test
    void picksUpARotationFromEcToRsaWithAMixedSet() {
        server.serving(TestKeys.ES384);
        LogtoTokenVerifier verifier = verifier(server.config());
        assertThat(verifier.verify(token(TestKeys.ES384)).isVerified()).isTrue();

        server.serving(TestKeys.RS256, TestKeys.ES384);
        assertThat(verifier.verify(token(TestKeys.RS256)).isVerified()).isTrue();
    }

    @Test
    void boundsTheJwksRequestsCausedByAFloodOfUnknownKeyIds() {
        server.serving(TestKeys.ES384);
        LogtoTokenVerifier verifier = verifier(server.config());

        for (int i = 0; i < 500; i++) {
            assertThat(verifier.verify(tokenWithKid("forged-" + i)).rejection().orElseThrow().reason())
                    .isEqualTo(RejectionReason.UNKNOWN_KEY);
        }

        assertThat(server.jwksRequests()).isLessThanOrEqualTo(2);
        assertThat(verifier.verify(token(TestKeys.ES384)).isVerified()).isTrue();
    }

    @Test
    void fetchesTheJwksOnceForManyConcurrentFirstRequests() throws Exception {
        server.slow(Duration.ofMillis(300), TestKeys.ES384);
        LogtoTokenVerifier verifier = verifier(server.config().tokenCacheMaxEntries(0));
        ExecutorService pool = Executors.newFixedThreadPool(100);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Callable<Boolean>> calls = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                String token = token(TestKeys.ES384);
                calls.add(() -> {
                    start.await();
                    return verifier.verify(token).isVerified();
                });
            }
            List<Future<Boolean>> results = new ArrayList<>();
            for (Callable<Boolean> call : calls) {
                results.add(pool.submit(call));
            }
            start.countDown();
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(server.jwksRequests()).isEqualTo(1);
    }

    private void keepsKnownKeysWorkingWhen(Consumer<JwksServer> fault) throws InterruptedException {
        server.serving(TestKeys.ES384);
        LogtoTokenVerifier verifier = verifier(shortLived());
        assertThat(verifier.verify(token(TestKeys.ES384)).isVerified()).isTrue();

        fault.accept(server);
        Thread.sleep(2800);

        assertThat(verifier.verify(token(TestKeys.ES384)).isVerified()).as("known key after expiry").isTrue();
        assertThat(server.jwksRequests()).as("the expired set was refetched").isGreaterThan(1);
        ECKey unknown = TestKeys.generateEc(Curve.P_384);
        assertThat(verifier.verify(token(unknown)).rejection().orElseThrow().reason())
                .as("an unknown kid while the endpoint fails").isEqualTo(RejectionReason.KEYS_UNAVAILABLE);
        assertThat(verifier.verify(token(TestKeys.ES384)).isVerified()).as("known key after a failed refetch").isTrue();
    }

    @Test
    void keepsKnownKeysWhenTheJwksAnswers500() throws Exception {
        keepsKnownKeysWorkingWhen(s -> s.failWith(500));
    }

    @Test
    void keepsKnownKeysWhenTheJwksAnswersGarbage() throws Exception {
        keepsKnownKeysWorkingWhen(JwksServer::garbage);
    }

    @Test
    void keepsKnownKeysWhenTheJwksIsEmpty() throws Exception {
        keepsKnownKeysWorkingWhen(JwksServer::emptySet);
    }

    @Test
    void keepsKnownKeysWhenTheJwksHoldsOnlyUnusableKeys() throws Exception {
        OctetSequenceKey hmac = new OctetSequenceKeyGenerator(256).keyID("hmac").generate();
        keepsKnownKeysWorkingWhen(s -> s.respond(JwksServer.json("{\"keys\":[" + hmac.toJSONString() + "]}")));
    }

    @Test
    void keepsKnownKeysWhenTheJwksIsSlowerThanTheReadTimeout() throws Exception {
        keepsKnownKeysWorkingWhen(s -> s.slow(Duration.ofSeconds(10), TestKeys.ES384));
    }

    @Test
    void keepsKnownKeysWhenTheJwksClosesTheConnection() throws Exception {
        keepsKnownKeysWorkingWhen(JwksServer::connectionReset);
    }

    @Test
    void keepsKnownKeysWhenTheJwksIsLargerThanTheLimit() throws Exception {
        String huge = "{\"keys\":[" + TestKeys.ES384.toPublicJWK().toJSONString() + "],\"padding\":\"" + "x".repeat(60_000) + "\"}";
        keepsKnownKeysWorkingWhen(s -> s.respond(JwksServer.json(huge)));
    }

    @Test
    void reportsAnUnknownKeyWhileTheEndpointFailsAsUnavailableKeys() {
        server.serving(TestKeys.ES384);
        LogtoTokenVerifier verifier = verifier(server.config());
        assertThat(verifier.verify(token(TestKeys.ES384)).isVerified()).isTrue();

        server.failWith(502);
        ECKey rotated = TestKeys.generateEc(Curve.P_384);

        assertThat(verifier.verify(token(rotated)).rejection().orElseThrow().reason()).isEqualTo(RejectionReason.KEYS_UNAVAILABLE);
        assertThat(verifier.verify(token(TestKeys.ES384)).isVerified()).isTrue();

        server.serving(rotated, TestKeys.ES384);
        assertThat(verifier.verify(tokenWithKid("still-rate-limited")).rejection().orElseThrow().reason())
                .as("no fetch within the refetch interval, so the last (failed) fetch still speaks")
                .isEqualTo(RejectionReason.KEYS_UNAVAILABLE);
    }

    @Test
    void reportsUnavailableKeysWhenNothingCouldEverBeFetched() {
        server.failWith(503);
        LogtoTokenVerifier verifier = verifier(server.config());

        assertThat(verifier.verify(token(TestKeys.ES384)).rejection().orElseThrow().reason())
                .isEqualTo(RejectionReason.KEYS_UNAVAILABLE);
        assertThat(verifier.prefetchKeys()).isFalse();

        server.serving(TestKeys.ES384);
        assertThat(verifier.verify(token(TestKeys.ES384)).isVerified()).as("recovers with the next request").isTrue();
    }

    @Test
    void requestsThatWaitedForAFailedFirstFetchGetItsAnswerInsteadOfFetchingAgain() throws Exception {
        server.respond(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(503).withFixedDelay(700));
        LogtoTokenVerifier verifier = verifier(server.config());
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Future<RejectionReason>> reasons = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String token = token(TestKeys.ES384);
                reasons.add(pool.submit(() -> verifier.verify(token).rejection().orElseThrow().reason()));
            }
            for (Future<RejectionReason> reason : reasons) {
                assertThat(reason.get()).isEqualTo(RejectionReason.KEYS_UNAVAILABLE);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(server.jwksRequests()).as("one fetch for requests that arrived while it ran").isLessThanOrEqualTo(2);
    }

    @Test
    void followsTheServerWhenARefetchedSetNoLongerHoldsAKey() {
        ECKey old = TestKeys.generateEc(Curve.P_384);
        server.serving(old);
        LogtoTokenVerifier verifier = verifier(server.config());
        String oldToken = token(old);
        assertThat(verifier.verify(oldToken).isVerified()).isTrue();

        server.serving(TestKeys.ES384);
        assertThat(verifier.verify(token(TestKeys.ES384)).isVerified()).isTrue();

        assertThat(verifier.verify(oldToken).rejection().orElseThrow().reason()).isEqualTo(RejectionReason.UNKNOWN_KEY);
    }

    @Test
    void readsTheJwksLocationFromDiscovery() {
        server.discovery("http://127.0.0.1:" + server.wireMock.port() + "/custom/jwks");
        server.wireMock.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get("/custom/jwks")
                .willReturn(JwksServer.json(TestKeys.jwks(TestKeys.ES384))));
        LogtoTokenVerifier verifier = verifier(server.config().discovery(true));

        assertThat(verifier.verify(token(TestKeys.ES384)).isVerified()).isTrue();
        assertThat(server.requestsTo("/custom/jwks")).isEqualTo(1);
        assertThat(server.jwksRequests()).isZero();
    }

    @Test
    void fallsBackToTheIssuerJwksWhenDiscoveryFailsOrMisleads() {
        server.serving(TestKeys.ES384);
        LogtoTokenVerifier noDiscoveryDocument = verifier(server.config().discovery(true));
        assertThat(noDiscoveryDocument.verify(token(TestKeys.ES384)).isVerified()).isTrue();

        server.discovery("http://evil.example.com/jwks");
        LogtoTokenVerifier insecureJwksUri = verifier(server.config().discovery(true));
        assertThat(insecureJwksUri.verify(token(TestKeys.ES384)).isVerified()).isTrue();
        assertThat(server.jwksRequests()).isEqualTo(2);
    }

    @Test
    void usesAnExplicitJwksUri() {
        server.wireMock.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get("/keys")
                .willReturn(JwksServer.json(TestKeys.jwks(TestKeys.ES384))));
        LogtoTokenVerifier verifier = verifier(server.config().jwksUri("http://127.0.0.1:" + server.wireMock.port() + "/keys"));

        assertThat(verifier.verify(token(TestKeys.ES384)).isVerified()).isTrue();
        assertThat(server.requestsTo("/keys")).isEqualTo(1);
    }

    @Test
    void prefetchesKeysSoTheFirstRequestDoesNotWait() {
        server.serving(TestKeys.ES384);
        LogtoTokenVerifier verifier = verifier(server.config());

        assertThat(verifier.prefetchKeys()).isTrue();
        assertThat(server.jwksRequests()).isEqualTo(1);
        assertThat(verifier.verify(token(TestKeys.ES384)).isVerified()).isTrue();
        assertThat(server.jwksRequests()).isEqualTo(1);
    }
}
