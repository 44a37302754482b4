package io.logto.resource.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

import io.logto.resource.core.LogtoListener;
import io.logto.resource.core.LogtoResourceServer;
import io.logto.resource.core.RejectionReason;
import io.logto.resource.core.TokenKind;
import io.logto.resource.micrometer.LogtoMetrics;
import io.logto.resource.test.LogtoTestIssuer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Requires;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * The {@code logto} health indicator, the Micrometer binder and the client trust store, in a real Micronaut
 * application context; none of them when the health endpoint and metrics are off.
 */
class LogtoOperationsTest {

    private static final String AUDIENCE = "https://api.example.com";

    @TempDir
    static Path dir;

    private static LogtoTestIssuer issuer;

    @BeforeAll
    static void startIssuer() {
        issuer = LogtoTestIssuer.start();
    }

    @AfterAll
    static void stopIssuer() {
        issuer.close();
    }

    private static ApplicationContext run(String issuerUrl, String... more) {
        Map<String, Object> properties = new HashMap<>(Map.of("logto.issuer", issuerUrl, "logto.audience", AUDIENCE));
        for (int i = 0; i < more.length; i += 2) {
            properties.put(more[i], more[i + 1]);
        }
        return ApplicationContext.run(properties);
    }

    /** The indicator's one result (its publisher answers at once). */
    private static HealthResult health(ApplicationContext context) {
        AtomicReference<HealthResult> result = new AtomicReference<>();
        context.getBean(LogtoHealthIndicator.class).getResult().subscribe(new Subscriber<HealthResult>() {
            @Override
            public void onSubscribe(Subscription subscription) {
                subscription.request(1);
            }

            @Override
            public void onNext(HealthResult next) {
                result.set(next);
            }

            @Override
            public void onError(Throwable error) {
                throw new AssertionError(error);
            }

            @Override
            public void onComplete() {
                // the result arrived in onNext
            }
        });
        assertThat(result.get()).as("health result").isNotNull();
        return result.get();
    }

    private static double verifications(MeterRegistry registry, String outcome, String kind) {
        return registry.get(LogtoMetrics.VERIFICATIONS).tags("outcome", outcome, "kind", kind).functionCounter().count();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> details(HealthResult result) {
        return (Map<String, Object>) result.getDetails();
    }

    @Test
    void healthIsDownBeforeTheFirstKeyLoadAgainstAnUnreachableJwks() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (ApplicationContext context = run(issuer.issuer(), "logto.discovery", "false",
                "logto.jwks-uri", "http://127.0.0.1:" + closedPort + "/oidc/jwks")) {
            context.getBean(LogtoResourceServer.class).authenticate("Bearer " + issuer.globalToken(AUDIENCE).sign());

            HealthResult result = health(context);
            assertThat(result.getName()).isEqualTo("logto");
            assertThat(result.getStatus()).isEqualTo(HealthStatus.DOWN);
            assertThat(details(result)).containsEntry("keys", 0).containsKey("lastFetchError");
        }
    }

    @Test
    void healthIsUpOnceKeysLoadedAndStaysUpWithTheErrorDuringAnOutage() {
        LogtoTestIssuer flaky = LogtoTestIssuer.start();
        try (ApplicationContext context = run(flaky.issuer())) {
            LogtoResourceServer logto = context.getBean(LogtoResourceServer.class);
            assertThat(logto.authenticate("Bearer " + flaky.globalToken(AUDIENCE).sign()).isAuthenticated()).isTrue();
            assertThat(health(context).getStatus()).isEqualTo(HealthStatus.UP);

            flaky.close();
            logto.authenticate("Bearer " + flaky.globalToken(AUDIENCE).signedWithUnknownKey().sign());

            HealthResult outage = health(context);
            assertThat(outage.getStatus()).isEqualTo(HealthStatus.UP);
            assertThat(details(outage)).containsKeys("lastSuccessfulFetch", "lastFetchError");
        } finally {
            flaky.close();
        }
    }

