package io.logto.resource.servlet;

import io.logto.resource.conformance.ConformanceIssuer;
import io.logto.resource.conformance.IdiomRoutes;
import io.logto.resource.conformance.InProcessConformanceSuite;
import io.logto.resource.core.LogtoConfig;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The shared conformance suite (in-process mode: contract, hostile tokens, headers, idioms) against Jetty
 * running the filter configured in code: {@link LogtoConfig} and the {@link LogtoRoutes} builder.
 */
@IdiomRoutes("/api/idiom/is-user-in-role")
class LogtoFilterInCodeTest extends InProcessConformanceSuite {

    private static JettyApp app;

    @BeforeAll
    static void startTheApplication() {
        LogtoConfig config = LogtoConfig.custom().issuer(ConformanceIssuer.shared().issuer())
                .audience(ConformanceIssuer.AUDIENCE).build();
        app = JettyApp.start(new LogtoFilter(config, JettyApp.ROUTES));
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
