package io.logto.resource.samples.quarkus;

import io.logto.resource.conformance.IdiomRoutes;
import io.logto.resource.conformance.SampleConformanceSuite;
import java.nio.file.Path;

/**
 * The shared conformance suite (sample contract, hostile tokens and headers, key-server faults) against
 * the fast-jar {@code target/quarkus-app/quarkus-run.jar}, started with {@code java -jar} as a user would, with
 * Quarkus's default proactive authentication; the idiom routes are guarded only by {@code @RolesAllowed} and
 * {@code @PermissionsAllowed}.
 */
@IdiomRoutes({"/api/idiom/roles-allowed", "/api/idiom/permissions-allowed"})
class QuarkusSampleIT extends SampleConformanceSuite {

    @Override
    protected Path sampleJar() {
        return Path.of(System.getProperty("sample.jar", "target/quarkus-app/quarkus-run.jar"));
    }
}
