package io.logto.resource.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class VerifiedTokenCacheTest {

    private final JwksServer server = new JwksServer().serving(TestKeys.ES384);
    private final MutableClock clock = new MutableClock(Instant.now());
    private DefaultLogtoTokenVerifier verifier = new DefaultLogtoTokenVerifier(server.config().clock(clock).build());

    @AfterEach
    void stop() {
        verifier.close();
        server.close();
    }

    private String token(Duration lifetime) {
        Instant now = clock.instant();
        return TestKeys.sign(TestKeys.ES384, server.claims().issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime))).build());
    }

    @Test
    void cachesATokenFromItsSecondVerificationAndThenAnswersWithTheSameObject() {
        String token = token(Duration.ofHours(1));

        VerificationResult first = verifier.verify(token);
        assertThat(verifier.cachedTokens()).as("a first sighting is only remembered").isZero();
        VerificationResult second = verifier.verify(token);
        VerificationResult third = verifier.verify(token);

        assertThat(first.isVerified()).isTrue();
        assertThat(second).isNotSameAs(first);
        assertThat(third).isSameAs(second);
        assertThat(third.token().orElseThrow()).isSameAs(second.token().orElseThrow());
        assertThat(verifier.cachedTokens()).isEqualTo(1);
    }

    @Test
    void neverCachesTokensSeenOnlyOnce() {
        for (int i = 0; i < 50; i++) {
            assertThat(verifier.verify(TestKeys.sign(TestKeys.ES384, server.claims().jwtID("once-" + i).build())).isVerified()).isTrue();
        }
        assertThat(verifier.cachedTokens()).isZero();
    }

    private VerificationResult verifyTwice(String token) {
        verifier.verify(token);
        return verifier.verify(token);
    }

    @Test
    void checksExpiryOnEveryHitAgainstTheClock() {
        String token = token(Duration.ofMinutes(10));
        assertThat(verifyTwice(token).isVerified()).isTrue();
        assertThat(verifier.cachedTokens()).isEqualTo(1);

        clock.advance(Duration.ofMinutes(10).plus(LogtoConfig.DEFAULT_CLOCK_SKEW).plusSeconds(1));

        assertThat(verifier.verify(token).rejection().orElseThrow().reason()).isEqualTo(RejectionReason.EXPIRED);
        assertThat(verifier.cachedTokens()).isZero();
    }

    @Test
    void cachesOnlySuccessfulVerifications() {
        String wrongAudience = TestKeys.sign(TestKeys.ES384, server.claims().audience("https://other.example.com").build());

        assertThat(verifier.verify(wrongAudience).isVerified()).isFalse();
        assertThat(verifier.verify(wrongAudience).isVerified()).isFalse();
        assertThat(verifier.cachedTokens()).isZero();
    }

    @Test
    void dropsCachedTokensWhenTheirKeyLeavesTheJwks() {
        String token = token(Duration.ofHours(1));
        assertThat(verifyTwice(token).isVerified()).isTrue();
        assertThat(verifier.cachedTokens()).isEqualTo(1);

        ECKey next = TestKeys.generateEc(Curve.P_384);
        server.serving(next);
        assertThat(verifier.verify(TestKeys.sign(next, server.claims().build())).isVerified()).isTrue();

        assertThat(verifier.verify(token).rejection().orElseThrow().reason()).isEqualTo(RejectionReason.UNKNOWN_KEY);
    }

    @Test
    void boundsTheNumberOfEntries() {
        verifier.close();
        verifier = new DefaultLogtoTokenVerifier(server.config().clock(clock).tokenCacheMaxEntries(5).build());
        for (int i = 0; i < 20; i++) {
            assertThat(verifyTwice(TestKeys.sign(TestKeys.ES384, server.claims().jwtID("t" + i).build())).isVerified()).isTrue();
        }
        assertThat(verifier.cachedTokens()).isLessThanOrEqualTo(5);
    }

    @Test
    void cachesEveryTokenInUseWhenManyClientsReuseTheirTokensAtOnce() {
        verifier.close();
        verifier = new DefaultLogtoTokenVerifier(server.config().clock(clock).tokenCacheMaxEntries(256).build());
        // 200 tokens in round-robin: with one fingerprint slot per digest, some pairs would share a slot
        // and keep displacing each other's first sighting, so they would never be cached
        List<String> tokens = IntStream.range(0, 200)
                .mapToObj(i -> TestKeys.sign(TestKeys.ES384, server.claims().jwtID("reused-" + i).build()))
                .collect(Collectors.toList());
        for (int pass = 0; pass < 5; pass++) {
            for (String token : tokens) {
                assertThat(verifier.verify(token).isVerified()).isTrue();
            }
        }
        assertThat(verifier.cachedTokens()).isEqualTo(tokens.size());
    }

    @Test
    void verifiesEveryTimeWhenTheCacheIsOff() {
        verifier.close();
        verifier = new DefaultLogtoTokenVerifier(server.config().clock(clock).tokenCacheMaxEntries(0).build());
        String token = token(Duration.ofHours(1));

        assertThat(verifier.verify(token)).isNotSameAs(verifier.verify(token));
        assertThat(verifier.cachedTokens()).isZero();
    }

    @Test
    void neverServesACachedResultForADifferentToken() {
        String token = token(Duration.ofHours(1));
        assertThat(verifyTwice(token).isVerified()).isTrue();
        String[] parts = token.split("\\.");
        String otherPayload = TestKeys.sign(TestKeys.ES384, server.claims().subject("admin").build()).split("\\.")[1];

        assertThat(verifier.verify(parts[0] + "." + otherPayload + "." + parts[2]).isVerified()).isFalse();
    }
}
