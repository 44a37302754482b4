package io.logto.resource.micronaut.internal;

import io.logto.resource.core.Requirement;
import io.logto.resource.core.ScopeMatch;
import io.logto.resource.core.TokenKind;
import io.logto.resource.micronaut.RequireOrganizationApiScopes;
import io.logto.resource.micronaut.RequireOrganizationScopes;
import io.logto.resource.micronaut.RequireScopes;
import io.micronaut.core.annotation.AnnotationMetadata;
import io.micronaut.core.annotation.AnnotationValue;
import io.micronaut.security.annotation.Secured;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One endpoint's requirement as read from its compile-time annotation metadata: the kind from which of
 * the three annotations is present, its scopes and match, and the path variable naming the organization.
 * Immutable; the global requirement is built once, organization ones per request from the path variable.
 */
final class EndpointRequirement {

    /** The marker for endpoints without a requirement annotation. */
    static final EndpointRequirement NONE = new EndpointRequirement(null, ScopeMatch.ALL, Set.of(), null, false);

    private static final List<Class<? extends Annotation>> ANNOTATIONS =
            List.of(RequireScopes.class, RequireOrganizationScopes.class, RequireOrganizationApiScopes.class);
    private static final String PLACEHOLDER_ORGANIZATION = "organization";

    private final TokenKind kind;
    private final ScopeMatch match;
    private final Set<String> scopes;
    private final String organizationIdFrom;
    private final boolean alsoSecured;
    private final Requirement global;

    private EndpointRequirement(TokenKind kind, ScopeMatch match, Set<String> scopes, String organizationIdFrom,
                                boolean alsoSecured) {
        this.kind = kind;
        this.match = match;
        this.scopes = scopes;
        this.organizationIdFrom = organizationIdFrom;
        this.alsoSecured = alsoSecured;
        this.global = kind == TokenKind.GLOBAL_API ? Requirement.of(kind, null, match, scopes) : null;
    }

    /**
     * Reads the requirement of an endpoint; annotations on the method win over those on its class.
     *
     * @throws IllegalStateException when one level carries more than one requirement annotation or a scope is invalid
     */
    static EndpointRequirement read(AnnotationMetadata metadata) {
        AnnotationValue<? extends Annotation> found = single(metadata, true);
        if (found == null) {
            found = single(metadata, false);
        }
        if (found == null) {
            return NONE;
        }
        TokenKind kind = found.getAnnotationName().equals(RequireScopes.class.getName()) ? TokenKind.GLOBAL_API
                : found.getAnnotationName().equals(RequireOrganizationScopes.class.getName()) ? TokenKind.ORGANIZATION
                : TokenKind.ORGANIZATION_API;
        ScopeMatch match = found.enumValue("match", ScopeMatch.class).orElse(ScopeMatch.ALL);
        Set<String> scopes = Set.of(found.stringValues());
        String variable = kind == TokenKind.GLOBAL_API ? null : found.stringValue("organizationIdFrom").orElse("orgId");
        try {
            if (kind != TokenKind.GLOBAL_API) {
                Requirement.of(kind, PLACEHOLDER_ORGANIZATION, match, scopes);
            }
            return new EndpointRequirement(kind, match, scopes, variable, metadata.hasAnnotation(Secured.class));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("@" + simpleName(found) + ": " + e.getMessage(), e);
        }
    }

    private static AnnotationValue<? extends Annotation> single(AnnotationMetadata metadata, boolean declared) {
        List<AnnotationValue<? extends Annotation>> present = new ArrayList<>(1);
        for (Class<? extends Annotation> type : ANNOTATIONS) {
            AnnotationValue<? extends Annotation> value = declared
                    ? metadata.getDeclaredAnnotation(type) : metadata.getAnnotation(type);
            if (value != null) {
                present.add(value);
            }
        }
        if (present.size() > 1) {
            throw new IllegalStateException("an endpoint carries at most one of @RequireScopes, "
                    + "@RequireOrganizationScopes and @RequireOrganizationApiScopes");
        }
        return present.isEmpty() ? null : present.get(0);
    }

    private static String simpleName(AnnotationValue<?> value) {
        String name = value.getAnnotationName();
        return name.substring(name.lastIndexOf('.') + 1);
    }

    /** Whether the endpoint carries a requirement annotation. */
    boolean isPresent() {
        return kind != null;
    }

    /** Whether the endpoint also carries {@code @Secured}, which then decides after a granted requirement. */
    boolean alsoSecured() {
        return alsoSecured;
    }

    /** The scopes the annotation names. */
    Set<String> scopes() {
        return scopes;
    }

    /** The path variable naming the organization; null for global requirements. */
    String organizationIdFrom() {
        return organizationIdFrom;
    }

    /**
     * The requirement for one request.
     *
     * @param pathVariables the matched route's variables
     * @return the requirement, or null when the organization path variable has no value
     */
    Requirement requirement(Map<String, Object> pathVariables) {
        if (global != null) {
            return global;
        }
        Object organizationId = pathVariables.get(organizationIdFrom);
        if (organizationId == null || organizationId.toString().isEmpty()) {
            return null;
        }
        return Requirement.of(kind, organizationId.toString(), match, scopes);
    }
}
