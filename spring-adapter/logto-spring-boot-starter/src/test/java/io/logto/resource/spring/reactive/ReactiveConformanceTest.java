package io.logto.resource.spring.reactive;

import io.logto.resource.conformance.ConformanceIssuer;
import io.logto.resource.conformance.IdiomRoutes;
import io.logto.resource.conformance.InProcessConformanceSuite;
import java.net.URI;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The shared conformance suite (in-process mode: contract, hostile tokens, headers, framework idioms) against
 * the reactive test application on Netty, protected by the WebFlux integration of the starter.
 */
@SpringBootTest(classes = ReactiveTestApplication.Contract.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.main.web-application-type=reactive", "server.max-http-request-header-size=64KB"})
@IdiomRoutes({"/api/idiom/filter-chain", "/api/idiom/pre-authorize"})
class ReactiveConformanceTest extends InProcessConformanceSuite {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void logtoProperties(DynamicPropertyRegistry registry) {
        registry.add("logto.issuer", () -> ConformanceIssuer.shared().issuer());
        registry.add("logto.audience", () -> ConformanceIssuer.AUDIENCE);
    }

    @Override
    protected URI baseUri() {
        return URI.create("http://127.0.0.1:" + port);
    }
}
