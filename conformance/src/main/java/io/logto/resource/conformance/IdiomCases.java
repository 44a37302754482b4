package io.logto.resource.conformance;

import static io.logto.resource.conformance.Cases.test;
import static io.logto.resource.conformance.Scene.ORGANIZATION;
import static org.assertj.core.api.Assertions.assertThat;

import io.logto.resource.conformance.ContractCases.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DynamicTest;

/**
 * The frameworks' own idioms for a global scope (issue 14, items 1 and 2): on each idiom route, guarded only
 * by the framework's check for {@code read:report}, only a global API token holding that scope is granted;
 * organization and organization-API tokens carrying the same scope are refused, because their scopes mean
 * something only inside their organization. A scope string no framework role can trip over
 * ({@code read:report a,b}) is granted, never a 5xx.
 */
final class IdiomCases {

    /** The scope every idiom route checks. */
    static final String SCOPE = "read:report";
    /** Where idiom routes live. */
    static final String PREFIX = "/api/idiom/";
    /** A scope claim with a comma inside a scope, which once made a framework's permission parser answer 500. */
    static final String[] COMMA_SCOPES = {SCOPE, "a,b"};

    private final Scene scene;
    private final List<String> routes;

    IdiomCases(Scene scene, List<String> routes) {
        this.scene = scene;
        this.routes = routes;
    }

    /** Whether the application named its idiom routes, then five cases per route. */
    List<DynamicTest> idiomRoutes() {
        List<DynamicTest> tests = new ArrayList<>();
        tests.add(test("the application names at least one idiom route under " + PREFIX + " (@IdiomRoutes)", () -> {
            assertThat(routes).as("idiom routes named by @IdiomRoutes on the test class (every application guards one "
                    + "route with its framework's own check for " + SCOPE + ")").isNotEmpty();
            assertThat(routes).as("idiom routes").allSatisfy(route -> assertThat(route).startsWith(PREFIX));
        }));
        for (String route : routes) {
            String subject = "idiom-user";
            tests.add(test("GET " + route + " with a global API token holding " + SCOPE + ": 200 {\"sub\": …}",
                    () -> Expect.granted(send(route, scene.global(SCOPE).subject(subject).sign()), Map.of("sub", subject))));
            tests.add(test("GET " + route + " with a global API token lacking " + SCOPE + ": 403 insufficient_scope",
                    () -> Expect.accessDenied(send(route, scene.global("write:report", "read:member").sign()))));
            for (Kind kind : List.of(Kind.ORGANIZATION, Kind.ORGANIZATION_API)) {
                tests.add(test("GET " + route + " with " + kind.label + " holding " + SCOPE + ": 403 insufficient_scope",
                        () -> Expect.accessDenied(send(route, ContractCases.token(scene.es384, kind, ORGANIZATION).scopes(SCOPE).sign()))));
            }
            tests.add(test("GET " + route + " without Authorization: 401 Bearer with resource_metadata, no error code",
                    () -> Expect.missingToken(send(route, null))));
        }
        return tests;
    }

    /** A global token whose scope claim is {@code read:report a,b}, on /api/reports and each idiom route: 200. */
    List<DynamicTest> commaScopes() {
        List<DynamicTest> tests = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        paths.add("/api/reports");
        paths.addAll(routes);
        for (String path : paths) {
            tests.add(test("GET " + path + " with a global API token whose scope is \"" + String.join(" ", COMMA_SCOPES)
                    + "\": 200 {\"sub\": …}, never 5xx",
                    () -> Expect.granted(send(path, scene.global(COMMA_SCOPES).subject("comma-user").sign()),
                            Map.of("sub", "comma-user"))));
        }
        return tests;
    }

    private Answer send(String path, String token) {
        return scene.http().send("GET", path, token);
    }
}
