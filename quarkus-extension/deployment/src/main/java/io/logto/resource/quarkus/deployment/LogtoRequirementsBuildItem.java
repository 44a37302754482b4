package io.logto.resource.quarkus.deployment;

import io.logto.resource.core.ScopeMatch;
import io.logto.resource.core.TokenKind;
import io.quarkus.builder.item.SimpleBuildItem;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jboss.jandex.MethodInfo;

/** The {@code @Require*} annotations found in the application index, one entry per annotated method. */
public final class LogtoRequirementsBuildItem extends SimpleBuildItem {

    /**
     * One annotated method.
     *
     * @param method               the method
     * @param kind                 the token kind required
     * @param match                how the scopes combine
     * @param scopes               the scopes
     * @param organizationArgument the index of the argument holding the organization id, -1 for global requirements
     */
    public record Found(MethodInfo method, TokenKind kind, ScopeMatch match, List<String> scopes, int organizationArgument) {
    }

    private final List<Found> requirements;

    /**
     * Creates the item.
     *
     * @param requirements every annotated method
     */
    public LogtoRequirementsBuildItem(List<Found> requirements) {
        this.requirements = List.copyOf(requirements);
    }

    /** Every annotated method. */
    public List<Found> requirements() {
        return requirements;
    }

    /** The scopes named on any annotation, sorted. */
    public Set<String> scopes() {
        Set<String> scopes = new TreeSet<>();
        requirements.forEach(found -> scopes.addAll(found.scopes()));
        return scopes;
    }
}
