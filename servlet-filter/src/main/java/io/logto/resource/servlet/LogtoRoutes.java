package io.logto.resource.servlet;

import io.logto.resource.core.Requirement;
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
 * The route rules of a {@link LogtoFilter}: which requests need which {@link Requirement}, per HTTP method
 * and path pattern, checked in declaration order (the first matching rule wins). Immutable.
 *
 * <pre>{@code
 * LogtoRoutes routes = LogtoRoutes.builder()
 *         .permitAll("GET", "/api/public")
 *         .requireScopes("GET", "/api/reports", "read:report")
 *         .requireOrganizationScopes("GET", "/api/organizations/{orgId}/members", "orgId", "read:member")
 *         .rule("GET /api/organizations/{orgId}/projects = organization-api(orgId) read:project")
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
 * METHOD /path/pattern = global[(any)] scope...
 * METHOD /path/pattern = organization[(variable[, any])] scope...
 * METHOD /path/pattern = organization-api[(variable[, any])] scope...
 * </pre>
 * Scopes combine all-of unless {@code any} is given; the organization id comes from the named path
 * variable, {@code orgId} when none is named.
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

    /** Every scope named by a rule, for {@code scopes_supported} in the RFC 9728 metadata. */
    public Set<String> scopes() {
        Set<String> scopes = new TreeSet<>();
        routes.forEach(route -> scopes.addAll(route.scopes));
        return scopes;
    }

    /**
     * What a request needs: {@link Target#PERMIT}, {@link Target#DENY} or a requirement.
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

    /** What a request needs: nothing, the impossible, or a requirement. */
    record Target(boolean permitted, Requirement requirement) {
        static final Target PERMIT = new Target(true, null);
        static final Target DENY = new Target(false, null);
    }

    /** One rule. */
    private static final class Route {
        final String method;
        final PathPattern pattern;
        final boolean permitAll;
        final TokenKind kind;
        final String organizationVariable;
        final ScopeMatch match;
        final Set<String> scopes;
        final Target fixed;

        Route(String method, PathPattern pattern, boolean permitAll, TokenKind kind, String organizationVariable,
              ScopeMatch match, Collection<String> scopes) {
            this.method = method;
            this.pattern = pattern;
            this.permitAll = permitAll;
            this.kind = kind;
            this.organizationVariable = organizationVariable;
            this.match = match;
            this.scopes = Set.copyOf(scopes);
            // Builds the requirement once: checks the scope names now, and global rules reuse it per request.
            Requirement sample = permitAll ? null : Requirement.of(kind, kind == TokenKind.GLOBAL_API ? null : "-", match, scopes);
            this.fixed = permitAll ? Target.PERMIT : kind == TokenKind.GLOBAL_API ? new Target(false, sample) : null;
        }

        boolean appliesTo(String requestMethod) {
            return method.equals("*") || method.equals(requestMethod) || (method.equals("GET") && requestMethod.equals("HEAD"));
        }

        Target target(Map<String, String> variables) {
            return fixed != null ? fixed
                    : new Target(false, Requirement.of(kind, variables.get(organizationVariable), match, scopes));
        }

        @Override
        public String toString() {
            String head = method + " " + pattern + " = ";
            if (permitAll) {
                return head + "permit-all";
            }
            String options = kind == TokenKind.GLOBAL_API
                    ? (match == ScopeMatch.ANY ? "(any)" : "")
                    : "(" + organizationVariable + (match == ScopeMatch.ANY ? ", any" : "") + ")";
            return head + RuleLines.kindName(kind) + options + (scopes.isEmpty() ? "" : " " + String.join(" ", new TreeSet<>(scopes)));
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
            routes.add(new Route(method(method), PathPattern.parse(pattern), true, null, null, ScopeMatch.ALL, Set.of()));
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
         * @throws IllegalArgumentException when the pattern lacks the variable or an argument is invalid
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
         * @throws IllegalArgumentException when the pattern lacks the variable or an argument is invalid
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
         * @throws IllegalArgumentException when the variable does not fit the kind or pattern, or an argument is invalid
         */
        public Builder require(String method, String pattern, TokenKind kind, String organizationIdFrom, ScopeMatch match,
                               Collection<String> scopes) {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(match, "match");
            PathPattern path = PathPattern.parse(pattern);
            if (kind == TokenKind.GLOBAL_API && organizationIdFrom != null) {
                throw new IllegalArgumentException("a global rule takes no organization variable (" + pattern + ")");
            }
            if (kind != TokenKind.GLOBAL_API && (organizationIdFrom == null || !path.variables().contains(organizationIdFrom))) {
                throw new IllegalArgumentException("path pattern '" + pattern + "' has no variable {" + organizationIdFrom
                        + "} to take the organization id from");
            }
            routes.add(new Route(method(method), path, false, kind, organizationIdFrom, match, scopes));
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
