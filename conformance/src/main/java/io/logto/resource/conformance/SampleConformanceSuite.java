package io.logto.resource.conformance;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;

import com.github.tomakehurst.wiremock.http.Fault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The sample contract (DESIGN.md, "The sample contract") played over HTTP against a running sample, so
 * that every framework's sample gives the same answers: each route, each rule that holds on every
 * protected route, hostile tokens and headers, and faults of the issuer's key server.
 *
 * <p>A sample's integration test extends this class and names its runnable jar:
 *
 * <pre>{@code
 * @IdiomRoutes("/api/idiom/is-user-in-role")
 * class ServletSampleIT extends SampleConformanceSuite {
 *     @Override
 *     protected Path sampleJar() {
 *         return Path.of(System.getProperty("sample.jar", "target/servlet-sample.jar"));
 *     }
 * }
 * }</pre>
 *
 * <p>{@link IdiomRoutes} names the sample's idiom routes (every sample has at least one). To run the suite against an application the test started itself, extend {@link InProcessConformanceSuite}.
 *
 * <p>The suite starts its own issuer (WireMock on loopback, {@code http://127.0.0.1:<port>/oidc}, serving
 * discovery and the JWKS) and runs the sample twice with {@code java -jar} and the environment
 * {@code LOGTO_ISSUER}, {@code LOGTO_AUDIENCE} ({@value Scene#AUDIENCE}) and {@code PORT} (a free port):
 * once for the contract, hostile tokens, headers and idioms, and once, fresh, for the key-server faults. Each
 * sample's output goes to {@link #logDirectory()}; on a failure its last lines are printed too. Every
 * request has a 10-second client timeout, so a hanging sample fails instead of stalling the build.
 */
public abstract class SampleConformanceSuite extends ConformanceSuite {

    private Scene scene;

    /** For subclasses. */
    protected SampleConformanceSuite() {
    }

    /**
     * The sample's runnable jar, e.g. {@code target/servlet-sample.jar}.
     *
     * @return the jar's path, absolute or relative to the working directory
     */
    protected abstract Path sampleJar();

    /**
     * The command that starts the sample; the suite adds the environment. Defaults to
     * {@code <java.home>/bin/java -jar <sampleJar()>} with the JVM running the tests.
     *
     * @return the command line
     */
    protected List<String> command() {
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", sampleJar().toString());
    }

    /**
     * How long a start may take until the sample answers {@code GET /api/public}. Defaults to 120 seconds.
     *
     * @return the bound
     */
    protected Duration startupTimeout() {
        return Duration.ofSeconds(120);
    }

    /**
     * Where each start's output is written ({@code <class>-contract.log}, {@code <class>-key-server-faults.log}).
     * Defaults to {@code target/conformance} in the working directory.
     *
     * @return the directory
     */
    protected Path logDirectory() {
        return Path.of("target", "conformance");
    }

    @BeforeAll
    final void startTheSampleForTheContract() {
        scene = Scene.withIssuer();
        scene.issuer.serveJwks(scene.fullJwks());
        start(scene, "contract");
    }

    @AfterAll
    final void stopTheSampleForTheContract() {
        if (scene != null) {
            scene.close();
        }
    }

    @Override
    Scene scene() {
        return scene;
    }

    @Override
    SampleProcess runningSample() {
        return scene == null ? null : scene.sample();
    }

    private void start(Scene target, String name) {
        target.startSample(command(), logDirectory().resolve(getClass().getSimpleName() + "-" + name + ".log"), startupTimeout());
    }

    /**
     * The issuer's key server failing, on a fresh sample started while the issuer is down. The scenarios run
     * in order and build on each other; each fault waits for the sample's next unknown-kid refetch (at most
     * one per 10 s by default), so this class takes about a minute.
     */
    @Nested
    @Order(5)
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    @DisplayName("key server faults")
    public class KeyServerFaults {

        private Scene faults;
        private KeyServerFaultScenarios scenarios;

        /** For JUnit. */
        public KeyServerFaults() {
        }

        @BeforeAll
        final void startAFreshSampleWhileTheIssuerIsDown() {
            faults = Scene.withIssuer();
            scenarios = new KeyServerFaultScenarios(faults);
            scenarios.issuerDown();
            start(faults, "key-server-faults");
        }

        @AfterAll
        final void stopTheFreshSample() {
            if (faults != null) {
                faults.close();
            }
        }

        SampleProcess runningSample() {
            return faults == null ? null : faults.sample();
        }

        /** While no key was ever fetched (issuer down since startup): 401 {@code invalid_token}, no hang. */
        @Test
        @Order(1)
        @DisplayName("issuer down since startup: tokens refused with 401 invalid_token")
        public void issuerDownSinceStartup() {
            scenarios.tokensAreRefusedWhileNoKeyWasEverFetched();
        }

        /** 200 concurrent first requests once the issuer is up: all granted, one JWKS request. */
        @Test
        @Order(2)
        @DisplayName("200 concurrent first requests: all granted, one JWKS request")
        public void concurrentFirstRequests() {
            scenarios.concurrentFirstRequestsShareOneJwksFetch();
        }

        /** A new key published and used at once (self-hosted Logto): picked up; the older keys keep working. */
        @Test
        @Order(3)
        @DisplayName("key rotation: a new kid is picked up, older keys keep working")
        public void keyRotation() {
            scenarios.aRotatedKeyIsPickedUp();
        }

        /** 500 tokens with unknown {@code kid}s: all refused, at most a handful of issuer requests. */
        @Test
        @Order(4)
        @DisplayName("flood of 500 unknown-kid tokens: all refused, at most 3 issuer requests")
        public void floodOfUnknownKids() {
            scenarios.aFloodOfUnknownKidsIsRateLimited();
        }

        /** JWKS answers 500. */
        @Test
        @Order(5)
        @DisplayName("JWKS answers 500: known keys keep working, unknown refused")
        public void jwksServerError() {
            scenarios.knownKeysSurvive(aResponse().withStatus(500).withBody("internal error"));
        }

        /** JWKS answers after 20 s. */
        @Test
        @Order(6)
        @DisplayName("JWKS answers after 20 s: known keys keep working, unknown refused without waiting 20 s")
        public void jwksTimeout() {
            scenarios.knownKeysSurvive(okJson(scenarios.publishedJwks()).withFixedDelay(20_000));
        }

        /** JWKS answers garbage. */
        @Test
        @Order(7)
        @DisplayName("JWKS answers garbage: known keys keep working, unknown refused")
        public void jwksGarbage() {
            scenarios.knownKeysSurvive(aResponse().withStatus(200).withHeader("Content-Type", "text/html")
                    .withBody("<html><body>502 Bad Gateway</body></html>"));
        }

        /** JWKS answers an empty set. */
        @Test
        @Order(8)
        @DisplayName("JWKS answers an empty set: known keys keep working, unknown refused")
        public void jwksEmpty() {
            scenarios.knownKeysSurvive(okJson("{\"keys\":[]}"));
        }

        /** JWKS closes the connection without answering. */
        @Test
        @Order(9)
        @DisplayName("JWKS closes the connection: known keys keep working, unknown refused")
        public void jwksConnectionClosed() {
            scenarios.knownKeysSurvive(aResponse().withFault(Fault.EMPTY_RESPONSE));
        }

        /**
         * While one request waits for a key fetch that the JWKS endpoint accepts and never answers, concurrent
         * requests to {@code /api/public} and with an already-verified token all complete first (issue 13).
         */
        @Test
        @Order(10)
        @DisplayName("a request waiting for a stalled key fetch: 16 public and 16 already-verified requests complete before it")
        public void unrelatedRequestsDoNotWaitForAKeyFetch() {
            scenarios.unrelatedRequestsDoNotWaitForAKeyFetch();
        }

        /** A well-formed JWKS without the key in use: that key is retired, the keys still published keep working. */
        @Test
        @Order(11)
        @DisplayName("JWKS without the key in use: that key is refused (even for a token accepted before), the others keep working")
        public void jwksWithoutTheKeyInUse() {
            scenarios.aSetWithoutTheKeyInUseRetiresIt();
        }
    }
}
