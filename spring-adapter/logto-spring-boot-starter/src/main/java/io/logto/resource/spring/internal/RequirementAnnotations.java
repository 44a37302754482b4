package io.logto.resource.spring.internal;

import io.logto.resource.core.EndpointRequirement;
import io.logto.resource.core.ScopeMatch;
import io.logto.resource.core.TokenKind;
import io.logto.resource.spring.RequireOrganizationApiScopes;
import io.logto.resource.spring.RequireOrganizationScopes;
import io.logto.resource.spring.RequireScopes;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;
import org.springframework.aop.Pointcut;
import org.springframework.aop.support.AopUtils;
import org.springframework.aop.support.StaticMethodMatcherPointcut;
import org.springframework.core.annotation.AnnotatedElementUtils;

/**
 * Reads the three Logto annotations into the core's {@link EndpointRequirement}: the method's annotation wins,
 * else its class's (composed annotations and inherited ones included, Spring's "find" semantics). Reading is
 * all it does; the core validates scope names and the organization variable, and decides. Free of servlet and
 * reactive types, so both web stacks use it, with its {@link #pointcut()} for their method interceptors.
 */
public final class RequirementAnnotations {

    private RequirementAnnotations() {
    }

    /**
     * The requirement of a method: its own Logto annotation, else its class's.
     *
     * @param method      the method, as declared on {@code targetClass} or a supertype
     * @param targetClass the class of the object the method is invoked on
     * @return the requirement, or empty when neither carries a Logto annotation
     * @throws IllegalStateException naming the method or class when one of them carries more than one Logto
     *                               annotation, or carrying the core's message for an invalid scope name or a
     *                               blank {@code organizationIdFrom}
     */
    public static Optional<EndpointRequirement> find(Method method, Class<?> targetClass) {
        Optional<EndpointRequirement> onMethod = read(method, targetClass.getName() + "#" + method.getName());
        return onMethod.isPresent() ? onMethod : read(targetClass, targetClass.getName());
    }

    /**
     * The pointcut of the methods that carry a Logto annotation, or whose class does ({@link Object}'s methods
     * excepted), for a method-security interceptor (servlet or reactive). The auto-proxy creator asks it about
     * every method of every bean at startup, and it reads the annotations with {@link #find}, so an invalid
     * annotation on any bean fails startup rather than that method's first call. It caches nothing.
     *
     * @return the pointcut
     */
    public static Pointcut pointcut() {
        return new AnnotatedMethods();
    }

    private static Optional<EndpointRequirement> read(AnnotatedElement element, String source) {
        RequireScopes global = AnnotatedElementUtils.findMergedAnnotation(element, RequireScopes.class);
        RequireOrganizationScopes organization =
                AnnotatedElementUtils.findMergedAnnotation(element, RequireOrganizationScopes.class);
        RequireOrganizationApiScopes api =
                AnnotatedElementUtils.findMergedAnnotation(element, RequireOrganizationApiScopes.class);
        int found = (global == null ? 0 : 1) + (organization == null ? 0 : 1) + (api == null ? 0 : 1);
        if (found > 1) {
            throw new IllegalStateException(source + " carries more than one of @RequireScopes, "
                    + "@RequireOrganizationScopes and @RequireOrganizationApiScopes; keep one");
        }
        if (global != null) {
            return Optional.of(build(TokenKind.GLOBAL_API, null, global.match(), global.value(), source));
        }
        if (organization != null) {
            return Optional.of(build(TokenKind.ORGANIZATION, organization.organizationIdFrom(), organization.match(),
                    organization.value(), source));
        }
        if (api != null) {
            return Optional.of(build(TokenKind.ORGANIZATION_API, api.organizationIdFrom(), api.match(), api.value(),
                    source));
        }
        return Optional.empty();
    }

    private static EndpointRequirement build(TokenKind kind, String variable, ScopeMatch match, String[] scopes,
                                             String source) {
        try {
            return EndpointRequirement.of(kind, variable, match, List.of(scopes));
        } catch (IllegalArgumentException invalid) {
            throw new IllegalStateException(source + ": " + invalid.getMessage(), invalid);
        }
    }

    private static final class AnnotatedMethods extends StaticMethodMatcherPointcut {

        @Override
        public boolean matches(Method method, Class<?> targetClass) {
            if (method.getDeclaringClass() == Object.class) {
                return false;
            }
            Class<?> target = targetClass == null ? method.getDeclaringClass() : targetClass;
            return find(AopUtils.getMostSpecificMethod(method, target), target).isPresent();
        }
    }
}
