package io.logto.resource.spring.mcp.internal;

import io.logto.resource.core.EndpointRequirement;
import io.logto.resource.core.TokenKind;
import io.logto.resource.core.VerifiedToken;
import io.logto.resource.spring.RequireOrganizationApiScopes;
import io.logto.resource.spring.RequireOrganizationScopes;
import io.logto.resource.spring.RequireScopes;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * The Logto requirement of every MCP tool, read once at startup: for each bean method carrying Spring AI's
 * {@code @McpTool} or {@code @Tool}, the {@code @RequireScopes}, {@code @RequireOrganizationScopes} or
 * {@code @RequireOrganizationApiScopes} of the method (else of its class), as the core's
 * {@link EndpointRequirement}, keyed by the tool's name. For organization requirements,
 * {@code organizationIdFrom} names a tool argument (a parameter of the method). Tools without a Logto
 * annotation need only a valid token.
 */
public final class McpToolRequirements implements SmartInitializingSingleton {

    private static final List<String> TOOL_ANNOTATIONS = List.of(
            "org.springframework.ai.mcp.annotation.McpTool", "org.springframework.ai.tool.annotation.Tool");

    private final ListableBeanFactory beans;
    private volatile Map<String, EndpointRequirement> requirements = Map.of();

    /**
     * Creates the registry; it reads the tools once every singleton exists.
     *
     * @param beans the application context
     */
    public McpToolRequirements(ListableBeanFactory beans) {
        this.beans = beans;
    }

    /**
     * A registry of fixed requirements, for tests and programmatic servers.
     *
     * @param requirements the requirement of each tool name
     * @return the registry
     */
    public static McpToolRequirements of(Map<String, EndpointRequirement> requirements) {
        McpToolRequirements registry = new McpToolRequirements(null);
        registry.requirements = Map.copyOf(requirements);
        return registry;
    }

    /**
     * Reads the tool methods of every bean.
     *
     * @throws IllegalStateException when a tool's annotations are unusable: two Logto annotations on one element,
     *                               an organization argument the method does not have, an invalid scope name, or
     *                               two tools of one name with different requirements
     */
    @Override
    public void afterSingletonsInstantiated() {
        if (beans == null) {
            return;
        }
        List<Class<? extends Annotation>> toolAnnotations = toolAnnotations();
        Map<String, EndpointRequirement> found = new HashMap<>();
        for (String name : beans.getBeanNamesForType(Object.class, false, false)) {
            Class<?> type = beans.getType(name, false);
            if (type == null) {
                continue;
            }
            Class<?> userClass = ClassUtils.getUserClass(type);
            for (Method method : ReflectionUtils.getUniqueDeclaredMethods(userClass, ReflectionUtils.USER_DECLARED_METHODS)) {
                for (Class<? extends Annotation> toolAnnotation : toolAnnotations) {
                    Annotation tool = AnnotatedElementUtils.findMergedAnnotation(method, toolAnnotation);
                    if (tool != null) {
                        register(found, toolName(tool, method), method, userClass);
                    }
                }
            }
        }
        requirements = Collections.unmodifiableMap(found);
    }

    private static void register(Map<String, EndpointRequirement> found, String tool, Method method, Class<?> type) {
        String source = type.getName() + "#" + method.getName();
        Optional<EndpointRequirement> requirement = read(method, source, method);
        if (requirement.isEmpty()) {
            requirement = read(type, type.getName(), method);
        }
        requirement.ifPresent(r -> {
            EndpointRequirement previous = found.putIfAbsent(tool, r);
            if (previous != null && !previous.equals(r)) {
                throw new IllegalStateException("Two MCP tools are named '" + tool + "' with different Logto requirements ("
                        + previous + ", " + r + " on " + source + ")");
            }
        });
    }

