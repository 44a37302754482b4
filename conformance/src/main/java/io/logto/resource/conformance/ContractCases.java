package io.logto.resource.conformance;

import static io.logto.resource.conformance.Cases.test;
import static io.logto.resource.conformance.Scene.AUDIENCE;
import static io.logto.resource.conformance.Scene.ORGANIZATION;
import static io.logto.resource.conformance.Scene.OTHER_ORGANIZATION;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import io.logto.resource.test.LogtoTokenMinter;
import io.logto.resource.test.TokenBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.DynamicTest;

/**
 * The sample contract of DESIGN.md as dynamic tests: every row of the route table, the accepted shapes of a
 * Logto token, and every rule that holds on every protected route.
 */
final class ContractCases {

    /** The kinds of Logto access token. */
    enum Kind {
        GLOBAL_API("a global API token"),
        ORGANIZATION("an organization token"),
        ORGANIZATION_API("an organization-level API token");

        /** The kind with its article, e.g. "a global API token". */
        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    /** A protected route of the contract and what it needs. */
    record Route(String method, String path, String scope, Kind kind) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static final List<Route> PROTECTED_ROUTES = List.of(
            new Route("GET", "/api/reports", "read:report", Kind.GLOBAL_API),
            new Route("POST", "/api/reports", "write:report", Kind.GLOBAL_API),
            new Route("GET", "/api/organizations/" + ORGANIZATION + "/members", "read:member", Kind.ORGANIZATION),
            new Route("POST", "/api/organizations/" + ORGANIZATION + "/members", "invite:member", Kind.ORGANIZATION),
            new Route("GET", "/api/organizations/" + ORGANIZATION + "/projects", "read:project", Kind.ORGANIZATION_API));

    static final List<String> ALL_SCOPES = List.of("invite:member", "read:member", "read:project", "read:report", "write:report");

    private final Scene scene;

    ContractCases(Scene scene) {
        this.scene = scene;
    }

    /** Each row of the route table, granted, plus the metadata document. */
    List<DynamicTest> routeTable() {
        List<DynamicTest> tests = new ArrayList<>();
        tests.add(test("GET /api/public needs nothing: 200", () ->
                assertThat(scene.http().send("GET", "/api/public", null).status()).isEqualTo(200)));
        tests.add(test("GET /api/public ignores a refused token: 200", () ->
                assertThat(scene.http().send("GET", "/api/public", token(scene.es384, Kind.GLOBAL_API, ORGANIZATION)
                        .expired().sign()).status()).isEqualTo(200)));
        tests.add(test("GET /api/public ignores a malformed Authorization header: 200", () ->
                assertThat(scene.http().sendWithHeaders("GET", "/api/public", "Authorization", "Bearer a b").status())
                        .isEqualTo(200)));
        for (Route route : PROTECTED_ROUTES) {
            String subject = "user-" + route.scope().replace(':', '-');
            tests.add(test(route + " with " + route.kind().label + " holding " + route.scope() + ": 200 " + bodyShape(route.kind()),
                    () -> Expect.granted(send(route, token(scene.es384, route.kind(), ORGANIZATION).subject(subject)
                            .scopes(route.scope()).sign()), body(route.kind(), subject))));
        }
        tests.add(test("GET " + Expect.METADATA_PATH + " is the RFC 9728 document: resource, authorization_servers, "
                + "scopes_supported, bearer_methods_supported", this::metadata));
        return tests;
    }

    /** Tokens Logto may issue that every sample must accept, beyond the default ES384 user token. */
    List<DynamicTest> acceptedTokens() {
        return List.of(
                granted("a token signed by the RS256 key of a mixed JWKS (after a rotation from EC to RSA)",
                        () -> scene.rs256.globalToken(AUDIENCE).scopes("read:report").sign()),
                granted("a token signed by an ES256 key", () -> scene.es256.globalToken(AUDIENCE).scopes("read:report").sign()),
                granted("a token signed by a further ES384 key of the JWKS",
                        () -> Jose.sign(scene.crafted, JWSAlgorithm.ES384, scene.headerJson(), scene.payloadJson())),
                granted("typ application/at+jwt", () -> scene.global("read:report").type("application/at+jwt").sign()),
                granted("typ AT+JWT in capitals", () -> scene.global("read:report").type("AT+JWT").sign()),
                granted("a token holding more scopes than needed",
                        () -> scene.global("write:report", "read:report", "read:member").sign()),
                test("GET /api/reports with a machine-to-machine token (sub = client_id): 200 {\"sub\": client}",
                        () -> Expect.granted(scene.http().send("GET", "/api/reports", scene.global("read:report")
                                .subject("m2m-app").clientId("m2m-app").sign()), Map.of("sub", "m2m-app"))));
    }

