package io.logto.resource.samples.quarkus;

import io.logto.resource.conformance.IdiomRoutes;
import io.logto.resource.conformance.InProcessConformanceSuite;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The shared conformance suite in-process, in Quarkus's own harness ({@code @QuarkusTest}), against the sample
 * application with Quarkus's defaults (proactive authentication): the contract, hostile tokens, the
 * {@code Authorization} header and the idioms {@code @RolesAllowed} / {@code @PermissionsAllowed}. The key-server
 * faults run against the jar in {@link QuarkusSampleIT}. (The extension's {@code QuarkusUnitTest} harness cannot run
 * the suite's {@code @Nested} groups, so the in-process run lives here.)
 */
@QuarkusTest
@WithTestResource(ConformanceIssuerResource.class)
@IdiomRoutes({"/api/idiom/roles-allowed", "/api/idiom/permissions-allowed"})
class QuarkusConformanceTest extends InProcessConformanceSuite {

    @Override
    protected URI baseUri() {
        return URI.create("http://127.0.0.1:"
                + ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class));
    }
}
