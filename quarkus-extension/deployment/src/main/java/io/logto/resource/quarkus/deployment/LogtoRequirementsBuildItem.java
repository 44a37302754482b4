package io.logto.resource.quarkus.deployment;

import io.logto.resource.core.EndpointRequirement;
import io.quarkus.builder.item.SimpleBuildItem;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jboss.jandex.MethodInfo;

/** The {@code @Require*} annotations found in the application index, one entry per protected method. */
public final class LogtoRequirementsBuildItem extends SimpleBuildItem {

    /**
     * One protected method.
     *
     * @param method               the method
     * @param requirement          the core's requirement read from the method's or its class's annotation
     * @param organizationArgument the index of the argument holding the organization id; -1 for global requirements
     *                             and for methods without the organization path parameter
     */
    public record Found(MethodInfo method, EndpointRequirement requirement, int organizationArgument) {
    }

    private final List<Found> requirements;

    /**
     * Creates the item.
     *
     * @param requirements every protected method
     */
    public LogtoRequirementsBuildItem(List<Found> requirements) {
        this.requirements = List.copyOf(requirements);
    }

    /** Every protected method. */
    public List<Found> requirements() {
        return requirements;
    }

    /** The scopes named on any annotation, sorted. */
    public Set<String> scopes() {
        Set<String> scopes = new TreeSet<>();
        requirements.forEach(found -> scopes.addAll(found.requirement().scopes()));
        return scopes;
    }
}
