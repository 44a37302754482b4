package io.logto.resource.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.logto.resource.quarkus.RequireOrganizationScopes;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.jboss.resteasy.reactive.RestPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The build, not the first request, finds an organization requirement whose path parameter is missing. */
class MissingPathParameterTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(MembersResource.class))
            .overrideRuntimeConfigKey("quarkus.logto.issuer", "https://tenant.logto.app/oidc")
            .overrideRuntimeConfigKey("quarkus.logto.audience", "https://api.example.com")
            .assertException(failure -> assertThat(failure)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("MembersResource#members")
                    .hasMessageContaining("path parameter 'orgId'"));

    @Test
    void buildFailsNamingTheMethodAndParameter() {
        // the assertion is the assertException above: QuarkusUnitTest fails this test when the build succeeds
    }

    @Path("/organizations/{organization}/members")
    public static class MembersResource {

        @GET
        @RequireOrganizationScopes("read:member")
        public String members(@RestPath String organization) {
            return organization;
        }
    }
}
