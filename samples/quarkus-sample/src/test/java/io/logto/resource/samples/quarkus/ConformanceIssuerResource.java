package io.logto.resource.samples.quarkus;

import io.logto.resource.conformance.ConformanceIssuer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Points the application at the conformance suite's shared issuer ({@link ConformanceIssuer#shared()}: one per class
 * loader; Quarkus loads this resource and the test class with the same one, so both see the same issuer and keys).
 */
public final class ConformanceIssuerResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        ConformanceIssuer issuer = ConformanceIssuer.shared();
        return Map.of("quarkus.logto.issuer", issuer.issuer(), "quarkus.logto.audience", issuer.audience());
    }

    @Override
    public void stop() {
        // the shared issuer stops when the JVM exits
    }
}
