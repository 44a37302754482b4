package io.logto.resource.spring.internal;

import io.logto.resource.core.EndpointRequirement;
import io.logto.resource.spring.LogtoAuthorizer;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.aop.support.AopUtils;
import org.springframework.core.MethodClassKey;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.AuthorizationInterceptorsOrder;
import org.springframework.security.authorization.method.AuthorizationManagerBeforeMethodInterceptor;
import org.springframework.security.core.Authentication;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Spring method security for {@code @RequireScopes}, {@code @RequireOrganizationScopes} and
 * {@code @RequireOrganizationApiScopes}: the invoked method's {@link EndpointRequirement} (read by
 * {@link RequirementAnnotations}, whose pointcut reads every bean's annotations when the bean is proxied, so an
 * invalid annotation fails startup; cached per invoked method), the organization id from the current request's path variables, and {@link LogtoAuthorizer} to decide.
 * Runs in Spring Security's {@link AuthorizationManagerBeforeMethodInterceptor} right after
 * {@code @PreAuthorize}, so denials reach the security filter chain's access-denied handling.
 */
public final class LogtoMethodAuthorizationManager implements AuthorizationManager<MethodInvocation> {

    /** The interceptor's order: just after {@code @PreAuthorize}, before {@code @Secured}. */
    public static final int ORDER = AuthorizationInterceptorsOrder.PRE_AUTHORIZE.getOrder() + 1;

    private final Supplier<LogtoAuthorizer> authorizer;
    private final Map<MethodClassKey, Optional<EndpointRequirement>> requirements = new ConcurrentHashMap<>();

    LogtoMethodAuthorizationManager(Supplier<LogtoAuthorizer> authorizer) {
        this.authorizer = SingletonSupplier.of(authorizer);
    }

    /**
     * The method interceptor enforcing the three Logto annotations.
     *
     * @param authorizer supplies the {@code logto} bean (looked up lazily, at the first invocation)
     * @return the interceptor, an {@code Advisor} to register as an infrastructure bean
     */
    public static AuthorizationManagerBeforeMethodInterceptor interceptor(Supplier<LogtoAuthorizer> authorizer) {
        LogtoMethodAuthorizationManager manager = new LogtoMethodAuthorizationManager(authorizer);
        AuthorizationManagerBeforeMethodInterceptor interceptor =
                new AuthorizationManagerBeforeMethodInterceptor(RequirementAnnotations.pointcut(), manager);
        interceptor.setOrder(ORDER);
        return interceptor;
    }

    /**
     * Decides the invoked method's Logto annotation: null (abstain) without one, a plain denial without a
     * Logto token (answered with 401), else the core's decision as a {@code LogtoAuthorizationDecision}.
     */
    @Override
    public AuthorizationResult authorize(Supplier<? extends Authentication> authentication, MethodInvocation invocation) {
        Class<?> targetClass = invocation.getThis() == null
                ? invocation.getMethod().getDeclaringClass() : AopUtils.getTargetClass(invocation.getThis());
        Optional<EndpointRequirement> requirement = requirement(invocation.getMethod(), targetClass);
        if (requirement.isEmpty()) {
            return null;
        }
        String organizationId = requirement.get().organizationVariable()
                .map(LogtoMethodAuthorizationManager::pathVariable).orElse(null);
        return authorizer.get().decide(authentication.get(), requirement.get(), organizationId);
    }

    private Optional<EndpointRequirement> requirement(Method method, Class<?> targetClass) {
        return requirements.computeIfAbsent(new MethodClassKey(method, targetClass),
                key -> RequirementAnnotations.find(AopUtils.getMostSpecificMethod(method, targetClass), targetClass));
    }

    @SuppressWarnings("unchecked")
    private static String pathVariable(String name) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        Object variables = request == null ? null
                : request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        return variables instanceof Map ? ((Map<String, String>) variables).get(name) : null;
    }
}
