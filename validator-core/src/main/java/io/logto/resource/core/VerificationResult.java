package io.logto.resource.core;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of verifying one token: either a {@link VerifiedToken} or a {@link Rejection}.
 */
public final class VerificationResult {

    private final VerifiedToken token;
    private final Rejection rejection;

    private VerificationResult(VerifiedToken token, Rejection rejection) {
        this.token = token;
        this.rejection = rejection;
    }

    /**
     * A successful verification.
     *
     * @param token the verified token
     * @return the result
     */
    public static VerificationResult verified(VerifiedToken token) {
        return new VerificationResult(Objects.requireNonNull(token, "token"), null);
    }

    /**
     * A refused token.
     *
     * @param rejection why
     * @return the result
     */
    public static VerificationResult rejected(Rejection rejection) {
        return new VerificationResult(null, Objects.requireNonNull(rejection, "rejection"));
    }

    /** Whether the token passed every check. */
    public boolean isVerified() {
        return token != null;
    }

    /** The verified token, if verification succeeded. */
    public Optional<VerifiedToken> token() {
        return Optional.ofNullable(token);
    }

    /** The verified token or null, without allocating; for the verifier's hot path. */
    VerifiedToken tokenOrNull() {
        return token;
    }

    /** Why the token was refused, if it was. */
    public Optional<Rejection> rejection() {
        return Optional.ofNullable(rejection);
    }

    /**
     * The verified token, or an exception carrying the rejection.
     *
     * @return the verified token
     * @throws AccessRefusedException when the token was refused
     */
    public VerifiedToken orThrow() {
        if (token == null) {
            throw new AccessRefusedException(rejection);
        }
        return token;
    }

    /** Describes the outcome without token content. */
    @Override
    public String toString() {
        return token != null ? "VerificationResult[verified " + token + "]" : "VerificationResult[" + rejection + "]";
    }
}
