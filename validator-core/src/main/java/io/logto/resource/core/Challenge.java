package io.logto.resource.core;

import java.util.Objects;
import java.util.Optional;

/**
 * The HTTP answer to a refused request, computed by the core so that every adapter answers alike:
 * status, the {@code WWW-Authenticate} header value (RFC 6750 section 3) and a small JSON body
 * {@code {"error": ..., "error_description": ...}}. Adapters write these three things and nothing else.
 */
public final class Challenge {

    /** The media type of {@link #body()}. */
    public static final String CONTENT_TYPE = "application/json";

    private final int status;
    private final String wwwAuthenticate;
    private final String error;
    private final String errorDescription;
    private final String body;

    Challenge(int status, String wwwAuthenticate, String error, String errorDescription, String body) {
        this.status = status;
        this.wwwAuthenticate = Objects.requireNonNull(wwwAuthenticate);
        this.error = error;
        this.errorDescription = Objects.requireNonNull(errorDescription);
        this.body = Objects.requireNonNull(body);
    }

    /** The HTTP status: 400, 401 or 403. */
    public int status() {
        return status;
    }

    /** The complete {@code WWW-Authenticate} header value, starting with {@code Bearer}. */
    public String wwwAuthenticate() {
        return wwwAuthenticate;
    }

    /**
     * The RFC 6750 error code ({@code invalid_request}, {@code invalid_token}, {@code insufficient_scope}),
     * absent when the request carried no credentials.
     */
    public Optional<String> error() {
        return Optional.ofNullable(error);
    }

    /** A fixed human-readable sentence; never contains token content. */
    public String errorDescription() {
        return errorDescription;
    }

    /** The JSON body to send with {@link #CONTENT_TYPE}. */
    public String body() {
        return body;
    }

    /** The status and header value; safe to log. */
    @Override
    public String toString() {
        return status + " " + wwwAuthenticate;
    }
}
