package io.logto.resource.micronaut.internal;

import io.logto.resource.core.EndpointRequirement;
import io.logto.resource.core.ScopeMatch;
import io.logto.resource.core.TokenKind;
import io.logto.resource.micronaut.RequireOrganizationApiScopes;
import io.logto.resource.micronaut.RequireOrganizationScopes;
import io.logto.resource.micronaut.RequireScopes;
import io.micronaut.core.annotation.AnnotationMetadata;
import io.micronaut.core.annotation.AnnotationValue;
import java.lang.annotation.Annotation;
import java.util.List;
import java.util.Map;

/**
 * Reads the {@code Require*Scopes} annotations of an endpoint from its compile-time annotation metadata into
 * the core's {@link EndpointRequirement}: the kind from which annotation is present, its scopes, match and
 * organization variable. An annotation on the method wins over one on its class. All checking of scope names
 * and variables is the core's.
 */
final class RequirementAnnotations {

    /** Each annotation and the token kind it requires. */
    private static final Map<Class<? extends Annotation>, TokenKind> KINDS = Map.of(
            RequireScopes.class, TokenKind.GLOBAL_API,
            RequireOrganizationScopes.class, TokenKind.ORGANIZATION,
            RequireOrganizationApiScopes.class, TokenKind.ORGANIZATION_API);

    /** The default of {@code organizationIdFrom}, which compile-time metadata leaves out of the values. */
    private static final String DEFAULT_VARIABLE = "orgId";

    private RequirementAnnotations() {
    }

    /**
     * The requirement an endpoint declares.
     *
     * @param metadata the route's annotation metadata (method, then class)
     * @return the requirement, or null when neither the method nor its class carries an annotation
     * @throws IllegalStateException when one level carries two of the annotations, or with the core's
     *                               message when the core refuses the annotation's values
     */
    static EndpointRequirement read(AnnotationMetadata metadata) {
        AnnotationValue<? extends Annotation> found = single(metadata, true);
        if (found == null) {
            found = single(metadata, false);
        }
        if (found == null) {
            return null;
        }
        Class<? extends Annotation> type = typeOf(found);
        TokenKind kind = KINDS.get(type);
        String variable = kind == TokenKind.GLOBAL_API ? null
                : found.stringValue("organizationIdFrom").orElse(DEFAULT_VARIABLE);
        try {
            return EndpointRequirement.of(kind, variable, found.enumValue("match", ScopeMatch.class).orElse(ScopeMatch.ALL),
                    List.of(found.stringValues()));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("@" + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    private static Class<? extends Annotation> typeOf(AnnotationValue<? extends Annotation> value) {
        for (Class<? extends Annotation> type : KINDS.keySet()) {
            if (type.getName().equals(value.getAnnotationName())) {
                return type;
            }
        }
        throw new IllegalStateException("not a requirement annotation: " + value.getAnnotationName());
    }

    private static AnnotationValue<? extends Annotation> single(AnnotationMetadata metadata, boolean declared) {
        AnnotationValue<? extends Annotation> present = null;
        for (Class<? extends Annotation> type : KINDS.keySet()) {
            AnnotationValue<? extends Annotation> value = declared
                    ? metadata.getDeclaredAnnotation(type) : metadata.getAnnotation(type);
            if (value != null && present != null) {
                throw new IllegalStateException("an endpoint carries at most one of @RequireScopes, "
                        + "@RequireOrganizationScopes and @RequireOrganizationApiScopes");
            }
            present = value != null ? value : present;
        }
        return present;
    }
}
