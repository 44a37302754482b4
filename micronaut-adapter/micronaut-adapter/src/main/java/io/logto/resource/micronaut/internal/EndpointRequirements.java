package io.logto.resource.micronaut.internal;

import io.logto.resource.core.EndpointRequirement;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.security.annotation.Secured;
import io.micronaut.web.router.RouteInfo;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The requirement of every route, read once by {@link RequirementAnnotations} and cached per route. At
 * startup it reads every route, so an annotation the core refuses stops the application naming the route,
 * and collects the scopes named on endpoints for the metadata document.
 */
@Singleton
final class EndpointRequirements implements ApplicationEventListener<StartupEvent> {

    /**
     * One route's requirement, and whether {@code @Secured} decides too once the requirement is met.
     *
     * @param requirement the core requirement; null when the route has none
     * @param alsoSecured whether the route also carries {@code @Secured}
     */
    record RouteRequirement(EndpointRequirement requirement, boolean alsoSecured) {
    }

    private static final RouteRequirement NONE = new RouteRequirement(null, false);

    private final Router router;
    private final Map<RouteInfo<?>, RouteRequirement> byRoute = new ConcurrentHashMap<>();
    private volatile Set<String> scopes;

    EndpointRequirements(Router router) {
        this.router = router;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        scopes();
    }

    /** The requirement of a matched route. */
    RouteRequirement of(RouteInfo<?> route) {
        RouteRequirement requirement = byRoute.get(route);
        return requirement != null ? requirement : byRoute.computeIfAbsent(route, EndpointRequirements::read);
    }

    private static RouteRequirement read(RouteInfo<?> route) {
        EndpointRequirement requirement = RequirementAnnotations.read(route.getAnnotationMetadata());
        return requirement == null ? NONE
                : new RouteRequirement(requirement, route.getAnnotationMetadata().hasAnnotation(Secured.class));
    }

    /**
     * Every scope named by a requirement annotation on a route, reading each route.
     *
     * @throws IllegalStateException naming the route whose annotation cannot work
     */
    Set<String> scopes() {
        Set<String> found = scopes;
        if (found == null) {
            found = new TreeSet<>();
            for (UriRouteInfo<?, ?> route : (Iterable<UriRouteInfo<?, ?>>) router.uriRoutes()::iterator) {
                try {
                    EndpointRequirement requirement = of(route).requirement();
                    if (requirement != null) {
                        found.addAll(requirement.scopes());
                    }
                } catch (IllegalStateException e) {
                    throw new IllegalStateException(route.getHttpMethodName() + " " + route.getUriMatchTemplate()
                            + " (" + route.getTargetMethod() + "): " + e.getMessage(), e);
                }
            }
            found = Set.copyOf(found);
            scopes = found;
        }
        return found;
    }
}
