package io.logto.resource.core;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A step-by-step account of how a token fared against each verification check, made by
 * {@link LogtoTokenVerifier#explain(String)} for diagnostics. Contains the claim values compared (never
 * the signature), so show it to the developer, not to the API caller.
 */
public final class TokenExplanation {

    /**
     * One check: its name (e.g. {@code issuer}), whether the token passed it, what the configuration expects
     * and what the token carries.
     */
    public static final class Check {
        private final String name;
        private final boolean passed;
        private final String expected;
        private final String found;

        Check(String name, boolean passed, String expected, String found) {
            this.name = Objects.requireNonNull(name);
            this.passed = passed;
            this.expected = expected == null ? "" : expected;
            this.found = found == null ? "(none)" : found;
        }

        /** The check's name, e.g. {@code issuer}, {@code expiry}. */
        public String name() {
            return name;
        }

        /** Whether the token passed this check. */
        public boolean passed() {
            return passed;
        }

        /** What the configuration expects. */
        public String expected() {
            return expected;
        }

        /** What the token carries. */
        public String found() {
            return found;
        }

        /** {@code PASS name: found} or {@code FAIL name: expected ..., found ...}. */
        @Override
        public String toString() {
            return (passed ? "PASS " : "FAIL ") + name + ": expected " + expected + ", found " + found;
        }
    }

    private final List<Check> checks;
    private final VerificationResult result;

    TokenExplanation(List<Check> checks, VerificationResult result) {
        this.checks = List.copyOf(checks);
        this.result = Objects.requireNonNull(result);
    }

    /** The checks, in the order verification runs them. */
    public List<Check> checks() {
        return checks;
    }

    /** The failed checks, in order. */
    public List<Check> failures() {
        return checks.stream().filter(c -> !c.passed()).collect(java.util.stream.Collectors.toUnmodifiableList());
    }

    /** What {@link LogtoTokenVerifier#verify(String)} answers for the same token. */
    public VerificationResult result() {
        return result;
    }

    /** The first check that failed, if any. */
    public Optional<Check> firstFailure() {
        return checks.stream().filter(c -> !c.passed()).findFirst();
    }
}
