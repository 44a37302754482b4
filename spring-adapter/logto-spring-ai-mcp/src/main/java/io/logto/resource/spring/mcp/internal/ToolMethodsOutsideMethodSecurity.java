package io.logto.resource.spring.mcp.internal;

import java.lang.reflect.Method;
import org.aopalliance.aop.Advice;
import org.springframework.aop.ClassFilter;
import org.springframework.aop.Pointcut;
import org.springframework.aop.PointcutAdvisor;
import org.springframework.aop.support.AopUtils;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.StaticMethodMatcherPointcut;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.PriorityOrdered;

/**
 * Keeps MCP tool methods out of the starter's method security ({@code logtoAuthorizationAdvisor}): a tool's
 * Logto annotation names a tool argument, not a path variable, and is decided by the MCP filter before the
 * call is dispatched, so the tool never runs for a token that does not cover it. Every other method keeps
 * its method security unchanged.
 */
public final class ToolMethodsOutsideMethodSecurity implements BeanPostProcessor, PriorityOrdered {

    /** The starter's advisor bean. */
    public static final String ADVISOR_BEAN = "logtoAuthorizationAdvisor";

    /** Replaces the starter's advisor by one with the same advice and order whose pointcut skips tool methods. */
    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!ADVISOR_BEAN.equals(beanName) || !(bean instanceof PointcutAdvisor advisor)) {
            return bean;
        }
        Advice advice = advisor.getAdvice();
        DefaultPointcutAdvisor narrowed = new DefaultPointcutAdvisor(new WithoutTools(advisor.getPointcut()), advice);
        narrowed.setOrder(bean instanceof Ordered ordered ? ordered.getOrder() : Ordered.LOWEST_PRECEDENCE);
        return narrowed;
    }

    /** Registered before the auto-proxy creator, so the advisor is narrowed before any bean is proxied. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    /** The advisor's pointcut minus tool methods. */
    private static final class WithoutTools extends StaticMethodMatcherPointcut {

        private final Pointcut delegate;

        WithoutTools(Pointcut delegate) {
            this.delegate = delegate;
        }

        @Override
        public ClassFilter getClassFilter() {
            return delegate.getClassFilter();
        }

        @Override
        public boolean matches(Method method, Class<?> targetClass) {
            return delegate.getMethodMatcher().matches(method, targetClass)
                    && !McpToolRequirements.isTool(AopUtils.getMostSpecificMethod(method, targetClass));
        }
    }
}
