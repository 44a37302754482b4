package io.logto.resource.spring.internal;

import java.util.function.Supplier;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;

/**
 * Spring Security 6's {@link AuthorizationManager} face of {@link LogtoMethodAuthorizationManager}: there the
 * one abstract method is {@code check} ({@code authorize} is a default method calling it). Spring Boot 3.5
 * version of the Boot 4 starter's class of the same name.
 */
final class MethodAuthorizationManagerAdapter implements AuthorizationManager<MethodInvocation> {

    private final LogtoMethodAuthorizationManager manager;

    MethodAuthorizationManagerAdapter(LogtoMethodAuthorizationManager manager) {
        this.manager = manager;
    }

    @Override
    @Deprecated
    @SuppressWarnings("deprecation")
    public AuthorizationDecision check(Supplier<Authentication> authentication, MethodInvocation invocation) {
        return manager.decide(authentication, invocation);
    }
}
