package io.logto.resource.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.logto.resource.core.LogtoListener;
import io.logto.resource.core.LogtoResourceServer;
import io.logto.resource.core.RejectionReason;
import io.logto.resource.core.TokenKind;
import io.logto.resource.micrometer.LogtoMetrics;
import io.logto.resource.test.LogtoTestIssuer;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Health, metrics and the SSL bundle appear with Actuator, Micrometer and the property; without them nothing changes. */
class LogtoOperationsAutoConfigurationTest {

    private static final String AUDIENCE = "https://api.example.com";

    @TempDir
    static Path dir;

    private static LogtoTestIssuer issuer;

    private final ApplicationContextRunner actuator = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(LogtoAutoConfiguration.class, LogtoOperationsAutoConfiguration.class,
                    MetricsAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
                    CompositeMeterRegistryAutoConfiguration.class, HealthContributorAutoConfiguration.class,
                    HealthContributorRegistryAutoConfiguration.class, SslAutoConfiguration.class))
            .withPropertyValues("logto.issuer=" + issuer.issuer(), "logto.audience=" + AUDIENCE);

    @BeforeAll
    static void startIssuer() {
        issuer = LogtoTestIssuer.start();
    }

    @AfterAll
    static void stopIssuer() {
        issuer.close();
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static double verifications(MeterRegistry registry, String outcome, String kind) {
        return registry.get(LogtoMetrics.VERIFICATIONS).tags("outcome", outcome, "kind", kind).functionCounter().count();
    }

    @Test
    void theLogtoHealthComponentIsDownBeforeTheFirstKeyLoadAgainstAnUnreachableJwks() throws Exception {
        actuator.withPropertyValues("logto.discovery=false", "logto.jwks-uri=http://127.0.0.1:" + closedPort() + "/oidc/jwks")
                .run(context -> {
                    LogtoResourceServer logto = context.getBean(LogtoResourceServer.class);
                    logto.authenticate("Bearer " + issuer.globalToken(AUDIENCE).sign());

                    HealthIndicator logtoHealth = (HealthIndicator) context.getBean(HealthContributorRegistry.class).getContributor("logto");
                    Health health = logtoHealth.health();
                    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                    assertThat(health.getDetails()).containsEntry("issuer", issuer.issuer()).containsEntry("keys", 0)
                            .containsKey("lastFetchError").doesNotContainKey("lastSuccessfulFetch");
                });
    }

    @Test
    void theLogtoHealthComponentIsUpOnceKeysLoadedAndStaysUpWithTheErrorDuringAnOutage() {
        try (LogtoTestIssuer flaky = LogtoTestIssuer.start()) {
            actuator.withPropertyValues("logto.issuer=" + flaky.issuer()).run(context -> {
                LogtoResourceServer logto = context.getBean(LogtoResourceServer.class);
                HealthIndicator health = context.getBean(LogtoHealthIndicator.class);
                assertThat(logto.authenticate("Bearer " + flaky.globalToken(AUDIENCE).sign()).isAuthenticated()).isTrue();
                assertThat(health.health().getStatus()).isEqualTo(Status.UP);
                assertThat(health.health().getDetails()).containsKey("lastSuccessfulFetch").doesNotContainKey("lastFetchError");

                flaky.close();
                logto.authenticate("Bearer " + flaky.globalToken(AUDIENCE).signedWithUnknownKey().sign());

                assertThat(health.health().getStatus()).isEqualTo(Status.UP);
                assertThat(health.health().getDetails()).containsKeys("lastSuccessfulFetch", "lastFetchError");
            });
        }
    }

    @Test
    void theCounterMovesForAVerifiedTokenAndForEachKindOfRefusal() {
        actuator.run(context -> {
            LogtoResourceServer logto = context.getBean(LogtoResourceServer.class);
            MeterRegistry registry = context.getBean(MeterRegistry.class);

            logto.authenticate("Bearer " + issuer.globalToken(AUDIENCE).sign());
            logto.authenticate("Bearer " + issuer.organizationToken("org_1").sign());
            logto.authenticate("Bearer not-a-token");
            logto.authenticate("Bearer " + issuer.globalToken(AUDIENCE).expired().sign());
            logto.authenticate("Bearer " + issuer.globalToken("https://other.example.com").sign());
            logto.authenticate("Bearer " + issuer.globalToken(AUDIENCE).signedWithUnknownKey().sign());

            assertThat(verifications(registry, "verified", "global_api")).isEqualTo(1);
            assertThat(verifications(registry, "verified", "organization")).isEqualTo(1);
            assertThat(verifications(registry, "malformed", "unknown")).isEqualTo(1);
            assertThat(registry.get(LogtoMetrics.VERIFICATIONS).tag("outcome", "expired").functionCounters())
                    .extracting(counter -> counter.count()).contains(1.0);
            assertThat(registry.get(LogtoMetrics.VERIFICATIONS).tag("outcome", "wrong_audience").functionCounters())
                    .extracting(counter -> counter.count()).contains(1.0);
            assertThat(registry.get(LogtoMetrics.VERIFICATIONS).tag("outcome", "unknown_key").functionCounters())
                    .extracting(counter -> counter.count()).contains(1.0);
            assertThat(registry.get(LogtoMetrics.JWKS_FETCH).tags("outcome", "success", "cause", "first_load")
                    .functionTimer().totalTime(TimeUnit.NANOSECONDS)).isPositive();
            assertThat(registry.get(LogtoMetrics.JWKS_KEYS).gauge().value()).isPositive();
        });
    }

    @Test
    void anApplicationsOwnListenerHearsBesideTheMetrics() {
        actuator.withUserConfiguration(RecordingListener.class).run(context -> {
            context.getBean(LogtoResourceServer.class).authenticate("Bearer not-a-token");

            assertThat(context.getBean(RecordingListener.class).heard).containsExactly("malformed");
            assertThat(verifications(context.getBean(MeterRegistry.class), "malformed", "unknown")).isEqualTo(1);
        });
    }

    @Test
    void withoutActuatorHealthOnTheClassPathThereIsNoHealthComponentButStillMetrics() {
        actuator.withClassLoader(new FilteredClassLoader(HealthIndicator.class)).run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(LogtoHealthIndicator.class).hasSingleBean(LogtoMetrics.class);
        });
    }

    @Test
    void withoutActuatorOrMicrometerOnTheClassPathNothingIsRegistered() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(LogtoAutoConfiguration.class, LogtoOperationsAutoConfiguration.class))
                .withPropertyValues("logto.issuer=" + issuer.issuer(), "logto.audience=" + AUDIENCE)
                .withClassLoader(new FilteredClassLoader(HealthIndicator.class, MeterRegistry.class)).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(LogtoResourceServer.class);
            assertThat(context).doesNotHaveBean(LogtoHealthIndicator.class).doesNotHaveBean(LogtoMetrics.class);
            assertThat(context.getBean(LogtoResourceServer.class).config().listener()).isEmpty();
        });
    }

    @Test
    void withoutAMeterRegistryBeanThereIsNoBinderAndNoListener() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(LogtoAutoConfiguration.class, LogtoOperationsAutoConfiguration.class))
                .withPropertyValues("logto.issuer=" + issuer.issuer(), "logto.audience=" + AUDIENCE)
                .run(context -> {
                    assertThat(context).doesNotHaveBean(LogtoMetrics.class);
                    assertThat(context.getBean(LogtoResourceServer.class).config().listener()).isEmpty();
                });
    }

    @Test
    void theApplicationsOwnBeansWin() {
        actuator.withUserConfiguration(OwnBeans.class).run(context -> {
            assertThat(context.getBean("logtoHealthIndicator")).isSameAs(context.getBean(OwnBeans.class).health);
            assertThat(context.getBean(LogtoMetrics.class)).isSameAs(context.getBean(OwnBeans.class).metrics);
        });
    }

    @Test
    void anSslBundleNamedByLogtoSslBundleBecomesTheKeyFetchSslContext() throws Exception {
        Path ca = dir.resolve("ca.p12");
        Path caPem = dir.resolve("ca.pem");
        keytool("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=Test Logto CA",
                "-ext", "bc:c", "-validity", "2", "-keystore", ca.toString(), "-storepass", "changeit", "-storetype", "PKCS12");
        keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", ca.toString(), "-storepass", "changeit",
                "-file", caPem.toString());

        actuator.withPropertyValues("spring.ssl.bundle.pem.private-ca.truststore.certificate=" + caPem.toUri(),
                "logto.ssl-bundle=private-ca").run(context ->
                assertThat(context.getBean(LogtoResourceServer.class).config().sslContext()).isPresent());
        actuator.run(context ->
                assertThat(context.getBean(LogtoResourceServer.class).config().sslContext()).isEmpty());
        actuator.withPropertyValues("logto.ssl-bundle=missing").run(context ->
                assertThat(context).hasFailed().getFailure().hasStackTraceContaining("missing"));
    }

    private static void keytool(String... args) throws Exception {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        List<String> command = new java.util.ArrayList<>(List.of(keytool.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as(output).isZero();
    }

    @Configuration(proxyBeanMethods = false)
    static class RecordingListener implements LogtoListener {
        final List<String> heard = new CopyOnWriteArrayList<>();

        @Override
        public void tokenRejected(RejectionReason reason, TokenKind kind) {
            heard.add(reason.code());
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnBeans {
        final HealthIndicator health = () -> Health.up().build();
        final LogtoMetrics metrics = new LogtoMetrics(() -> null);

        @Bean
        HealthIndicator logtoHealthIndicator() {
            return health;
        }

        @Bean
        LogtoMetrics logtoMetrics() {
            return metrics;
        }
    }

    @Test
    void aConfigCustomizerBeanAdjustsTheConfigurationAsTheReadmeShows() {
        actuator.withUserConfiguration(ProxyConfiguration.class).run(context ->
                assertThat(context.getBean(LogtoResourceServer.class).config().proxy())
                        .hasValueSatisfying(proxy -> assertThat(proxy.address()).hasToString("proxy.internal/<unresolved>:3128")));
    }

    @Configuration(proxyBeanMethods = false)
    static class ProxyConfiguration {
        // tag::customizer[]
        @Bean
        LogtoConfigCustomizer logtoThroughTheCorporateProxy() {
            return config -> config.proxy(new Proxy(Proxy.Type.HTTP,
                    InetSocketAddress.createUnresolved("proxy.internal", 3128)));
        }
        // end::customizer[]
    }
}
