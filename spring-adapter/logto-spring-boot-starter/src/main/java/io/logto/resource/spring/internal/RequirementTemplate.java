package io.logto.resource.spring.internal;

import io.logto.resource.core.Requirement;
import io.logto.resource.core.ScopeMatch;
import io.logto.resource.core.TokenKind;
import io.logto.resource.spring.RequireOrganizationApiScopes;
import io.logto.resource.spring.RequireOrganizationScopes;
import io.logto.resource.spring.RequireScopes;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.springframework.core.annotation.AnnotatedElementUtils;

/**
 * What one of the three Logto annotations on a method (or its class) asks for, before the organization id
 * of a request is known. Reading annotations is all it does; {@link Requirement} checks the scope names
 * and decides.
 */
public final class RequirementTemplate {

    /** The annotations this template reads. */
    public static final List<Class<? extends java.lang.annotation.Annotation>> ANNOTATIONS =
            List.of(RequireScopes.class, RequireOrganizationScopes.class, RequireOrganizationApiScopes.class);

    private final TokenKind kind;
    private final ScopeMatch match;
    private final Set<String> scopes;
    private final String organizationIdFrom;
    private final String source;

    private RequirementTemplate(TokenKind kind, ScopeMatch match, String[] scopes, String organizationIdFrom,
                                String source) {
        this.kind = kind;
        this.match = match;
        this.organizationIdFrom = organizationIdFrom;
        this.source = source;
        // the core checks scope names when building a requirement; fail here, at first sight of the annotation
        this.scopes = Requirement.of(kind, kind == TokenKind.GLOBAL_API ? null : "-", match, List.of(scopes)).scopes();
        if (organizationIdFrom != null && organizationIdFrom.isBlank()) {
            throw new IllegalStateException(source + ": organizationIdFrom must name a path variable");
        }
    }

    /**
     * Finds the Logto annotation of a method, else of its class (composed annotations included).
     *
     * @param method      the method
     * @param targetClass the class of the object the method is invoked on
     * @return the template, or empty when neither carries a Logto annotation
     * @throws IllegalStateException when one element carries more than one Logto annotation
     */
    public static Optional<RequirementTemplate> find(Method method, Class<?> targetClass) {
        Optional<RequirementTemplate> onMethod = read(method, describe(method, targetClass));
        return onMethod.isPresent() ? onMethod : read(targetClass, targetClass.getName());
    }

    private static Optional<RequirementTemplate> read(AnnotatedElement element, String source) {
        List<RequirementTemplate> found = new ArrayList<>(1);
        RequireScopes global = AnnotatedElementUtils.findMergedAnnotation(element, RequireScopes.class);
        if (global != null) {
            found.add(new RequirementTemplate(TokenKind.GLOBAL_API, global.match(), global.value(), null, source));
        }
        RequireOrganizationScopes org = AnnotatedElementUtils.findMergedAnnotation(element, RequireOrganizationScopes.class);
        if (org != null) {
            found.add(new RequirementTemplate(TokenKind.ORGANIZATION, org.match(), org.value(), org.organizationIdFrom(),
                    source));
        }
        RequireOrganizationApiScopes api =
                AnnotatedElementUtils.findMergedAnnotation(element, RequireOrganizationApiScopes.class);
        if (api != null) {
            found.add(new RequirementTemplate(TokenKind.ORGANIZATION_API, api.match(), api.value(),
                    api.organizationIdFrom(), source));
        }
        if (found.size() > 1) {
            throw new IllegalStateException(source + " carries more than one of @RequireScopes, "
                    + "@RequireOrganizationScopes and @RequireOrganizationApiScopes; keep one");
        }
        return found.stream().findFirst();
    }

    private static String describe(Method method, Class<?> targetClass) {
        return targetClass.getName() + "#" + method.getName();
    }

    /**
     * The requirement for one request.
     *
     * @param pathVariable returns the value of a path variable of the current request, or null
     * @return the requirement
     * @throws IllegalStateException when the organization's path variable is missing
     */
    public Requirement resolve(Function<String, String> pathVariable) {
        String organizationId = null;
        if (organizationIdFrom != null) {
            organizationId = pathVariable.apply(organizationIdFrom);
            if (organizationId == null) {
                throw new IllegalStateException(source + " takes the organization id from path variable '"
                        + organizationIdFrom + "', which the current request does not have");
            }
        }
        return Requirement.of(kind, organizationId, match, scopes);
    }

    /** The scope names of the annotation. */
    public Set<String> scopes() {
        return scopes;
    }

    /** The path variable naming the organization; empty for {@link RequireScopes}. */
    public Optional<String> organizationIdFrom() {
        return Optional.ofNullable(organizationIdFrom);
    }

    /** Which annotation this is, and on which class or method. */
    @Override
    public String toString() {
        return "RequirementTemplate[" + kind + ", " + match + " of " + scopes + ", from " + source + "]";
    }
}
