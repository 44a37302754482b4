package io.logto.resource.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The example of validator-core/README.md, compiled and run against a local JWKS. */
class ReadmeExampleTest {

    private static final JwksServer server = new JwksServer().serving(TestKeys.ES384);

    @AfterAll
    static void stop() {
        server.close();
    }

    static int handle(String issuer, String authorizationHeader, String orgId) {
        // tag::readme[]
        LogtoConfig config = LogtoConfig.custom()
                .issuer(issuer)                          // e.g. https://my-tenant.logto.app/oidc
                .audience("https://api.example.com")     // the API identifier in Logto Console
                .build();
        try (LogtoResourceServer logto = LogtoResourceServer.create(config)) {
            AuthenticationResult auth = logto.authenticate(authorizationHeader); // "Bearer eyJ..."
            if (!auth.isAuthenticated()) {
                return auth.challenge().orElseThrow().status();              // 401 or 400, per RFC 6750
            }
            VerifiedToken token = auth.token().orElseThrow();
            Requirement needed = switch (token.kind()) {
                // global API resource: e.g. GET /api/reports needs read:report
                case GLOBAL_API -> Requirement.global("read:report");
                // organization token: e.g. GET /api/organizations/{orgId}/members needs read:member
                case ORGANIZATION -> Requirement.organization(orgId, "read:member");
                // organization-level API resource: GET /api/organizations/{orgId}/projects
                case ORGANIZATION_API -> Requirement.organizationApi(orgId, "read:project");
            };
            Decision decision = logto.authorize(token, needed);
            if (!decision.isGranted()) {
                Challenge challenge = logto.challenges().insufficientScope(decision);
                return challenge.status();                                   // 403 insufficient_scope
            }
            return 200;
        }
        // end::readme[]
    }

    @Test
    void theReadmeExampleAnswersEachScenario() {
        String issuer = server.issuer();
        assertThat(handle(issuer, null, "org_42")).isEqualTo(401);
        assertThat(handle(issuer, "Bearer " + TestKeys.sign(TestKeys.ES384, server.claims().build()), "org_42")).isEqualTo(200);
        assertThat(handle(issuer, "Bearer " + TestKeys.sign(TestKeys.ES384, server.claims().claim("scope", "x").build()), "org_42"))
                .isEqualTo(403);
        assertThat(handle(issuer, "Bearer " + TestKeys.sign(TestKeys.ES384, server.claims().audience("urn:logto:organization:org_42")
                .claim("scope", "read:member").build()), "org_42")).isEqualTo(200);
        assertThat(handle(issuer, "Bearer " + TestKeys.sign(TestKeys.ES384, server.claims().audience("urn:logto:organization:org_7")
                .claim("scope", "read:member").build()), "org_42")).isEqualTo(403);
        assertThat(handle(issuer, "Bearer " + TestKeys.sign(TestKeys.ES384, server.claims().claim("organization_id", "org_42")
                .claim("scope", "read:project").build()), "org_42")).isEqualTo(200);
    }
}
