package io.logto.resource.spring.reactive.internal;

import org.aopalliance.intercept.MethodInvocation;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.core.Authentication;
import reactor.core.publisher.Mono;

/**
 * Spring Security 6's {@link ReactiveAuthorizationManager} face of {@link LogtoReactiveMethodAuthorizationManager}:
 * there the one abstract method is {@code check} ({@code authorize} is a default method calling it). Spring
 * Boot 3.5 version of the Boot 4 starter's class of the same name.
 */
final class ReactiveMethodAuthorizationManagerAdapter implements ReactiveAuthorizationManager<MethodInvocation> {

    private final LogtoReactiveMethodAuthorizationManager manager;

    ReactiveMethodAuthorizationManagerAdapter(LogtoReactiveMethodAuthorizationManager manager) {
        this.manager = manager;
    }

    @Override
    @Deprecated
    @SuppressWarnings("deprecation")
    public Mono<AuthorizationDecision> check(Mono<Authentication> authentication, MethodInvocation invocation) {
        return manager.decide(authentication, invocation);
    }
}
