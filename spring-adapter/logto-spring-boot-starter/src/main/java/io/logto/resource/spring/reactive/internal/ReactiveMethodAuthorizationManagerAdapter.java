package io.logto.resource.spring.reactive.internal;

import org.aopalliance.intercept.MethodInvocation;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.core.Authentication;
import reactor.core.publisher.Mono;

/**
 * Spring Security 7's {@link ReactiveAuthorizationManager} face of {@link LogtoReactiveMethodAuthorizationManager}:
 * its one abstract method is {@code authorize}. {@code logto-spring-boot3-starter} replaces this class with its
 * own, implementing Spring Security 6's abstract {@code check} instead.
 */
final class ReactiveMethodAuthorizationManagerAdapter implements ReactiveAuthorizationManager<MethodInvocation> {

    private final LogtoReactiveMethodAuthorizationManager manager;

    ReactiveMethodAuthorizationManagerAdapter(LogtoReactiveMethodAuthorizationManager manager) {
        this.manager = manager;
    }

    @Override
    public Mono<AuthorizationResult> authorize(Mono<Authentication> authentication, MethodInvocation invocation) {
        return manager.decide(authentication, invocation).map(decision -> decision);
    }
}
