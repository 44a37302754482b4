package io.logto.resource.conformance;

import java.net.URI;

/**
 * The suite against an application the test started itself (the framework's own test harness, or an
 * embedded server) instead of a runnable jar: the contract, hostile tokens, the {@code Authorization}
 * header and the framework idioms. The key-server faults are not run in this mode: each needs a fresh
 * application and an issuer whose JWKS fails, so they stay with {@link SampleConformanceSuite}.
 *
 * <p>The application must trust {@link ConformanceIssuer#shared()} with the audience
 * {@link ConformanceIssuer#AUDIENCE}, answer the sample contract at {@link #baseUri()} and name its idiom
 * routes with {@link IdiomRoutes}. For example, with an embedded server started in {@code @BeforeAll}:
 *
 * <pre>{@code
 * @IdiomRoutes("/api/idiom/is-user-in-role")
 * class LogtoFilterConformanceTest extends InProcessConformanceSuite {
 *     static Server server;
 *
 *     @BeforeAll
 *     static void startTheApplication() {
 *         LogtoConfig config = LogtoConfig.custom().issuer(ConformanceIssuer.shared().issuer())
 *                 .audience(ConformanceIssuer.AUDIENCE).build();
 *         server = MyApp.start(config, 0);
 *     }
 *
 *     @Override
 *     protected URI baseUri() {
 *         return URI.create("http://127.0.0.1:" + port(server));
 *     }
 * }
 * }</pre>
 *
 * <p>{@link #baseUri()} is first called when the first group runs, after every {@code @BeforeAll} of the
 * test class and after a framework extension (Spring's {@code @SpringBootTest}, {@code @MicronautTest},
 * {@code @QuarkusTest}) has started the application and injected its port.
 */
public abstract class InProcessConformanceSuite extends ConformanceSuite {

    private Scene scene;

    /** For subclasses. */
    protected InProcessConformanceSuite() {
    }

    /**
     * Where the application answers, e.g. {@code http://127.0.0.1:8080}, with its context path if it has one
     * ({@code http://127.0.0.1:8080/app}); the suite appends the contract's paths to it.
     *
     * @return the base URI of the running application
     */
    protected abstract URI baseUri();

    @Override
    final synchronized Scene scene() {
        if (scene == null) {
            scene = ConformanceIssuer.shared().scene().attachedTo(baseUri());
        }
        return scene;
    }
}
