package io.logto.resource.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.logto.resource.core.LogtoConfig;
import io.logto.resource.core.LogtoResourceServer;
import io.logto.resource.core.RejectionReason;
import io.logto.resource.core.TokenKind;
import io.logto.resource.test.LogtoTestIssuer;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LogtoMetricsTest {

    private static final String AUDIENCE = "https://api.example.com";

    private final LogtoTestIssuer issuer = LogtoTestIssuer.start();
    private final MeterRegistry registry = new SimpleMeterRegistry();
    private final AtomicReference<LogtoResourceServer> server = new AtomicReference<>();
    private final LogtoMetrics metrics = new LogtoMetrics(() -> server.get().status(),
            Clock.offset(Clock.systemUTC(), Duration.ofHours(1)));

    @AfterEach
    void stop() {
        if (server.get() != null) {
            server.get().close();
        }
        issuer.close();
    }

    private LogtoResourceServer start(LogtoConfig.Builder config) {
        server.set(LogtoResourceServer.create(config.listener(metrics).build()));
        metrics.bindTo(registry);
        return server.get();
    }

    private LogtoConfig.Builder config() {
        return LogtoConfig.custom().issuer(issuer.issuer()).audience(AUDIENCE);
    }

    private double verifications(String outcome, String kind) {
        return registry.get(LogtoMetrics.VERIFICATIONS).tags("outcome", outcome, "kind", kind).functionCounter().count();
    }

    private double verifications(String outcome) {
        return registry.get(LogtoMetrics.VERIFICATIONS).tag("outcome", outcome).functionCounters().stream()
                .mapToDouble(counter -> counter.count()).sum();
    }

    @Test
    void countsVerifiedTokensOfEachKindCacheHitsIncluded() {
        LogtoResourceServer logto = start(config());
        String global = issuer.globalToken(AUDIENCE).scopes("read:report").sign();

        for (int i = 0; i < 3; i++) {
            assertThat(logto.verifier().verify(global).isVerified()).isTrue();
        }
        logto.verifier().verify(issuer.organizationToken("org_42").sign());
        logto.verifier().verify(issuer.organizationApiToken(AUDIENCE, "org_42").sign());

        assertThat(verifications("verified", "global_api")).isEqualTo(3);
        assertThat(verifications("verified", "organization")).isEqualTo(1);
        assertThat(verifications("verified", "organization_api")).isEqualTo(1);
        assertThat(logto.status().tokenCacheHits()).isPositive();
    }

    @Test
    void countsEachKindOfRefusalUnderItsReasonCode() {
        LogtoResourceServer logto = start(config());

        logto.verifier().verify("not-a-token");
        logto.verifier().verify(issuer.globalToken(AUDIENCE).expired().sign());
        logto.verifier().verify(issuer.globalToken("https://other.example.com").sign());
        logto.verifier().verify(issuer.globalToken(AUDIENCE).issuer("https://evil.example.com/oidc").sign());
        logto.verifier().verify(issuer.globalToken(AUDIENCE).type("JWT").sign());
        String valid = issuer.globalToken(AUDIENCE).sign();
        logto.verifier().verify(valid.substring(0, valid.lastIndexOf('.') + 1) + "AAAA" + valid.substring(valid.lastIndexOf('.') + 5));

        assertThat(verifications("malformed", "unknown")).isEqualTo(1);
        assertThat(verifications("expired")).isEqualTo(1);
        assertThat(verifications("wrong_audience")).isEqualTo(1);
        assertThat(verifications("wrong_issuer")).isEqualTo(1);
        assertThat(verifications("wrong_type")).isEqualTo(1);
        assertThat(verifications("invalid_signature")).isEqualTo(1);
        assertThat(verifications("verified")).isZero();
    }

    @Test
    void registersEveryOutcomeAndKindUpFrontWithOnlyBoundedTagValues() {
        start(config());

        Set<String> outcomes = Stream.concat(Stream.of("verified"),
                Arrays.stream(RejectionReason.values()).map(RejectionReason::code)).collect(Collectors.toSet());
        Set<String> kinds = Stream.concat(Stream.of("unknown"),
                Arrays.stream(TokenKind.values()).map(kind -> kind.name().toLowerCase(Locale.ROOT))).collect(Collectors.toSet());
        assertThat(registry.get(LogtoMetrics.VERIFICATIONS).functionCounters()).hasSize(outcomes.size() * kinds.size());
        Set<String> tagValues = new HashSet<>();
        for (Meter meter : registry.getMeters()) {
            assertThat(meter.getId().getTags()).extracting(Tag::getKey).isSubsetOf("outcome", "kind", "cause");
            meter.getId().getTags().forEach(tag -> tagValues.add(tag.getValue()));
        }
        Set<String> allowed = new HashSet<>(outcomes);
        allowed.addAll(kinds);
        allowed.addAll(Set.of("success", "failure", "first_load", "refresh", "unknown_key"));
        assertThat(tagValues).isSubsetOf(allowed);
    }

    @Test
    void callerIdentitiesNeverBecomeTags() {
        LogtoResourceServer logto = start(config());

        logto.verifier().verify(issuer.organizationApiToken(AUDIENCE, "org_secret_7").subject("user_secret_9")
                .clientId("client_secret_3").scopes("read:secret").sign());
        logto.verifier().verify(issuer.globalToken("https://other.example.com").subject("user_secret_9").sign());

        assertThat(registry.getMeters()).flatExtracting(meter -> meter.getId().getTags())
                .extracting(Tag::getValue).noneMatch(value -> value.contains("secret"));
    }

    @Test
    void timesKeyFetchesByOutcomeAndCause() {
        LogtoResourceServer logto = start(config());

        logto.verifier().verify(issuer.globalToken(AUDIENCE).sign());
        issuer.rotateKey();
        logto.verifier().verify(issuer.globalToken(AUDIENCE).sign());

        FunctionTimer firstLoad = registry.get(LogtoMetrics.JWKS_FETCH).tags("outcome", "success", "cause", "first_load").functionTimer();
        FunctionTimer unknownKey = registry.get(LogtoMetrics.JWKS_FETCH).tags("outcome", "success", "cause", "unknown_key").functionTimer();
        assertThat(firstLoad.count()).isEqualTo(1);
        assertThat(firstLoad.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS)).isPositive();
        assertThat(unknownKey.count()).isEqualTo(1);
        assertThat(verifications("verified", "global_api")).isEqualTo(2);
    }

    @Test
    void aFailedFirstLoadIsTimedAsAFailureAndTheGaugesReadNaN() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        LogtoResourceServer logto = start(config().discovery(false)
                .jwksUri("http://127.0.0.1:" + closedPort + "/oidc/jwks"));

        logto.verifier().verify(issuer.globalToken(AUDIENCE).sign());

        assertThat(registry.get(LogtoMetrics.JWKS_FETCH).tags("outcome", "failure", "cause", "first_load")
                .functionTimer().count()).isEqualTo(1);
        assertThat(verifications("keys_unavailable")).isEqualTo(1);
        assertThat(registry.get(LogtoMetrics.JWKS_KEYS).gauge().value()).isZero();
        assertThat(registry.get(LogtoMetrics.JWKS_KEY_AGE).gauge().value()).isNaN();
    }

    @Test
    void gaugesReadKeysKeyAgeAndCacheSizeFromTheStatus() {
        LogtoResourceServer logto = start(config());
        String token = issuer.globalToken(AUDIENCE).sign();
        assertThat(registry.get(LogtoMetrics.JWKS_KEY_AGE).gauge().value()).isNaN();

        for (int i = 0; i < 3; i++) {
            logto.verifier().verify(token);
        }

        assertThat(registry.get(LogtoMetrics.JWKS_KEYS).gauge().value()).isEqualTo(logto.status().keyCount()).isPositive();
        // The metrics' clock runs an hour ahead of the fetch's, so the age is at least 3600 s.
        assertThat(registry.get(LogtoMetrics.JWKS_KEY_AGE).gauge().value()).isBetween(3600.0, 7200.0);
        assertThat(registry.get(LogtoMetrics.TOKEN_CACHE_SIZE).gauge().value()).isEqualTo(1);
    }

    @Test
    void duringAKeyServerOutageTheKeysInMemoryStillCount() {
        LogtoResourceServer logto = start(config());
        logto.verifier().verify(issuer.globalToken(AUDIENCE).sign());

        issuer.close();
        logto.verifier().verify(issuer.globalToken(AUDIENCE).signedWithUnknownKey().sign());

        assertThat(registry.get(LogtoMetrics.JWKS_FETCH).tags("outcome", "failure", "cause", "unknown_key")
                .functionTimer().count()).isEqualTo(1);
        assertThat(logto.status().lastFetchError()).isPresent();
        assertThat(registry.get(LogtoMetrics.JWKS_KEYS).gauge().value()).isEqualTo(1);
        assertThat(registry.get(LogtoMetrics.JWKS_KEY_AGE).gauge().value()).isNotNaN();
    }

    @Test
    void eventsHeardBeforeBindingAreCountedAndGaugesWithoutAServerReadNaN() {
        MeterRegistry unbound = new SimpleMeterRegistry();
        LogtoMetrics early = new LogtoMetrics(() -> null);
        early.tokenVerified(TokenKind.ORGANIZATION, false);
        early.tokenRejected(RejectionReason.EXPIRED, null);

        early.bindTo(unbound);

        assertThat(unbound.get(LogtoMetrics.VERIFICATIONS).tags("outcome", "verified", "kind", "organization")
                .functionCounter().count()).isEqualTo(1);
        assertThat(unbound.get(LogtoMetrics.VERIFICATIONS).tags("outcome", "expired", "kind", "unknown")
                .functionCounter().count()).isEqualTo(1);
        assertThat(unbound.get(LogtoMetrics.JWKS_KEYS).gauge().value()).isNaN();
        assertThat(unbound.get(LogtoMetrics.TOKEN_CACHE_SIZE).gauge().value()).isNaN();
    }

    @Test
    void wiredByHandAsTheReadmeShows() {
        MeterRegistry meterRegistry = registry;
        String issuerUrl = issuer.issuer();
        // tag::by-hand[]
        AtomicReference<LogtoResourceServer> logto = new AtomicReference<>();
        LogtoMetrics metrics = new LogtoMetrics(() -> logto.get().status());
        logto.set(LogtoResourceServer.create(LogtoConfig.custom()
                .issuer(issuerUrl)
                .audience("https://api.example.com")
                .listener(metrics)
                .build()));
        metrics.bindTo(meterRegistry);
        // end::by-hand[]
        server.set(logto.get());

        logto.get().verifier().verify(issuer.globalToken(AUDIENCE).sign());

        assertThat(verifications("verified", "global_api")).isEqualTo(1);
        assertThat(meterRegistry.get(LogtoMetrics.JWKS_KEYS).gauge().value()).isPositive();
    }
}
