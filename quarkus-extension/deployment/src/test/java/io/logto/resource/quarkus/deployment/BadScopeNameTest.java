package io.logto.resource.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.logto.resource.core.EndpointRequirement;
import io.logto.resource.core.ScopeMatch;
import io.logto.resource.quarkus.RequireScopes;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A scope name the core's grammar refuses, here on a class-level annotation, fails the build with the core's message. */
class BadScopeNameTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(ReportsResource.class))
            .overrideRuntimeConfigKey("quarkus.logto.issuer", "https://tenant.logto.app/oidc")
            .overrideRuntimeConfigKey("quarkus.logto.audience", "https://api.example.com")
            .assertException(failure -> assertThat(failure)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("ReportsResource#reports")
                    .hasMessageContaining(coreMessage()));

    @Test
    void buildFailsWithTheCoresMessageNamingTheMethod() {
        // the assertion is the assertException above: QuarkusUnitTest fails this test when the build succeeds
    }

    private static String coreMessage() {
        try {
            EndpointRequirement.global(ScopeMatch.ALL, List.of("read \"report\""));
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        throw new AssertionError("the core accepted an invalid scope name");
    }

    @Path("/reports")
    @RequireScopes("read \"report\"")
    public static class ReportsResource {

        @GET
        public String reports() {
            return "reports";
        }
    }
}
