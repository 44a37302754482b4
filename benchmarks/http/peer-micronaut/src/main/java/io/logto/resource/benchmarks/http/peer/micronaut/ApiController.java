package io.logto.resource.benchmarks.http.peer.micronaut;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import java.util.Map;

/** The two routes the benchmark loads, guarded the way Micronaut Security documents it. */
@Controller("/api")
public class ApiController {

    /** Creates the controller; Micronaut calls it. */
    public ApiController() {
    }

    /**
     * {@code GET /api/public}: open.
     *
     * @return the same body as the samples
     */
    @Get("/public")
    @Secured(SecurityRule.IS_ANONYMOUS)
    public Map<String, String> publicRoute() {
        return Map.of("message", "Anyone can read this.");
    }

    /**
     * {@code GET /api/reports}: needs the {@code read:report} scope (a role, via {@code roles-name: scope}).
     *
     * @param authentication the verified token's authentication
     * @return {@code {"sub": ...}}
     */
    @Get("/reports")
    @Secured("read:report")
    public Map<String, String> reports(Authentication authentication) {
        return Map.of("sub", authentication.getName());
    }
}
