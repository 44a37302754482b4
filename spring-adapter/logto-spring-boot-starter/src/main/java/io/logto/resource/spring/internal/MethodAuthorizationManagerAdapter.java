package io.logto.resource.spring.internal;

import java.util.function.Supplier;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;

/**
 * Spring Security 7's {@link AuthorizationManager} face of {@link LogtoMethodAuthorizationManager}: its one
 * abstract method is {@code authorize}. {@code logto-spring-boot3-starter} replaces this class with its own,
 * implementing Spring Security 6's abstract {@code check} instead.
 */
final class MethodAuthorizationManagerAdapter implements AuthorizationManager<MethodInvocation> {

    private final LogtoMethodAuthorizationManager manager;

    MethodAuthorizationManagerAdapter(LogtoMethodAuthorizationManager manager) {
        this.manager = manager;
    }

    @Override
    public AuthorizationResult authorize(Supplier<? extends Authentication> authentication, MethodInvocation invocation) {
        return manager.decide(authentication, invocation);
    }
}
