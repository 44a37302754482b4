package io.logto.resource.samples.servlet;

import io.logto.resource.conformance.SampleConformanceSuite;
import java.nio.file.Path;

/**
 * The shared conformance suite (sample contract, hostile tokens and headers, key-server faults) against
 * {@code target/servlet-sample.jar}, started with {@code java -jar} as a user would.
 */
class ServletSampleIT extends SampleConformanceSuite {

    @Override
    protected Path sampleJar() {
        return Path.of(System.getProperty("sample.jar", "target/servlet-sample.jar"));
    }
}
