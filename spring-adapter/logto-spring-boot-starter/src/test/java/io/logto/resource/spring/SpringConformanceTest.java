package io.logto.resource.spring;

import io.logto.resource.conformance.ConformanceIssuer;
import io.logto.resource.conformance.IdiomRoutes;
import io.logto.resource.conformance.InProcessConformanceSuite;
import java.net.URI;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The shared conformance suite in-process (contract, hostile tokens, {@code Authorization} headers, framework
 * idioms) against {@link ConformanceApplication} on a real Tomcat, trusting the suite's issuer. The key-server
 * faults run in jar mode, against the Spring sample.
 */
@SpringBootTest(classes = ConformanceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "server.max-http-request-header-size=64KB")
@IdiomRoutes({"/api/idiom/filter-chain", "/api/idiom/pre-authorize"})
class SpringConformanceTest extends InProcessConformanceSuite {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void trustTheSuitesIssuer(DynamicPropertyRegistry registry) {
        registry.add("logto.issuer", () -> ConformanceIssuer.shared().issuer());
        registry.add("logto.audience", () -> ConformanceIssuer.AUDIENCE);
    }

    @Override
    protected URI baseUri() {
        return URI.create("http://127.0.0.1:" + port);
    }
}
