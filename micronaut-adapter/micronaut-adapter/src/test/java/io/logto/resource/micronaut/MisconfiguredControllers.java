package io.logto.resource.micronaut;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

/** Annotation mistakes that must fail startup; each controller exists only when a test asks for it. */
final class MisconfiguredControllers {

    private MisconfiguredControllers() {
    }

    /** A scope name with a space, which the core's scope grammar refuses. */
    @Controller("/misconfigured")
    @Requires(property = "test.misconfigured", value = "scope")
    static class BadScope {

        @Get("/reports")
        @RequireScopes("read report")
        String get() {
            return "never";
        }
    }

    /** Two requirements on one endpoint. */
    @Controller("/misconfigured")
    @Requires(property = "test.misconfigured", value = "two")
    static class TwoRequirements {

        @Get("/{orgId}")
        @RequireScopes("read:report")
        @RequireOrganizationScopes("read:member")
        String get(String orgId) {
            return orgId;
        }
    }
}
