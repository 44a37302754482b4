package io.logto.resource.quarkus.deployment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.logto.resource.core.LogtoListener;
import io.logto.resource.core.LogtoResourceServer;
import io.logto.resource.core.RejectionReason;
import io.logto.resource.core.TokenKind;
import io.logto.resource.micrometer.LogtoMetrics;
import io.logto.resource.test.LogtoTestIssuer;
import io.logto.resource.test.LogtoTokenMinter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.QuarkusUnitTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * With quarkus-smallrye-health and quarkus-micrometer: the {@code logto} readiness check (DOWN while the issuer is
 * unreachable, UP once keys loaded, UP with the error during an outage), the verification counter, and an
 * application's own listener beside the metrics.
 */
class LogtoOperationsTest {

    private static final String AUDIENCE = "https://api.example.com";

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(IssuerPort.class, RecordingListener.class))
            .overrideConfigKey("quarkus.http.test-port", "0")
            .overrideRuntimeConfigKey("quarkus.logto.issuer", IssuerPort.issuer())
            .overrideRuntimeConfigKey("quarkus.logto.audience", AUDIENCE);

    @Inject
    LogtoResourceServer logto;
    @Inject
    MeterRegistry registry;
    @Inject
    RecordingListener listener;

    private static JsonPath logtoCheck(Response health) {
        return JsonPath.from(health.asString()).setRootPath("checks.find { it.name == 'logto' }");
    }

    private double verifications(String outcome, String kind) {
        return registry.get(LogtoMetrics.VERIFICATIONS).tags("outcome", outcome, "kind", kind).functionCounter().count();
    }

    @Test
    void readinessFollowsTheKeysAndTheCounterMovesForEveryOutcome() {
        String unreachable = LogtoTokenMinter.create(IssuerPort.issuer()).globalToken(AUDIENCE).sign();
        assertThat(logto.authenticate("Bearer " + unreachable).isAuthenticated()).isFalse();
        Response down = given().get("/q/health/ready");
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(logtoCheck(down).getString("status")).isEqualTo("DOWN");
        assertThat(logtoCheck(down).getString("data.lastFetchError")).isNotBlank();
        assertThat(verifications("keys_unavailable", "unknown")).isEqualTo(1);

        LogtoTestIssuer issuer = LogtoTestIssuer.start(IssuerPort.get());
        try {
            assertThat(logto.authenticate("Bearer " + issuer.globalToken(AUDIENCE).sign()).isAuthenticated()).isTrue();
            logto.authenticate("Bearer " + issuer.organizationToken("org_1").sign());
            logto.authenticate("Bearer not-a-token");
            logto.authenticate("Bearer " + issuer.globalToken(AUDIENCE).expired().sign());
            Response up = given().get("/q/health/ready");
            assertThat(up.statusCode()).isEqualTo(200);
            assertThat(logtoCheck(up).getString("status")).isEqualTo("UP");
            assertThat(logtoCheck(up).getString("data.issuer")).isEqualTo(IssuerPort.issuer());
            assertThat(logtoCheck(up).getString("data.lastSuccessfulFetch")).isNotBlank();
        } finally {
            issuer.close();
        }
        logto.authenticate("Bearer " + issuer.globalToken(AUDIENCE).signedWithUnknownKey().sign());
        Response outage = given().get("/q/health/ready");
        assertThat(outage.statusCode()).isEqualTo(200);
        assertThat(logtoCheck(outage).getString("data.lastFetchError")).isNotBlank();

        assertThat(verifications("verified", "global_api")).isEqualTo(1);
        assertThat(verifications("verified", "organization")).isEqualTo(1);
        assertThat(verifications("malformed", "unknown")).isEqualTo(1);
        assertThat(registry.get(LogtoMetrics.VERIFICATIONS).tag("outcome", "expired").functionCounters())
                .extracting(counter -> counter.count()).contains(1.0);
        assertThat(logto.status().keyCount()).as(logto.status().details().toString()).isPositive();
        // No metrics backend in this test: give the global composite one, as a registry extension would.
        ((CompositeMeterRegistry) registry).add(new SimpleMeterRegistry());
        assertThat(registry.get(LogtoMetrics.JWKS_KEYS).gauge().value()).isEqualTo(logto.status().keyCount());
        assertThat(listener.heard()).contains("malformed", "expired");
    }

    /** An application's own listener, injected nowhere but the resource server. */
    @ApplicationScoped
    public static class RecordingListener implements LogtoListener {
        private final List<String> heard = new CopyOnWriteArrayList<>();

        /** What it heard (a method: the injected client proxy does not share fields). */
        public List<String> heard() {
            return heard;
        }

        @Override
        public void tokenRejected(RejectionReason reason, TokenKind kind) {
            heard.add(reason.code());
        }
    }
}
