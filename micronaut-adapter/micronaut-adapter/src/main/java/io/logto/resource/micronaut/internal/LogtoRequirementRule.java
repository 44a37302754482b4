package io.logto.resource.micronaut.internal;

import io.logto.resource.core.Decision;
import io.logto.resource.core.EndpointRequirement;
import io.logto.resource.core.LogtoResourceServer;
import io.logto.resource.core.VerifiedToken;
import io.logto.resource.micronaut.MicronautLogtoAuthentication;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecuredAnnotationRule;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.rules.SecurityRuleResult;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.RouteMatch;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

/**
 * Decides the {@code Require*Scopes} annotation of the matched route with the core, the organization id
 * taken from the route's path variable. Runs before {@link SecuredAnnotationRule}: a request without a
 * verified Logto token is rejected (401); a denied decision is rejected with the core's 403 challenge left on
 * the request; a granted one is allowed, or left to {@code @Secured} when the endpoint carries it too. Routes
 * without an annotation are not this rule's business.
 */
@Singleton
final class LogtoRequirementRule implements SecurityRule<HttpRequest<?>> {

    /** Before {@code @Secured} (so that it cannot allow what a requirement refuses), after IP patterns. */
    static final int ORDER = SecuredAnnotationRule.ORDER - 50;

    private static final Publisher<SecurityRuleResult> UNKNOWN = Publishers.just(SecurityRuleResult.UNKNOWN);
    private static final Publisher<SecurityRuleResult> ALLOWED = Publishers.just(SecurityRuleResult.ALLOWED);
    private static final Publisher<SecurityRuleResult> REJECTED = Publishers.just(SecurityRuleResult.REJECTED);

    private final LogtoResourceServer logto;
    private final EndpointRequirements requirements;

    LogtoRequirementRule(LogtoResourceServer logto, EndpointRequirements requirements) {
        this.logto = logto;
        this.requirements = requirements;
    }

    @Override
    public Publisher<SecurityRuleResult> check(HttpRequest<?> request, Authentication authentication) {
        RouteMatch<?> route = request == null ? null : RouteAttributes.getRouteMatch(request).orElse(null);
        if (route == null) {
            return UNKNOWN;
        }
        EndpointRequirements.RouteRequirement endpoint = requirements.of(route.getRouteInfo());
        EndpointRequirement requirement = endpoint.requirement();
        if (requirement == null) {
            return UNKNOWN;
        }
        VerifiedToken token = MicronautLogtoAuthentication.verifiedToken(authentication).orElse(null);
        if (token == null) {
            return REJECTED;
        }
        // a lambda, not route.getVariableValues()::get, so that global requirements never build the variable map
        Object organizationId = requirement.organizationVariable().map(name -> route.getVariableValues().get(name)).orElse(null);
        Decision decision = logto.authorize(token, requirement, organizationId == null ? null : organizationId.toString());
        if (decision.isGranted()) {
            return endpoint.alsoSecured() ? UNKNOWN : ALLOWED;
        }
        request.setAttribute(LogtoAttributes.CHALLENGE, logto.challenges().insufficientScope(decision));
        return REJECTED;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
