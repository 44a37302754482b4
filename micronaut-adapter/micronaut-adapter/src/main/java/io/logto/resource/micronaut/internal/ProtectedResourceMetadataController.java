package io.logto.resource.micronaut.internal;

import io.logto.resource.core.LogtoResourceServer;
import io.logto.resource.core.ProtectedResourceMetadata;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.nio.charset.StandardCharsets;

/**
 * Serves the RFC 9728 metadata document at {@link ProtectedResourceMetadata#PATH}, publicly: the core's
 * document listing the configured {@code scopes-supported} plus every scope named by a requirement
 * annotation on an endpoint.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
final class ProtectedResourceMetadataController {

    private final LogtoResourceServer logto;
    private final EndpointRequirements requirements;
    private volatile byte[] document;

    ProtectedResourceMetadataController(LogtoResourceServer logto, EndpointRequirements requirements) {
        this.logto = logto;
        this.requirements = requirements;
    }

    @Get(uri = ProtectedResourceMetadata.PATH, produces = MediaType.APPLICATION_JSON)
    HttpResponse<byte[]> metadata() {
        byte[] json = document;
        if (json == null) {
            json = logto.metadata().withScopes(requirements.scopes()).toJson().getBytes(StandardCharsets.UTF_8);
            document = json;
        }
        return HttpResponse.ok(json).contentType(MediaType.APPLICATION_JSON_TYPE);
    }
}
