package io.logto.resource.samples.spring;

import io.logto.resource.conformance.SampleConformanceSuite;
import java.nio.file.Path;

/**
 * The shared conformance suite (sample contract, hostile tokens and headers, key-server faults) against
 * {@code target/spring-sample.jar}, started with {@code java -jar} as a user would.
 */
class SpringSampleIT extends SampleConformanceSuite {

    @Override
    protected Path sampleJar() {
        return Path.of(System.getProperty("sample.jar", "target/spring-sample.jar"));
    }
}
