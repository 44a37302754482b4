package io.logto.resource.micronaut.internal;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.web.router.RouteInfo;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The requirement of every route, read once from annotation metadata and cached per route. At startup it
 * checks every annotated route (one annotation per level, valid scopes, the organization path variable
 * present in the URI template) and collects the scopes named on endpoints for the metadata document.
 */
@Singleton
final class EndpointRequirements implements ApplicationEventListener<StartupEvent> {

    private final Router router;
    private final Map<RouteInfo<?>, EndpointRequirement> byRoute = new ConcurrentHashMap<>();
    private volatile Set<String> scopes;

    EndpointRequirements(Router router) {
        this.router = router;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        scopes();
    }

    /** The requirement of a matched route; {@link EndpointRequirement#NONE} when it has none. */
    EndpointRequirement of(RouteInfo<?> route) {
        EndpointRequirement requirement = byRoute.get(route);
        return requirement != null ? requirement : byRoute.computeIfAbsent(route, r -> EndpointRequirement.read(r.getAnnotationMetadata()));
    }

    /**
     * Every scope named by a requirement annotation on a route, checking each annotated route.
     *
     * @throws IllegalStateException naming the route whose annotation cannot work
     */
    Set<String> scopes() {
        Set<String> found = scopes;
        if (found == null) {
            found = new TreeSet<>();
            for (UriRouteInfo<?, ?> route : (Iterable<UriRouteInfo<?, ?>>) router.uriRoutes()::iterator) {
                EndpointRequirement requirement;
                try {
                    requirement = of(route);
                } catch (IllegalStateException e) {
                    throw new IllegalStateException(describe(route) + ": " + e.getMessage(), e);
                }
                String variable = requirement.organizationIdFrom();
                if (variable != null && !route.getUriMatchTemplate().getVariableNames().contains(variable)) {
                    throw new IllegalStateException(describe(route) + ": organizationIdFrom names the path variable '"
                            + variable + "', which the path does not have");
                }
                found.addAll(requirement.scopes());
            }
            found = Set.copyOf(found);
            scopes = found;
        }
        return found;
    }

    private static String describe(UriRouteInfo<?, ?> route) {
        return route.getHttpMethodName() + " " + route.getUriMatchTemplate() + " (" + route.getTargetMethod() + ")";
    }
}
