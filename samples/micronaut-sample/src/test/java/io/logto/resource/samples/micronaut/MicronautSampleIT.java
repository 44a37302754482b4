package io.logto.resource.samples.micronaut;

import io.logto.resource.conformance.IdiomRoutes;
import io.logto.resource.conformance.SampleConformanceSuite;
import java.nio.file.Path;

/**
 * The shared conformance suite (sample contract, hostile tokens and headers, the {@code @Secured} idiom, key-server
 * faults and the event-loop case) against {@code target/micronaut-sample.jar}, started with {@code java -jar} as a
 * user would.
 */
@IdiomRoutes("/api/idiom/secured")
class MicronautSampleIT extends SampleConformanceSuite {

    @Override
    protected Path sampleJar() {
        return Path.of(System.getProperty("sample.jar", "target/micronaut-sample.jar"));
    }
}
