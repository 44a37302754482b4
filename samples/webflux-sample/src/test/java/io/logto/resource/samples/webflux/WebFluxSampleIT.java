package io.logto.resource.samples.webflux;

import io.logto.resource.conformance.IdiomRoutes;
import io.logto.resource.conformance.SampleConformanceSuite;
import java.nio.file.Path;

/**
 * The shared conformance suite (sample contract, hostile tokens and headers, framework idioms, key-server
 * faults, the event loop during a key fetch) against {@code target/webflux-sample.jar}, started with
 * {@code java -jar} as a user would.
 */
@IdiomRoutes({"/api/idiom/filter-chain", "/api/idiom/pre-authorize"})
class WebFluxSampleIT extends SampleConformanceSuite {

    @Override
    protected Path sampleJar() {
        return Path.of(System.getProperty("sample.jar", "target/webflux-sample.jar"));
    }
}
