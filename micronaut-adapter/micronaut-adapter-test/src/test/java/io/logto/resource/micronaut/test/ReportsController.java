package io.logto.resource.micronaut.test;

import io.logto.resource.core.VerifiedToken;
import io.logto.resource.micronaut.RequireScopes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

/** A user's endpoint under test. */
@Controller("/reports")
class ReportsController {

    @Get
    @RequireScopes("read:report")
    String reports(VerifiedToken token) {
        return "reports for " + token.subject();
    }
}