    private static Optional<EndpointRequirement> read(AnnotatedElement element, String source, Method tool) {
        List<EndpointRequirement> found = new ArrayList<>(1);
        try {
            RequireScopes global = AnnotatedElementUtils.findMergedAnnotation(element, RequireScopes.class);
            if (global != null) {
                found.add(EndpointRequirement.global(global.match(), List.of(global.value())));
            }
            RequireOrganizationScopes org = AnnotatedElementUtils.findMergedAnnotation(element, RequireOrganizationScopes.class);
            if (org != null) {
                found.add(EndpointRequirement.organization(argument(org.organizationIdFrom(), tool, source), org.match(),
                        List.of(org.value())));
            }
            RequireOrganizationApiScopes api =
                    AnnotatedElementUtils.findMergedAnnotation(element, RequireOrganizationApiScopes.class);
            if (api != null) {
                found.add(EndpointRequirement.organizationApi(argument(api.organizationIdFrom(), tool, source), api.match(),
                        List.of(api.value())));
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(source + ": " + e.getMessage(), e);
        }
        if (found.size() > 1) {
            throw new IllegalStateException(source + " carries more than one of @RequireScopes, "
                    + "@RequireOrganizationScopes and @RequireOrganizationApiScopes; keep one");
        }
        return found.stream().findFirst();
    }

    private static String argument(String name, Method tool, String source) {
        for (Parameter parameter : tool.getParameters()) {
            if (parameter.isNamePresent() && parameter.getName().equals(name)) {
                return name;
            }
        }
        throw new IllegalStateException(source + " takes the organization id from tool argument '" + name + "', but "
                + tool.getDeclaringClass().getName() + "#" + tool.getName() + " has no parameter of that name"
                + " (compile with -parameters)");
    }

    private static String toolName(Annotation tool, Method method) {
        Object name = org.springframework.core.annotation.AnnotationUtils.getValue(tool, "name");
        return name instanceof String text && !text.isBlank() ? text : method.getName();
    }

    @SuppressWarnings("unchecked")
    private static List<Class<? extends Annotation>> toolAnnotations() {
        List<Class<? extends Annotation>> types = new ArrayList<>(2);
        for (String name : TOOL_ANNOTATIONS) {
            if (ClassUtils.isPresent(name, McpToolRequirements.class.getClassLoader())) {
                types.add((Class<? extends Annotation>) ClassUtils.resolveClassName(name, McpToolRequirements.class.getClassLoader()));
            }
        }
        return types;
    }

    /**
     * Whether a method is an MCP tool method ({@code @McpTool} or {@code @Tool}).
     *
     * @param method the method
     * @return true for a tool method
     */
    public static boolean isTool(Method method) {
        for (Class<? extends Annotation> type : toolAnnotations()) {
            if (AnnotatedElementUtils.hasAnnotation(method, type)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The requirement of a tool.
     *
     * @param toolName the tool's name as MCP clients call it
     * @return the requirement, or empty when the tool carries no Logto annotation (or does not exist)
     */
    public Optional<EndpointRequirement> requirement(String toolName) {
        return Optional.ofNullable(requirements.get(toolName));
    }

    /**
     * Whether a token may call a tool in at least one organization it is for: global requirements are decided
     * as such; organization requirements with the token's own organization (the one its call would need).
     *
     * @param toolName the tool's name
     * @param token    the verified token
     * @return true when a call with the token could be granted
     */
    public boolean mayCall(String toolName, VerifiedToken token) {
        EndpointRequirement requirement = requirements.get(toolName);
        return requirement == null || requirement.evaluate(token, token.organizationId().orElse(null)).isGranted();
    }

    /** Every scope named by a tool's requirement, sorted. */
    public Set<String> scopes() {
        Set<String> scopes = new TreeSet<>();
        requirements.values().forEach(r -> scopes.addAll(r.scopes()));
        return scopes;
    }

    /** The scopes named by tools that need a global API token, sorted: the default 401 scope hint. */
    public Set<String> globalScopes() {
        Set<String> scopes = new TreeSet<>();
        requirements.values().stream().filter(r -> r.kind() == TokenKind.GLOBAL_API).forEach(r -> scopes.addAll(r.scopes()));
        return scopes;
    }

    /** The tool names with a Logto requirement and their requirements. */
    public Map<String, EndpointRequirement> all() {
        return requirements;
    }
}
