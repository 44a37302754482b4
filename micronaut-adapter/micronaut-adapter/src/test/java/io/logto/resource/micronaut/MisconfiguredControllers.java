package io.logto.resource.micronaut;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

/** Annotation mistakes that must fail startup; each controller exists only when a test asks for it. */
final class MisconfiguredControllers {

    private MisconfiguredControllers() {
    }

    /** organizationIdFrom names a variable the path does not have. */
    @Controller("/misconfigured")
    @Requires(property = "test.misconfigured", value = "variable")
    static class UnknownVariable {

        @Get("/{orgId}")
        @RequireOrganizationScopes(value = "read:member", organizationIdFrom = "organization")
        String get(String orgId) {
            return orgId;
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
