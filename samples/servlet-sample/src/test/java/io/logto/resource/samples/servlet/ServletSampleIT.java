package io.logto.resource.samples.servlet;

import io.logto.resource.conformance.IdiomRoutes;
import io.logto.resource.conformance.SampleConformanceSuite;
import java.nio.file.Path;

/**
 * The shared conformance suite (sample contract, hostile tokens and headers, framework idioms, key-server
 * faults) against {@code target/servlet-sample.jar}, started with {@code java -jar} as a user would; its
 * idiom route is guarded only by {@code request.isUserInRole("read:report")}.
 */
@IdiomRoutes("/api/idiom/is-user-in-role")
class ServletSampleIT extends SampleConformanceSuite {

    @Override
    protected Path sampleJar() {
        return Path.of(System.getProperty("sample.jar", "target/servlet-sample.jar"));
    }
}
