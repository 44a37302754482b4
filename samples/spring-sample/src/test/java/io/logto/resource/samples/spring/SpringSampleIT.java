package io.logto.resource.samples.spring;

import io.logto.resource.conformance.IdiomRoutes;
import io.logto.resource.conformance.SampleConformanceSuite;
import java.nio.file.Path;

/**
 * The shared conformance suite (sample contract, hostile tokens and headers, framework idioms, key-server
 * faults) against {@code target/spring-sample.jar}, started with {@code java -jar} as a user would; its idiom
 * routes are guarded only by Spring Security's {@code hasAuthority("SCOPE_read:report")}, in the filter chain
 * and in {@code @PreAuthorize}.
 */
@IdiomRoutes({"/api/idiom/filter-chain", "/api/idiom/pre-authorize"})
class SpringSampleIT extends SampleConformanceSuite {

    @Override
    protected Path sampleJar() {
        return Path.of(System.getProperty("sample.jar", "target/spring-sample.jar"));
    }
}
