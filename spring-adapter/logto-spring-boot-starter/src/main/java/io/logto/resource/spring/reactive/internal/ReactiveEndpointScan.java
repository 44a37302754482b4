package io.logto.resource.spring.reactive.internal;

import io.logto.resource.spring.internal.RequirementAnnotations;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import org.reactivestreams.Publisher;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.KotlinDetector;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;

/**
 * Once every bean exists, reads the Logto annotations of all WebFlux handler methods: fails startup when an
 * annotated method does not return a {@code Publisher} ({@code Mono}, {@code Flux}), which reactive method
 * security cannot guard, or when an annotation is unusable; collects the scope names for the RFC 9728
 * metadata's {@code scopes_supported}.
 */
public final class ReactiveEndpointScan implements SmartInitializingSingleton {

    private final ListableBeanFactory beans;
    private volatile Set<String> scopes = Set.of();

    /**
     * Creates the scan.
     *
     * @param beans the application context, to find the handler mappings in
     */
    public ReactiveEndpointScan(ListableBeanFactory beans) {
        this.beans = beans;
    }

    /**
     * Reads every handler method.
     *
     * @throws IllegalStateException when an annotated method does not return a {@code Publisher}, or an
     *                               annotation is unusable (several on one method, an invalid scope name)
     */
    @Override
    public void afterSingletonsInstantiated() {
        Set<String> found = new TreeSet<>();
        for (RequestMappingHandlerMapping mapping : beans.getBeansOfType(RequestMappingHandlerMapping.class).values()) {
            for (HandlerMethod method : mapping.getHandlerMethods().values()) {
                RequirementAnnotations.find(method.getMethod(), method.getBeanType()).ifPresent(requirement -> {
                    requirePublisher(method);
                    found.addAll(requirement.scopes());
                });
            }
        }
        scopes = Collections.unmodifiableSet(found);
    }

    private static void requirePublisher(HandlerMethod method) {
        if (!Publisher.class.isAssignableFrom(method.getMethod().getReturnType())
                && !KotlinDetector.isSuspendingFunction(method.getMethod())) {
            throw new IllegalStateException(method + " carries a Logto annotation but returns "
                    + method.getMethod().getReturnType().getSimpleName()
                    + ": in a WebFlux application, annotated handler methods must return Mono or Flux");
        }
    }

    /** The scope names found on annotated handler methods, sorted; empty before the scan ran. */
    public Set<String> scopes() {
        return scopes;
    }
}
