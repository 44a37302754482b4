package io.logto.resource.quarkus.deployment;

import io.logto.resource.core.Requirement;
import io.logto.resource.core.ScopeMatch;
import io.logto.resource.core.TokenKind;
import io.logto.resource.quarkus.RequireOrganizationApiScopes;
import io.logto.resource.quarkus.RequireOrganizationScopes;
import io.logto.resource.quarkus.RequireScopes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.AnnotationValue;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.MethodInfo;

/**
 * Reads the {@code @Require*} annotations from the Jandex index at build time: kind, scopes, match and the index of
 * the argument bound to the organization path parameter. Mistakes fail the build with a message naming the method.
 */
final class RequirementScanner {

    static final Map<DotName, TokenKind> ANNOTATIONS = Map.of(
            DotName.createSimple(RequireScopes.class), TokenKind.GLOBAL_API,
            DotName.createSimple(RequireOrganizationScopes.class), TokenKind.ORGANIZATION,
            DotName.createSimple(RequireOrganizationApiScopes.class), TokenKind.ORGANIZATION_API);
    private static final DotName PATH_PARAM = DotName.createSimple("jakarta.ws.rs.PathParam");
    private static final DotName REST_PATH = DotName.createSimple("org.jboss.resteasy.reactive.RestPath");

    private RequirementScanner() {
    }

    static LogtoRequirementsBuildItem scan(IndexView index) {
        Map<MethodInfo, LogtoRequirementsBuildItem.Found> found = new HashMap<>();
        for (Map.Entry<DotName, TokenKind> annotation : ANNOTATIONS.entrySet()) {
            for (AnnotationInstance instance : index.getAnnotations(annotation.getKey())) {
                if (instance.target().kind() != AnnotationTarget.Kind.METHOD) {
                    continue;
                }
                MethodInfo method = instance.target().asMethod();
                LogtoRequirementsBuildItem.Found requirement = requirement(method, instance, annotation.getValue());
                if (found.put(method, requirement) != null) {
                    throw new IllegalStateException(describe(method) + " carries more than one of @RequireScopes, "
                            + "@RequireOrganizationScopes and @RequireOrganizationApiScopes; keep one");
                }
            }
        }
        return new LogtoRequirementsBuildItem(new ArrayList<>(found.values()));
    }

    private static LogtoRequirementsBuildItem.Found requirement(MethodInfo method, AnnotationInstance instance,
                                                                TokenKind kind) {
        AnnotationValue value = instance.value();
        List<String> scopes = value == null ? List.of() : List.of(value.asStringArray());
        AnnotationValue matchValue = instance.value("match");
        ScopeMatch match = matchValue == null ? ScopeMatch.ALL : ScopeMatch.valueOf(matchValue.asEnum());
        int organizationArgument = -1;
        String organization = null;
        if (kind != TokenKind.GLOBAL_API) {
            AnnotationValue from = instance.value("organizationIdFrom");
            String name = from == null ? "orgId" : from.asString();
            organizationArgument = organizationArgument(method, name);
            if (organizationArgument < 0) {
                throw new IllegalStateException("@" + instance.name().withoutPackagePrefix() + " on " + describe(method)
                        + " takes the organization id from path parameter '" + name + "', but the method has no such "
                        + "parameter; add one, e.g. @RestPath String " + name + ", or set organizationIdFrom");
            }
            organization = "build-time-check";
        }
        try {
            Requirement.of(kind, organization, match, scopes);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("@" + instance.name().withoutPackagePrefix() + " on " + describe(method)
                    + ": " + e.getMessage(), e);
        }
        return new LogtoRequirementsBuildItem.Found(method, kind, match, scopes, organizationArgument);
    }

    /** The index of the argument bound to path parameter {@code name}: by @RestPath/@PathParam, else by its name. */
    static int organizationArgument(MethodInfo method, String name) {
        for (int i = 0; i < method.parametersCount(); i++) {
            AnnotationInstance pathParam = method.parameters().get(i).declaredAnnotation(PATH_PARAM);
            if (pathParam != null && name.equals(pathParam.value().asString())) {
                return i;
            }
            AnnotationInstance restPath = method.parameters().get(i).declaredAnnotation(REST_PATH);
            if (restPath != null) {
                AnnotationValue value = restPath.value();
                String bound = value == null || value.asString().isEmpty() ? method.parameterName(i) : value.asString();
                if (name.equals(bound)) {
                    return i;
                }
            }
        }
        for (int i = 0; i < method.parametersCount(); i++) {
            if (method.parameters().get(i).declaredAnnotations().isEmpty() && name.equals(method.parameterName(i))) {
                return i;
            }
        }
        return -1;
    }

    private static String describe(MethodInfo method) {
        return method.declaringClass().name() + "#" + method.name();
    }
}
