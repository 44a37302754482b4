package io.logto.resource.micronaut;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

/** A requirement on the class applies to every endpoint that declares none itself. */
@Requires(env = FeaturesTest.ENVIRONMENT)
@Controller("/class-level")
@RequireScopes("read:class")
class ClassLevelController {

    @Get("/inherited")
    String inherited() {
        return "inherited";
    }

    @Get("/organizations/{orgId}")
    @RequireOrganizationScopes("read:member")
    String overridden(String orgId) {
        return orgId;
    }
}
