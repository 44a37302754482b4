package io.logto.resource.quarkus.deployment;

import io.logto.resource.core.LogtoResourceServer;
import io.logto.resource.test.LogtoTestIssuer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Base of the end-to-end tests whose application ({@link TestApplication#withLoopbackIssuer}) trusts the loopback
 * issuer: starts it on {@link IssuerPort} before the tests and stops it after them, and injects the application's
 * resource server for computing the expected answers.
 */
abstract class LoopbackIssuerTest {

    /** The running issuer; mints the tests' tokens. */
    static LogtoTestIssuer issuer;

    @Inject
    LogtoResourceServer logto;

    @BeforeAll
    static void startIssuer() {
        issuer = LogtoTestIssuer.start(IssuerPort.get());
    }

    @AfterAll
    static void stopIssuer() {
        issuer.close();
    }
}
