package io.logto.resource.quarkus.deployment;

import io.logto.resource.core.EndpointRequirement;
import io.logto.resource.core.ScopeMatch;
import io.logto.resource.core.TokenKind;
import io.logto.resource.quarkus.RequireOrganizationApiScopes;
import io.logto.resource.quarkus.RequireOrganizationScopes;
import io.logto.resource.quarkus.RequireScopes;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.AnnotationValue;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.MethodInfo;
import org.jboss.logging.Logger;

/**
 * Reads the {@code @Require*} annotations from the Jandex index at build time into the core's
 * {@link EndpointRequirement}, plus the index of the argument bound to the organization path parameter. A method's
 * annotation wins over its class's; a class annotation covers every public method of the class that carries no
 * security annotation of its own. The core validates the scopes (a bad name fails the build with the core's
 * message); a method without the organization path parameter is answered 403 by the core at runtime, with a build
 * warning naming it.
 */
final class RequirementScanner {

    private static final Logger LOG = Logger.getLogger(RequirementScanner.class);

    static final Map<DotName, TokenKind> ANNOTATIONS = Map.of(
            DotName.createSimple(RequireScopes.class), TokenKind.GLOBAL_API,
            DotName.createSimple(RequireOrganizationScopes.class), TokenKind.ORGANIZATION,
            DotName.createSimple(RequireOrganizationApiScopes.class), TokenKind.ORGANIZATION_API);
    /** Security annotations of Quarkus and Jakarta that, on a method, override a class-level requirement. */
    private static final Set<DotName> OTHER_SECURITY_ANNOTATIONS = Set.of(
            DotName.createSimple("jakarta.annotation.security.RolesAllowed"),
            DotName.createSimple("jakarta.annotation.security.PermitAll"),
            DotName.createSimple("jakarta.annotation.security.DenyAll"),
            DotName.createSimple("io.quarkus.security.Authenticated"),
            DotName.createSimple("io.quarkus.security.PermissionsAllowed"));
    private static final DotName PATH_PARAM = DotName.createSimple("jakarta.ws.rs.PathParam");
    private static final DotName REST_PATH = DotName.createSimple("org.jboss.resteasy.reactive.RestPath");

    private RequirementScanner() {
    }

    static LogtoRequirementsBuildItem scan(IndexView index) {
        Map<MethodInfo, LogtoRequirementsBuildItem.Found> found = new LinkedHashMap<>();
        List<AnnotationInstance> classLevel = new ArrayList<>();
        for (DotName name : ANNOTATIONS.keySet()) {
            for (AnnotationInstance instance : index.getAnnotations(name)) {
                if (instance.target().kind() == AnnotationTarget.Kind.METHOD) {
                    MethodInfo method = instance.target().asMethod();
                    if (found.put(method, requirement(method, instance)) != null) {
                        throw new IllegalStateException(describe(method) + " carries more than one of @RequireScopes, "
                                + "@RequireOrganizationScopes and @RequireOrganizationApiScopes; keep one");
                    }
                } else if (instance.target().kind() == AnnotationTarget.Kind.CLASS) {
                    classLevel.add(instance);
                }
            }
        }
        Set<DotName> seenClasses = new HashSet<>();
        for (AnnotationInstance instance : classLevel) {
            ClassInfo type = instance.target().asClass();
            if (!seenClasses.add(type.name())) {
                throw new IllegalStateException(type.name() + " carries more than one of @RequireScopes, "
                        + "@RequireOrganizationScopes and @RequireOrganizationApiScopes; keep one");
            }
            for (MethodInfo method : type.methods()) {
                if (coveredByClassAnnotation(method)) {
                    found.putIfAbsent(method, requirement(method, instance));
                }
            }
        }
        return new LogtoRequirementsBuildItem(new ArrayList<>(found.values()));
    }

    /** A public instance method of the class that declares no security annotation of its own. */
    private static boolean coveredByClassAnnotation(MethodInfo method) {
        if (method.isConstructor() || method.isStaticInitializer() || method.isSynthetic()
                || Modifier.isStatic(method.flags()) || !Modifier.isPublic(method.flags())) {
            return false;
        }
        for (AnnotationInstance annotation : method.declaredAnnotations()) {
            if (ANNOTATIONS.containsKey(annotation.name()) || OTHER_SECURITY_ANNOTATIONS.contains(annotation.name())) {
                return false;
            }
        }
        return true;
    }

    private static LogtoRequirementsBuildItem.Found requirement(MethodInfo method, AnnotationInstance instance) {
        TokenKind kind = ANNOTATIONS.get(instance.name());
        AnnotationValue value = instance.value();
        List<String> scopes = value == null ? List.of() : List.of(value.asStringArray());
        AnnotationValue matchValue = instance.value("match");
        ScopeMatch match = matchValue == null ? ScopeMatch.ALL : ScopeMatch.valueOf(matchValue.asEnum());
        String variable = null;
        if (kind != TokenKind.GLOBAL_API) {
            AnnotationValue from = instance.value("organizationIdFrom");
            variable = from == null ? "orgId" : from.asString();
        }
        EndpointRequirement requirement;
        try {
            requirement = EndpointRequirement.of(kind, variable, match, scopes);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("@" + instance.name().withoutPackagePrefix() + " on " + describe(method)
                    + ": " + e.getMessage(), e);
        }
        int organizationArgument = variable == null ? -1 : organizationArgument(method, variable);
        if (variable != null && organizationArgument < 0) {
            LOG.warnf("@%s on %s takes the organization id from path parameter '%s', but the method has no such "
                    + "parameter, so every request is refused (403); add one, e.g. @RestPath String %s, or set "
                    + "organizationIdFrom", instance.name().withoutPackagePrefix(), describe(method), variable, variable);
        }
        return new LogtoRequirementsBuildItem.Found(method, requirement, organizationArgument);
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
