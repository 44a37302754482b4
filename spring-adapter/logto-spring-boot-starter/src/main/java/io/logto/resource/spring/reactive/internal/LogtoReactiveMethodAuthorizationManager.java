package io.logto.resource.spring.reactive.internal;

import io.logto.resource.core.EndpointRequirement;
import io.logto.resource.core.LogtoResourceServer;
import io.logto.resource.spring.LogtoAuthentication;
import io.logto.resource.spring.LogtoAuthorizationDecision;
import io.logto.resource.spring.internal.RequirementAnnotations;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.aop.support.AopUtils;
import org.springframework.core.MethodClassKey;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.authorization.method.AuthorizationInterceptorsOrder;
import org.springframework.security.authorization.method.AuthorizationManagerBeforeReactiveMethodInterceptor;
import org.springframework.security.core.Authentication;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Reactive method security for {@code @RequireScopes}, {@code @RequireOrganizationScopes} and
 * {@code @RequireOrganizationApiScopes} on methods returning {@code Mono} or {@code Flux}: finds the annotation
 * of the invoked method or its class (cached per method), takes the organization id from the path variables of
 * the exchange in the Reactor context, and lets the core decide. A denial is an
 * {@code AuthorizationDeniedException} carrying a {@link LogtoAuthorizationDecision}, which the chain's
 * exception handling answers (401 without a Logto token, else the core's 403).
 */
public final class LogtoReactiveMethodAuthorizationManager implements ReactiveAuthorizationManager<MethodInvocation> {

    /** The interceptor's order: just after {@code @PreAuthorize}, before {@code @Secured}, as in servlet applications. */
    public static final int ORDER = AuthorizationInterceptorsOrder.PRE_AUTHORIZE.getOrder() + 1;

    private final Supplier<LogtoResourceServer> logto;
    private final Map<MethodClassKey, Optional<EndpointRequirement>> requirements = new ConcurrentHashMap<>();

    LogtoReactiveMethodAuthorizationManager(Supplier<LogtoResourceServer> logto) {
        this.logto = SingletonSupplier.of(logto);
    }

    /**
     * The reactive method interceptor enforcing the three Logto annotations, ordered like the servlet one.
     *
     * @param logto supplies the resource server (looked up lazily, at the first invocation)
     * @return the interceptor, an {@code Advisor} to register as an infrastructure bean
     */
    public static AuthorizationManagerBeforeReactiveMethodInterceptor interceptor(Supplier<LogtoResourceServer> logto) {
        AuthorizationManagerBeforeReactiveMethodInterceptor interceptor = new AuthorizationManagerBeforeReactiveMethodInterceptor(
                RequirementAnnotations.pointcut(), new LogtoReactiveMethodAuthorizationManager(logto));
        interceptor.setOrder(ORDER);
        return interceptor;
    }

    /**
     * Decides the invoked method's Logto annotation: granted without one, a plain denial without a Logto
     * token (answered with 401), else the core's decision as a {@link LogtoAuthorizationDecision}.
     */
    @Override
    public Mono<AuthorizationResult> authorize(Mono<Authentication> authentication, MethodInvocation invocation) {
        Class<?> targetClass = invocation.getThis() == null
                ? invocation.getMethod().getDeclaringClass() : AopUtils.getTargetClass(invocation.getThis());
        Optional<EndpointRequirement> requirement = requirements.computeIfAbsent(
                new MethodClassKey(invocation.getMethod(), targetClass),
                key -> RequirementAnnotations.find(AopUtils.getMostSpecificMethod(invocation.getMethod(), targetClass),
                        targetClass));
        if (requirement.isEmpty()) {
            return Mono.just(new AuthorizationDecision(true));
        }
        return Mono.deferContextual(context -> {
            Map<String, String> variables = pathVariables(context.getOrDefault(ServerWebExchange.class, null));
            return authentication.map(caller -> caller instanceof LogtoAuthentication logtoCaller
                    ? new LogtoAuthorizationDecision(logto.get().authorize(logtoCaller.verifiedToken(),
                            requirement.get(), requirement.get().organizationVariable().map(variables::get).orElse(null)))
                    : new AuthorizationDecision(false));
        });
    }

    private static Map<String, String> pathVariables(ServerWebExchange exchange) {
        Map<String, String> variables = exchange == null ? null
                : exchange.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        return variables == null ? Map.of() : variables;
    }
}
