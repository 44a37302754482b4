package io.logto.resource.servlet;

import io.logto.resource.core.EndpointRequirement;
import io.logto.resource.core.ScopeMatch;
import io.logto.resource.core.TokenKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The route rules of a {@link LogtoFilter}: which requests need which {@link EndpointRequirement}, per HTTP
 * method and path pattern, checked in declaration order (the first matching rule wins). Immutable.
 *
 * <pre>{@code
 * LogtoRoutes routes = LogtoRoutes.builder()
 *         .permitAll("GET", "/api/public")
 *         .requireScopes("GET", "/api/reports", "read:report")
 *         .requireOrganizationScopes("GET", "/api/organizations/{orgId}/members", "orgId", "read:member")
 *         .rule("GET /api/organizations/{orgId}/projects = organization-api(orgId) read:project")
 *         .authenticated("GET", "/api/me")
 *         .build();
 * }</pre>
 *
 * <p><b>Patterns</b> are matched against the request path after the context path, exactly as sent and
 * case-sensitively: literal segments, {@code {name}} for one segment captured as a path variable,
 * {@code *} for one segment, and a final {@code **} for any rest. A trailing slash is ignored. A request
 * path that is not canonical (percent-encoding, {@code ;}, backslash, {@code .}, {@code ..} or empty
 * segments) matches no rule and is refused whatever {@link Unmatched} says.
 *
 * <p><b>Methods</b>: one method name, or {@code *} for every method; a {@code GET} rule also covers
 * {@code HEAD}, which servlets answer by running {@code doGet}.
 *
 * <p><b>Rule lines</b> ({@link Builder#rule(String)}, the {@code routes} init parameter), one per line or
 * separated by {@code ;}, {@code #} starting a comment line:
 * <pre>
 * METHOD /path/pattern = permit-all
 * METHOD /path/pattern = authenticated
 * METHOD /path/pattern = global[(any)] scope...
 * METHOD /path/pattern = organization[(variable[, any])] scope...
 * METHOD /path/pattern = organization-api[(variable[, any])] scope...
 * </pre>
 * Scopes combine all-of unless {@code any} is given; the organization id comes from the named path
 * variable, {@code orgId} when none is named (a request without it is refused with 403, the core's answer
 * for a missing organization). Scope names follow the core's grammar (RFC 6749 scope-tokens).
 * {@code authenticated} lets any verified token through, of any kind, and leaves the decision to the
 * application: {@code request.isUserInRole(...)} (see {@link LogtoFilter}) or a programmatic check.
 */
public final class LogtoRoutes {

    /** What happens to a request that no rule matches. */
    public enum Unmatched {
        /** Refuse it: 401 without a valid token, 403 with one (the default, and the safe choice). */
        DENY,
        /** Let it through without looking at its token. */
        ALLOW
    }

    /** The path variable that holds the organization id when a rule names none: {@code orgId}. */
    public static final String DEFAULT_ORGANIZATION_VARIABLE = "orgId";

    private final List<Route> routes;
    private final Unmatched unmatched;

    private LogtoRoutes(List<Route> routes, Unmatched unmatched) {
        this.routes = List.copyOf(routes);
        this.unmatched = unmatched;
    }

    /**
     * Starts an empty set of rules that denies unmatched requests.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Parses rule lines (see the class documentation), denying unmatched requests.
     *
     * @param rules rule lines separated by line breaks or {@code ;}
     * @return the rules
     * @throws IllegalArgumentException naming the line that cannot be read
     */
    public static LogtoRoutes parse(String rules) {
        return builder().rules(rules).build();
    }

    /** What happens to requests no rule matches; default {@link Unmatched#DENY}. */
    public Unmatched unmatched() {
        return unmatched;
    }

    /**
     * Every scope named by a rule, for {@code scopes_supported} in the RFC 9728 metadata.
     *
     * @return the scope names, sorted
     */
    public Set<String> scopes() {
        Set<String> scopes = new TreeSet<>();
        routes.stream().filter(route -> route.requirement != null).forEach(route -> scopes.addAll(route.requirement.scopes()));
        return scopes;
    }

    /**
     * What a request needs: {@link Target#PERMIT}, {@link Target#DENY}, {@link Target#AUTHENTICATED} or a requirement.
     *
     * @param method the HTTP method
     * @param path   the path after the context path, not decoded
     */
    Target resolve(String method, String path) {
        List<String> segments = RequestPath.segments(path);
        if (segments == null) {
            return Target.DENY;
        }
        for (Route route : routes) {
            if (route.appliesTo(method)) {
                Map<String, String> variables = route.pattern.match(segments);
                if (variables != null) {
                    return route.target(variables);
                }
            }
        }
        return unmatched == Unmatched.ALLOW ? Target.PERMIT : Target.DENY;
    }

    /** The rules in rule-line form, then the unmatched policy. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        routes.forEach(route -> text.append(route).append('\n'));
        return text.append("(unmatched: ").append(unmatched.name().toLowerCase(Locale.ROOT)).append(')').toString();
    }

    /** What a request needs. */
    enum Action {
        /** Nothing: the token is not looked at. */
        PERMIT,
        /** A verified token of any kind; the application decides the rest. */
        AUTHENTICATE,
        /** A verified token meeting {@link Target#requirement()}. */
        REQUIRE,
        /** The impossible: 401 without a valid token, 403 with one. */
        DENY
    }

    /**
     * What one request needs: an action, and for {@link Action#REQUIRE} the rule's requirement with the
     * organization id read from the path (null when the path has no such variable).
     */
    record Target(Action action, EndpointRequirement requirement, String organizationId) {
        static final Target PERMIT = new Target(Action.PERMIT, null, null);
        static final Target AUTHENTICATED = new Target(Action.AUTHENTICATE, null, null);
        static final Target DENY = new Target(Action.DENY, null, null);
    }

    /** One rule: a method, a pattern, and a fixed target or a requirement to read the organization id for. */
    private static final class Route {
        final String method;
        final PathPattern pattern;
        final Target fixed;
        final EndpointRequirement requirement;

        Route(String method, PathPattern pattern, Target fixed, EndpointRequirement requirement) {
            this.method = method;
            this.pattern = pattern;
            this.requirement = requirement;
            this.fixed = fixed != null ? fixed
                    : requirement.kind() == TokenKind.GLOBAL_API ? new Target(Action.REQUIRE, requirement, null) : null;
        }

        boolean appliesTo(String requestMethod) {
            return method.equals("*") || method.equals(requestMethod) || (method.equals("GET") && requestMethod.equals("HEAD"));
        }

        Target target(Map<String, String> variables) {
            return fixed != null ? fixed
                    : new Target(Action.REQUIRE, requirement, variables.get(requirement.organizationVariable().orElseThrow()));
        }

        @Override
        public String toString() {
            String head = method + " " + pattern + " = ";
            if (requirement == null) {
                return head + (fixed == Target.PERMIT ? RuleLines.PERMIT_ALL : RuleLines.AUTHENTICATED);
            }
            boolean any = requirement.match() == ScopeMatch.ANY;
            String options = requirement.organizationVariable().map(variable -> "(" + variable + (any ? ", any" : "") + ")")
                    .orElse(any ? "(any)" : "");
            return head + RuleLines.kindName(requirement.kind()) + options
                    + (requirement.scopes().isEmpty() ? "" : " " + String.join(" ", new TreeSet<>(requirement.scopes())));
        }
    }

    /**
     * Collects rules in declaration order. Not thread-safe.
     */
    public static final class Builder {

        private final List<Route> routes = new ArrayList<>();
        private Unmatched unmatched = Unmatched.DENY;

        private Builder() {
        }

        /**
         * Lets matching requests through without looking at their token.
         *
         * @param method  the HTTP method, or {@code *}
         * @param pattern the path pattern
         * @return this builder
         * @throws IllegalArgumentException when the method or pattern is invalid
         */
        public Builder permitAll(String method, String pattern) {
            routes.add(new Route(method(method), PathPattern.parse(pattern), Target.PERMIT, null));
            return this;
        }

        /**
         * Lets matching requests through with any verified token, of any kind, and leaves the decision to the
         * application ({@code request.isUserInRole(...)}, a programmatic check); no valid token is 401.
         *
         * @param method  the HTTP method, or {@code *}
         * @param pattern the path pattern
         * @return this builder
         * @throws IllegalArgumentException when the method or pattern is invalid
         */
        public Builder authenticated(String method, String pattern) {
            routes.add(new Route(method(method), PathPattern.parse(pattern), Target.AUTHENTICATED, null));
            return this;
        }

        /**
         * Requires a global API token (no {@code organization_id}) granting every listed scope.
         *
         * @param method  the HTTP method, or {@code *}
         * @param pattern the path pattern
         * @param scopes  scope names; none means any global API token
         * @return this builder
         * @throws IllegalArgumentException when the method, pattern or a scope name is invalid
         */
        public Builder requireScopes(String method, String pattern, String... scopes) {
            return require(method, pattern, TokenKind.GLOBAL_API, null, ScopeMatch.ALL, Arrays.asList(scopes));
        }

        /**
         * Requires an organization token for the organization in a path variable, granting every listed scope.
         *
         * @param method             the HTTP method, or {@code *}
         * @param pattern            the path pattern, containing {@code {organizationIdFrom}}
         * @param organizationIdFrom the path variable holding the organization id, e.g. {@code orgId}
         * @param scopes             scope names
         * @return this builder
         * @throws IllegalArgumentException when an argument is invalid (a pattern without the variable is not:
         *                                  its requests are refused with 403 as missing the organization)
         */
        public Builder requireOrganizationScopes(String method, String pattern, String organizationIdFrom, String... scopes) {
            return require(method, pattern, TokenKind.ORGANIZATION, organizationIdFrom, ScopeMatch.ALL, Arrays.asList(scopes));
        }

        /**
         * Requires an organization-level API token whose {@code organization_id} is the organization in a
         * path variable, granting every listed scope.
         *
         * @param method             the HTTP method, or {@code *}
         * @param pattern            the path pattern, containing {@code {organizationIdFrom}}
         * @param organizationIdFrom the path variable holding the organization id, e.g. {@code orgId}
         * @param scopes             scope names
         * @return this builder
         * @throws IllegalArgumentException when an argument is invalid (a pattern without the variable is not:
         *                                  its requests are refused with 403 as missing the organization)
         */
        public Builder requireOrganizationApiScopes(String method, String pattern, String organizationIdFrom,
                                                    String... scopes) {
            return require(method, pattern, TokenKind.ORGANIZATION_API, organizationIdFrom, ScopeMatch.ALL, Arrays.asList(scopes));
        }

        /**
         * Adds a rule in its general form.
         *
         * @param method             the HTTP method, or {@code *}
         * @param pattern            the path pattern
         * @param kind               the token kind required
         * @param organizationIdFrom the path variable holding the organization id; null for {@link TokenKind#GLOBAL_API}
         * @param match              how the scopes combine
         * @param scopes             scope names
         * @return this builder
         * @throws IllegalArgumentException with the core's message when the variable does not fit the kind or a
         *                                  scope name is invalid, or when the method or pattern is invalid
         */
        public Builder require(String method, String pattern, TokenKind kind, String organizationIdFrom, ScopeMatch match,
                               Collection<String> scopes) {
            String checkedMethod = method(method);
            PathPattern path = PathPattern.parse(pattern);
            routes.add(new Route(checkedMethod, path, null, EndpointRequirement.of(kind, organizationIdFrom, match, scopes)));
            return this;
        }

        /**
         * Adds one rule line, e.g. {@code GET /api/organizations/{orgId}/members = organization(orgId) read:member}.
         *
         * @param line the rule line (see {@link LogtoRoutes})
         * @return this builder
         * @throws IllegalArgumentException naming the line when it cannot be read
         */
        public Builder rule(String line) {
            RuleLines.add(this, line);
            return this;
        }

        /**
         * Adds rule lines separated by line breaks or {@code ;}; blank lines and lines starting with {@code #} are skipped.
         *
         * @param rules the rule lines
         * @return this builder
         * @throws IllegalArgumentException naming the first line that cannot be read
         */
        public Builder rules(String rules) {
            for (String line : rules.split("\\R|;")) {
                if (!line.isBlank() && !line.strip().startsWith("#")) {
                    rule(line);
                }
            }
            return this;
        }

        /**
         * Sets what happens to requests no rule matches.
         *
         * @param unmatched {@link Unmatched#DENY} (default) or {@link Unmatched#ALLOW}
         * @return this builder
         */
        public Builder unmatched(Unmatched unmatched) {
            this.unmatched = Objects.requireNonNull(unmatched, "unmatched");
            return this;
        }

        /**
         * Builds the immutable rules.
         *
         * @return the rules
         * @throws IllegalArgumentException when there are no rules and unmatched requests are denied (every
         *                                  request would be refused)
         */
        public LogtoRoutes build() {
            if (routes.isEmpty() && unmatched == Unmatched.DENY) {
                throw new IllegalArgumentException("no route rules: every request would be refused; add rules (the "
                        + LogtoFilter.ROUTES_PARAMETER + " init parameter) or allow unmatched routes");
            }
            return new LogtoRoutes(routes, unmatched);
        }

        private static String method(String method) {
            if (method.equals("*") || (!method.isEmpty() && method.chars().allMatch(c -> c >= 'A' && c <= 'Z'))) {
                return method;
            }
            throw new IllegalArgumentException("HTTP method '" + method + "' must be upper-case letters or *");
        }
    }
}
