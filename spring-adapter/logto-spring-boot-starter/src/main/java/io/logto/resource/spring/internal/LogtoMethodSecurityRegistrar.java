package io.logto.resource.spring.internal;

import org.springframework.aop.config.AopConfigUtils;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.type.AnnotationMetadata;

/**
 * Makes sure an auto-proxy creator applies the Logto method-security advisor, as
 * {@code @EnableMethodSecurity} does; harmless when Spring Boot or the application registered one already.
 */
public final class LogtoMethodSecurityRegistrar implements ImportBeanDefinitionRegistrar {

    /** Registers Spring's infrastructure auto-proxy creator unless one exists. */
    @Override
    public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
        AopConfigUtils.registerAutoProxyCreatorIfNecessary(registry);
    }
}
