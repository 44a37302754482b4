package io.logto.resource.core;

import java.util.Objects;
import java.util.Optional;

/**
 * What {@link LogtoResourceServer#authenticate(String)} found in a request: a verified token, or the
 * challenge to answer with.
 */
public final class AuthenticationResult {

    /** The four ways authentication ends. */
    public enum Status {
        /** A token was sent and verified. */
        AUTHENTICATED,
        /** No bearer token was sent (401 without error code; anonymous access may still be allowed). */
        NO_TOKEN,
        /** A token was sent and refused (401 {@code invalid_token}). */
        INVALID_TOKEN,
        /** The {@code Authorization} header was malformed (400 {@code invalid_request}). */
        INVALID_REQUEST
    }

    private final Status status;
    private final VerifiedToken token;
    private final Rejection rejection;
    private final Challenge challenge;

    AuthenticationResult(Status status, VerifiedToken token, Rejection rejection, Challenge challenge) {
        this.status = Objects.requireNonNull(status);
        this.token = token;
        this.rejection = rejection;
        this.challenge = challenge;
    }

    /** How authentication ended. */
    public Status status() {
        return status;
    }

    /** Whether a verified token is available. */
    public boolean isAuthenticated() {
        return status == Status.AUTHENTICATED;
    }

    /** The verified token, when authenticated. */
    public Optional<VerifiedToken> token() {
        return Optional.ofNullable(token);
    }

    /** Why the token was refused, for {@link Status#INVALID_TOKEN}. */
    public Optional<Rejection> rejection() {
        return Optional.ofNullable(rejection);
    }

    /** The answer to send when not authenticated (also for {@link Status#NO_TOKEN}, should the endpoint need a token). */
    public Optional<Challenge> challenge() {
        return Optional.ofNullable(challenge);
    }

    /** The status and, when refused, the reason code; no token content. */
    @Override
    public String toString() {
        return "AuthenticationResult[" + status + (rejection == null ? "" : ", " + rejection.reason().code()) + "]";
    }
}
