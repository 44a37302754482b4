package io.logto.resource.quarkus.test;

import io.logto.resource.test.LogtoTestIssuer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * A Quarkus test resource that starts a {@link LogtoTestIssuer} (discovery and JWKS on a loopback port, real
 * signing keys) and sets {@code quarkus.logto.issuer} to it, so {@code @QuarkusTest} tests send real Logto-shaped
 * tokens of the scopes they choose without a Logto tenant.
 *
 * <pre>{@code
 * @QuarkusTest
 * @WithTestResource(LogtoTestResource.class)
 * class ReportsResourceTest {
 *     @InjectLogtoTestIssuer
 *     LogtoTestIssuer logto;
 *
 *     @Test
 *     void readsReports() {
 *         String token = logto.globalToken("https://api.example.com").scopes("read:report").sign();
 *         given().auth().oauth2(token).get("/api/reports").then().statusCode(200);
 *     }
 * }
 * }</pre>
 *
 * <p>The application's {@code quarkus.logto.audience} stays as configured; pass the init argument
 * {@value #AUDIENCE_ARG} to set it for the tests. Any other {@code quarkus.logto.*} init argument is passed through.
 * The issuer is stopped when the test resources stop.
 */
public final class LogtoTestResource implements QuarkusTestResourceLifecycleManager {

    /** Init argument that sets {@code quarkus.logto.audience}. */
    public static final String AUDIENCE_ARG = "audience";

    private final Map<String, String> config = new HashMap<>();
    private LogtoTestIssuer issuer;

    @Override
    public void init(Map<String, String> initArgs) {
        initArgs.forEach((name, value) -> {
            if (AUDIENCE_ARG.equals(name)) {
                config.put("quarkus.logto.audience", value);
            } else if (name.startsWith("quarkus.logto.")) {
                config.put(name, value);
            }
        });
    }

    /** Starts the issuer on a free loopback port and returns {@code quarkus.logto.issuer} (and init arguments). */
    @Override
    public Map<String, String> start() {
        issuer = LogtoTestIssuer.start();
        Map<String, String> properties = new HashMap<>(config);
        properties.put("quarkus.logto.issuer", issuer.issuer());
        return properties;
    }

    /** Injects the running issuer into fields annotated with {@link InjectLogtoTestIssuer}. */
    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(issuer,
                new TestInjector.AnnotatedAndMatchesType(InjectLogtoTestIssuer.class, LogtoTestIssuer.class));
    }

    /** Stops the issuer. */
    @Override
    public void stop() {
        if (issuer != null) {
            issuer.close();
            issuer = null;
        }
    }
}
