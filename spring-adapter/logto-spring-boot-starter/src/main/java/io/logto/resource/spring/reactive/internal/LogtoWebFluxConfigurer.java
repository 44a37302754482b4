package io.logto.resource.spring.reactive.internal;

import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;

/** Registers {@link ReactiveVerifiedTokenArgumentResolver} with Spring WebFlux. */
public final class LogtoWebFluxConfigurer implements WebFluxConfigurer {

    /** Adds {@link ReactiveVerifiedTokenArgumentResolver}. */
    @Override
    public void configureArgumentResolvers(ArgumentResolverConfigurer configurer) {
        configurer.addCustomResolver(new ReactiveVerifiedTokenArgumentResolver());
    }
}
