package io.logto.resource.samples.webflux;

import io.logto.resource.conformance.SampleConformanceSuite;
import java.nio.file.Path;

/**
 * The shared conformance suite (sample contract, hostile tokens and headers, key-server faults) against
 * {@code target/webflux-sample.jar}, started with {@code java -jar} as a user would.
 */
class WebFluxSampleIT extends SampleConformanceSuite {

    @Override
    protected Path sampleJar() {
        return Path.of(System.getProperty("sample.jar", "target/webflux-sample.jar"));
    }
}
