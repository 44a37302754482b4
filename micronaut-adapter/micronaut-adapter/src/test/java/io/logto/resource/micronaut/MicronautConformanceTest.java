package io.logto.resource.micronaut;

import io.logto.resource.conformance.ConformanceIssuer;
import io.logto.resource.conformance.IdiomRoutes;
import io.logto.resource.conformance.InProcessConformanceSuite;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Map;

/**
 * The shared conformance suite (contract, hostile tokens, the {@code Authorization} header, the
 * {@code @Secured} idiom) against this module's test application, {@link ContractController}, started by
 * {@code @MicronautTest}. The key-server faults run against the sample's jar.
 */
@MicronautTest
@IdiomRoutes("/api/idiom/secured")
class MicronautConformanceTest extends InProcessConformanceSuite implements TestPropertyProvider {

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("logto.issuer", ConformanceIssuer.shared().issuer(),
                "logto.audience", ConformanceIssuer.AUDIENCE,
                "micronaut.server.netty.max-header-size", "65536");
    }

    @Override
    protected URI baseUri() {
        return server.getURI();
    }
}
