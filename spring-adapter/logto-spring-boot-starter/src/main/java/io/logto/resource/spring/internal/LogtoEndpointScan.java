package io.logto.resource.spring.internal;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Once every bean exists, reads the Logto annotations of all Spring MVC handler methods: fails startup when
 * an organization annotation names a path variable that a mapped path lacks, and collects the scope names
 * for the RFC 9728 metadata's {@code scopes_supported}.
 */
public final class LogtoEndpointScan implements SmartInitializingSingleton {

    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{\\*?([^}:]+)");

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
     * @throws IllegalStateException when an annotation is unusable (several on one method, a path variable
     *                               missing from a path, an invalid scope name)
     */
    @Override
    public void afterSingletonsInstantiated() {
        Set<String> found = new TreeSet<>();
        for (RequestMappingHandlerMapping mapping : beans.getBeansOfType(RequestMappingHandlerMapping.class).values()) {
            for (Map.Entry<RequestMappingInfo, HandlerMethod> handler : mapping.getHandlerMethods().entrySet()) {
                HandlerMethod method = handler.getValue();
                RequirementTemplate.find(method.getMethod(), method.getBeanType()).ifPresent(template -> {
                    template.organizationIdFrom().ifPresent(name -> requireVariable(handler.getKey(), name, method));
                    found.addAll(template.scopes());
                });
            }
        }
        scopes = Collections.unmodifiableSet(found);
    }

    private static void requireVariable(RequestMappingInfo mapping, String name, HandlerMethod method) {
        for (String path : mapping.getPatternValues()) {
            Set<String> names = new TreeSet<>();
            Matcher matcher = PATH_VARIABLE.matcher(path);
            while (matcher.find()) {
                names.add(matcher.group(1).strip());
            }
            if (!names.contains(name)) {
                throw new IllegalStateException(method + " takes the organization id from path variable '" + name
                        + "', but its path " + path + " has no {" + name + "}");
            }
        }
    }

    /** The scope names found on annotated handler methods, sorted; empty before the scan ran. */
    public Set<String> scopes() {
        return scopes;
    }
}
