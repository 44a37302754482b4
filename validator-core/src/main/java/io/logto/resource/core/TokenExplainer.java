package io.logto.resource.core;

import java.util.ArrayList;
import java.util.List;

/**
 * {@link LogtoTokenVerifier#explain(String)}: runs the same {@link TokenCheck}s in the same order as
 * verification, records the expected and found values of each, and goes on after a failed check unless
 * that check {@link TokenCheck#stopsExplanation() stops} it. The result is the earliest failure, which is
 * what verification answers for the same token. Bypasses the verified-token cache.
 */
final class TokenExplainer {

    /** Collects the recorded checks. */
    static final class Trace {
        final List<TokenExplanation.Check> checks = new ArrayList<>();

        void check(String name, boolean passed, String expected, String found) {
            checks.add(new TokenExplanation.Check(name, passed, expected, found));
        }
    }

    private TokenExplainer() {
    }

    static TokenExplanation explain(CheckContext context, String token) {
        Trace trace = new Trace();
        VerificationResult result;
        try {
            Candidate candidate = new Candidate(context, token);
            Rejection first = null;
            for (TokenCheck check : TokenCheck.ALL) {
                Rejection r = check.check(candidate);
                check.explain(candidate, r, trace);
                if (r != null) {
                    first = first == null ? r : first;
                    if (check.stopsExplanation()) {
                        break;
                    }
                }
            }
            result = first != null ? VerificationResult.rejected(first)
                    : VerificationResult.verified(candidate.toVerifiedToken());
        } catch (RuntimeException | StackOverflowError e) {
            trace.check("format", false, "a processable token", e.getClass().getName());
            result = VerificationResult.rejected(Rejection.of(RejectionReason.MALFORMED,
                    "The token could not be processed.", e.getClass().getName()));
        }
        return new TokenExplanation(trace.checks, result);
    }
}