    /** The rules that hold on every protected route, route by route. */
    List<DynamicTest> rulesOnEveryProtectedRoute() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Route route : PROTECTED_ROUTES) {
            tests.add(test(route + " without Authorization: 401 Bearer with resource_metadata, no error code",
                    () -> Expect.missingToken(scene.http().send(route.method(), route.path(), null))));
            tests.add(refused(route, "an expired token", () -> rightToken(route).expired().sign()));
            tests.add(refused(route, "a token signed by a key outside the JWKS", () -> rightToken(route).signedWithUnknownKey().sign()));
            tests.add(refused(route, "a token for another API", () -> rightToken(route).audience("https://other.example.com").sign()));
            tests.add(denied(route, route.kind().label + " lacking " + route.scope(),
                    () -> token(scene.es384, route.kind(), ORGANIZATION).scopes("read:nothing").sign()));
            for (Kind other : Kind.values()) {
                if (other != route.kind()) {
                    tests.add(denied(route, other.label + " holding " + route.scope(),
                            () -> token(scene.es384, other, ORGANIZATION).scopes(route.scope()).sign()));
                }
            }
            if (route.kind() != Kind.GLOBAL_API) {
                tests.add(denied(route, route.kind().label + " for another organization holding " + route.scope(),
                        () -> token(scene.es384, route.kind(), OTHER_ORGANIZATION).scopes(route.scope()).sign()));
            }
        }
        return tests;
    }

    @SuppressWarnings("unchecked")
    private void metadata() {
        Answer answer = scene.http().send("GET", Expect.METADATA_PATH, null);
        assertThat(answer.status()).as("status of %s", answer).isEqualTo(200);
        assertThat(answer.contentType()).as("Content-Type of %s", answer).startsWith("application/json");
        Map<String, Object> document = Expect.json(answer);
        assertThat(document.get("resource")).as("resource").isEqualTo(AUDIENCE);
        assertThat(document.get("authorization_servers")).as("authorization_servers").isEqualTo(List.of(scene.issuer.issuer()));
        assertThat(document.get("scopes_supported")).as("scopes_supported").isInstanceOf(List.class);
        assertThat((List<Object>) document.get("scopes_supported")).as("scopes_supported")
                .containsExactlyInAnyOrderElementsOf(ALL_SCOPES);
        assertThat(document.get("bearer_methods_supported")).as("bearer_methods_supported").isEqualTo(List.of("header"));
    }

    private DynamicTest granted(String what, Supplier<String> token) {
        return test("GET /api/reports with " + what + ": 200",
                () -> Expect.granted(scene.http().send("GET", "/api/reports", token.get()), Map.of("sub", "user-1")));
    }

    private DynamicTest refused(Route route, String what, Supplier<String> token) {
        return test(route + " with " + what + ": 401 invalid_token", () -> {
            String value = token.get();
            Expect.invalidToken(send(route, value), value);
        });
    }

    private DynamicTest denied(Route route, String what, Supplier<String> token) {
        return test(route + " with " + what + ": 403 insufficient_scope, scope=\"" + route.scope() + "\"",
                () -> Expect.insufficientScope(send(route, token.get()), route.scope()));
    }

    private TokenBuilder rightToken(Route route) {
        return token(scene.es384, route.kind(), ORGANIZATION).scopes(route.scope());
    }

    private Answer send(Route route, String token) {
        return scene.http().send(route.method(), route.path(), token);
    }

    static TokenBuilder token(LogtoTokenMinter minter, Kind kind, String organization) {
        switch (kind) {
            case ORGANIZATION:
                return minter.organizationToken(organization);
            case ORGANIZATION_API:
                return minter.organizationApiToken(AUDIENCE, organization);
            default:
                return minter.globalToken(AUDIENCE);
        }
    }

    private static String bodyShape(Kind kind) {
        return kind == Kind.GLOBAL_API ? "{\"sub\": …}" : "{\"organizationId\": …, \"sub\": …}";
    }

    static Map<String, Object> body(Kind kind, String subject) {
        return kind == Kind.GLOBAL_API ? Map.of("sub", subject) : Map.of("organizationId", ORGANIZATION, "sub", subject);
    }
}