    @Test
    void theCounterMovesForAVerifiedTokenAndForEachKindOfRefusal() {
        try (ApplicationContext context = run(issuer.issuer())) {
            LogtoResourceServer logto = context.getBean(LogtoResourceServer.class);
            MeterRegistry registry = context.getBean(MeterRegistry.class);

            logto.authenticate("Bearer " + issuer.globalToken(AUDIENCE).sign());
            logto.authenticate("Bearer " + issuer.organizationApiToken(AUDIENCE, "org_1").sign());
            logto.authenticate("Bearer not-a-token");
            logto.authenticate("Bearer " + issuer.globalToken(AUDIENCE).expired().sign());
            logto.authenticate("Bearer " + issuer.globalToken("https://other.example.com").sign());

            assertThat(verifications(registry, "verified", "global_api")).isEqualTo(1);
            assertThat(verifications(registry, "verified", "organization_api")).isEqualTo(1);
            assertThat(verifications(registry, "malformed", "unknown")).isEqualTo(1);
            assertThat(registry.get(LogtoMetrics.VERIFICATIONS).tag("outcome", "expired").functionCounters())
                    .extracting(counter -> counter.count()).contains(1.0);
            assertThat(registry.get(LogtoMetrics.VERIFICATIONS).tag("outcome", "wrong_audience").functionCounters())
                    .extracting(counter -> counter.count()).contains(1.0);
            assertThat(registry.get(LogtoMetrics.JWKS_KEYS).gauge().value()).isPositive();
        }
    }

    @Test
    void anApplicationsOwnListenerHearsBesideTheMetrics() {
        try (ApplicationContext context = run(issuer.issuer(), "spec.name", "LogtoOperationsTest.listener")) {
            context.getBean(LogtoResourceServer.class).authenticate("Bearer not-a-token");

            assertThat(context.getBean(RecordingListener.class).heard).containsExactly("malformed");
            assertThat(verifications(context.getBean(MeterRegistry.class), "malformed", "unknown")).isEqualTo(1);
        }
    }

    @Test
    void withTheHealthEndpointAndMetricsOffNothingIsRegistered() {
        try (ApplicationContext context = run(issuer.issuer(), "endpoints.health.enabled", "false",
                "micronaut.metrics.enabled", "false")) {
            assertThat(context.containsBean(LogtoResourceServer.class)).isTrue();
            assertThat(context.containsBean(LogtoHealthIndicator.class)).isFalse();
            assertThat(context.containsBean(LogtoMetrics.class)).isFalse();
            assertThat(context.getBean(LogtoResourceServer.class).config().listener()).isEmpty();
        }
    }

    @Test
    void theHttpClientsTrustStoreIsTrustedForKeyRequests() throws Exception {
        Path trustStore = dir.resolve("logto-ca.p12");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=Test Logto CA",
                "-validity", "2", "-keystore", trustStore.toString(), "-storepass", "changeit", "-storetype", "PKCS12"));
        Process keytool = new ProcessBuilder(command).redirectErrorStream(true).start();
        keytool.getInputStream().readAllBytes();
        assertThat(keytool.waitFor()).isZero();

        try (ApplicationContext context = run(issuer.issuer(),
                "micronaut.http.client.ssl.trust-store.path", "file:" + trustStore,
                "micronaut.http.client.ssl.trust-store.password", "changeit",
                "micronaut.http.client.ssl.trust-store.type", "PKCS12")) {
            assertThat(context.getBean(LogtoResourceServer.class).config().sslContext()).isPresent();
        }
        try (ApplicationContext context = run(issuer.issuer())) {
            assertThat(context.getBean(LogtoResourceServer.class).config().sslContext()).isEmpty();
        }
    }

    /** An application's own listener. */
    @Singleton
    @Requires(property = "spec.name", value = "LogtoOperationsTest.listener")
    static class RecordingListener implements LogtoListener {
        final List<String> heard = new CopyOnWriteArrayList<>();

        @Override
        public void tokenRejected(RejectionReason reason, TokenKind kind) {
            heard.add(reason.code());
        }
    }
}
