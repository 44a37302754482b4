package io.logto.resource.core;

import java.util.Objects;
import java.util.Optional;

/**
 * The one exception type of the convenience methods that throw instead of returning a value: a token
 * was refused ({@link #rejection()}, answered with 401) or a verified token lacks a permission
 * ({@link #decision()}, answered with 403). {@link Challenges#forException(AccessRefusedException)}
 * turns it into the HTTP answer.
 *
 * <p>Its message never contains token content. It carries no stack trace: it is an expected outcome.
 */
public final class AccessRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Rejection rejection;
    private final transient Decision decision;

    /**
     * A refused token.
     *
     * @param rejection why the token was refused
     */
    public AccessRefusedException(Rejection rejection) {
        super(Objects.requireNonNull(rejection, "rejection").toString(), null, false, false);
        this.rejection = rejection;
        this.decision = null;
    }

    /**
     * A denied decision.
     *
     * @param decision the decision; must not be granted
     * @throws IllegalArgumentException when the decision is granted
     */
    public AccessRefusedException(Decision decision) {
        super(Objects.requireNonNull(decision, "decision").toString(), null, false, false);
        if (decision.isGranted()) {
            throw new IllegalArgumentException("a granted decision is not a refusal");
        }
        this.rejection = null;
        this.decision = decision;
    }

    /** Why the token was refused, when it was (401). */
    public Optional<Rejection> rejection() {
        return Optional.ofNullable(rejection);
    }

    /** The denied decision, when a verified token lacked a permission (403). */
    public Optional<Decision> decision() {
        return Optional.ofNullable(decision);
    }
}
