package io.logto.resource.servlet;

import io.logto.resource.conformance.ConformanceIssuer;
import io.logto.resource.conformance.IdiomRoutes;
import io.logto.resource.conformance.InProcessConformanceSuite;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The shared conformance suite (in-process mode) against Jetty running the filter configured from init
 * parameters, as {@code web.xml} does: the same rules as rule lines.
 */
@IdiomRoutes("/api/idiom/is-user-in-role")
class LogtoFilterInitParametersTest extends InProcessConformanceSuite {

    private static JettyApp app;

    @BeforeAll
    static void startTheApplication() {
        app = JettyApp.startWithInitParameters(JettyApp.initParameters(ConformanceIssuer.shared().issuer()));
    }

    @AfterAll
    static void stopTheApplication() {
        app.close();
    }

    @Override
    protected URI baseUri() {
        return app.base();
    }
}
