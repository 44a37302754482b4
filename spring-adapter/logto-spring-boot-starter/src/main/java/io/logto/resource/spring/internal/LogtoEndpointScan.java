package io.logto.resource.spring.internal;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Once every bean exists, reads the Logto annotations of all Spring MVC handler methods and collects their
 * scope names for the RFC 9728 metadata's {@code scopes_supported}. An invalid annotation fails startup with
 * the core's message. A handler whose paths lack the organization variable is not refused here: such a
 * request gets the core's answer for a missing organization (403), as in every adapter.
 */
public final class LogtoEndpointScan implements SmartInitializingSingleton {

    private final ListableBeanFactory beans;
    private volatile Set<String> scopes = Set.of();

    /**
     * Creates the scan.
     *
     * @param beans the application context, to find the handler mappings in
     */
    public LogtoEndpointScan(ListableBeanFactory beans) {
        this.beans = beans;
    }

    /**
     * Reads every handler method.
     *
     * @throws IllegalStateException when an annotation is unusable (several on one method, an invalid scope name)
     */
    @Override
    public void afterSingletonsInstantiated() {
        Set<String> found = new TreeSet<>();
        for (RequestMappingHandlerMapping mapping : beans.getBeansOfType(RequestMappingHandlerMapping.class).values()) {
            for (HandlerMethod method : mapping.getHandlerMethods().values()) {
                RequirementAnnotations.find(method.getMethod(), method.getBeanType())
                        .ifPresent(requirement -> found.addAll(requirement.scopes()));
            }
        }
        scopes = Collections.unmodifiableSet(found);
    }

    /** The scope names found on annotated handler methods, sorted; empty before the scan ran. */
    public Set<String> scopes() {
        return scopes;
    }
}
