package io.logto.resource.micronaut.internal;

import io.logto.resource.core.Challenge;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import java.nio.charset.StandardCharsets;

/** Request attributes shared by the adapter's beans, and how a core {@link Challenge} becomes a response. */
final class LogtoAttributes {

    /** The {@link io.logto.resource.core.BearerToken} read from the request. */
    static final String BEARER = "io.logto.resource.micronaut.BEARER";

    /** The {@link Challenge} to answer with when the request is refused (set for 400, 401 invalid_token and 403). */
    static final String CHALLENGE = "io.logto.resource.micronaut.CHALLENGE";

    private LogtoAttributes() {
    }

    /** Exactly the core's status, {@code WWW-Authenticate} value and JSON body. */
    static MutableHttpResponse<byte[]> response(Challenge challenge) {
        return HttpResponse.<byte[]>status(HttpStatus.valueOf(challenge.status()))
                .header(HttpHeaders.WWW_AUTHENTICATE, challenge.wwwAuthenticate())
                .contentType(Challenge.CONTENT_TYPE)
                .body(challenge.body().getBytes(StandardCharsets.UTF_8));
    }
}
