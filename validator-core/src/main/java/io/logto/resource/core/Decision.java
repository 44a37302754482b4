package io.logto.resource.core;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * The answer of {@link Requirement#evaluate(VerifiedToken)}: granted, or denied with the reason and the
 * scopes that were missing. A denied decision is answered with 403 {@code insufficient_scope}
 * ({@link Challenges#insufficientScope(Decision)}).
 */
public final class Decision {

    /** Why a decision came out as it did. */
    public enum Outcome {
        /** The token meets the requirement. */
        GRANTED,
        /** The token is of another kind (e.g. an organization token on a global endpoint). */
        WRONG_TOKEN_KIND,
        /** The token is for another organization than the one the request names. */
        WRONG_ORGANIZATION,
        /** The token lacks scopes the requirement names. */
        MISSING_SCOPES,
        /**
         * The endpoint needs an organization token, but the request named no organization (its path
         * variable was missing or empty); answered like a route no rule allows, 403 without {@code scope}.
         */
        MISSING_ORGANIZATION
    }

    private final Requirement requirement;
    private final Outcome outcome;
    private final Set<String> missingScopes;

    private Decision(Requirement requirement, Outcome outcome, Set<String> missingScopes) {
        this.requirement = requirement;
        this.outcome = outcome;
        this.missingScopes = missingScopes;
    }

    static Decision granted(Requirement requirement) {
        return new Decision(requirement, Outcome.GRANTED, Set.of());
    }

    static Decision denied(Requirement requirement, Outcome outcome, Set<String> missingScopes) {
        return new Decision(requirement, Objects.requireNonNull(outcome), Set.copyOf(missingScopes));
    }

    static Set<String> missing(Set<String> required, Set<String> granted) {
        Set<String> missing = new LinkedHashSet<>(required);
        missing.removeAll(granted);
        return missing;
    }

    /** Whether access is granted. */
    public boolean isGranted() {
        return outcome == Outcome.GRANTED;
    }

    /** Why the decision came out as it did. */
    public Outcome outcome() {
        return outcome;
    }

    /**
     * The scopes the token lacks: for all-of the ones not granted, for any-of all of them; for a wrong
     * kind or organization every scope of the requirement. Empty when granted.
     */
    public Set<String> missingScopes() {
        return missingScopes;
    }

    /** The requirement that was evaluated. */
    public Requirement requirement() {
        return requirement;
    }

    /** The outcome and missing scope names; no token content. */
    @Override
    public String toString() {
        return isGranted() ? "Decision[GRANTED]" : "Decision[" + outcome + ", missing " + missingScopes + "]";
    }
}
