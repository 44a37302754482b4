package io.logto.resource.conformance;

/**
 * The issuer the in-process suite ({@link InProcessConformanceSuite}) mints its tokens with: WireMock on
 * loopback at {@code http://127.0.0.1:<port>/oidc}, serving discovery and a JWKS with ES384, RS256 and ES256
 * keys. A test configures the application it starts with {@link #issuer()} and {@link #AUDIENCE} before the
 * suite sends its first request:
 *
 * <pre>{@code
 * LogtoConfig config = LogtoConfig.custom()
 *         .issuer(ConformanceIssuer.shared().issuer())
 *         .audience(ConformanceIssuer.AUDIENCE)
 *         .build();
 * }</pre>
 *
 * <p>One issuer per JVM (per class loader): started on the first call to {@link #shared()}, stopped when the
 * JVM exits, shared by every in-process suite of the test run. Its JWKS never fails; the key-server faults
 * need a fresh application per scenario and run only in jar mode ({@link SampleConformanceSuite}).
 */
public final class ConformanceIssuer {

    /** The API resource indicator the application must accept: {@value}. */
    public static final String AUDIENCE = Scene.AUDIENCE;

    private static ConformanceIssuer shared;

    private final Scene scene;

    private ConformanceIssuer(Scene scene) {
        this.scene = scene;
    }

    /**
     * The issuer of this JVM, started on the first call (a few hundred milliseconds: WireMock and four keys).
     *
     * @return the running issuer
     */
    public static synchronized ConformanceIssuer shared() {
        if (shared == null) {
            Scene scene = Scene.withIssuer();
            scene.issuer.serveJwks(scene.fullJwks());
            Runtime.getRuntime().addShutdownHook(new Thread(scene::close, "stop-conformance-issuer"));
            shared = new ConformanceIssuer(scene);
        }
        return shared;
    }

    /**
     * The issuer URL to configure: {@code http://127.0.0.1:<port>/oidc} (no trailing slash; its JWKS at
     * {@code <issuer>/jwks}, its discovery document at {@code <issuer>/.well-known/openid-configuration}).
     *
     * @return the issuer URL
     */
    public String issuer() {
        return scene.issuer.issuer();
    }

    /**
     * The API resource indicator to configure, {@link #AUDIENCE}.
     *
     * @return the audience
     */
    public String audience() {
        return AUDIENCE;
    }

    /** The issuer's keys, for a suite attached to an application. */
    Scene scene() {
        return scene;
    }
}
