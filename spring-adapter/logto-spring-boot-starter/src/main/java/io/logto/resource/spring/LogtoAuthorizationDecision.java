package io.logto.resource.spring;

import io.logto.resource.core.Decision;
import java.util.Objects;
import org.springframework.security.authorization.AuthorizationDecision;

/**
 * Spring Security's form of a core {@link Decision}: granted exactly when the decision is. Authorization
 * managers and {@code @PreAuthorize} expressions return it so that a denial reaches
 * {@link LogtoAccessDeniedHandler} with the decision, which names the scopes in the 403 challenge.
 */
public final class LogtoAuthorizationDecision extends AuthorizationDecision {

    private static final long serialVersionUID = 1L;

    private final transient Decision decision;

    /**
     * Wraps a core decision.
     *
     * @param decision the decision
     */
    public LogtoAuthorizationDecision(Decision decision) {
        super(Objects.requireNonNull(decision, "decision").isGranted());
        this.decision = decision;
    }

    /** The core decision, with the requirement and the missing scopes. */
    public Decision decision() {
        return decision;
    }

    /** The outcome and missing scope names; no token content. */
    @Override
    public String toString() {
        return "LogtoAuthorizationDecision[" + decision + "]";
    }
}
