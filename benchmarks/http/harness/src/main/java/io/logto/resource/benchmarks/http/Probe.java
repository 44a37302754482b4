package io.logto.resource.benchmarks.http;

import io.logto.resource.test.LogtoTestIssuer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One request sent to every server before it is loaded: a token (or none) on a route, and the status the sample
 * contract (DESIGN.md) expects. A peer that answers 200 where a refusal is expected does not do that check.
 *
 * @param name short identifier, used in file names and tables
 * @param check what the probe checks, in words
 * @param path the route
 * @param expectedStatus the status the sample contract expects
 * @param token the bearer token, or {@code null} for no {@code Authorization} header
 */
public record Probe(String name, String check, String path, int expectedStatus, String token) {

    /** The protected route every shape loads. */
    public static final String REPORTS = "/api/reports";
    /** The open route: the framework's floor. */
    public static final String PUBLIC = "/api/public";

    /**
     * The probe set: one good token and the bad ones, all from {@code issuer}.
     *
     * @param issuer the running local issuer
     * @param audience the API resource indicator the servers are configured with
     * @return the probes, the good one first
     */
    public static List<Probe> all(LogtoTestIssuer issuer, String audience) {
        return List.of(
                new Probe("good", "valid token with read:report", REPORTS, 200,
                        issuer.globalToken(audience).scopes("read:report").sign()),
                new Probe("no-header", "no Authorization header", REPORTS, 401, null),
                new Probe("garbage", "not a JWT", REPORTS, 401, "not-a-jwt"),
                new Probe("expired", "exp in the past", REPORTS, 401,
                        issuer.globalToken(audience).scopes("read:report").expired().sign()),
                new Probe("no-exp", "no exp claim", REPORTS, 401,
                        issuer.globalToken(audience).scopes("read:report").withoutClaim("exp").sign()),
                new Probe("future-iat", "iat an hour in the future", REPORTS, 401,
                        issuer.globalToken(audience).scopes("read:report")
                                .issuedAt(Instant.now().plus(Duration.ofHours(1))).sign()),
                new Probe("typ-jwt", "typ JWT instead of at+jwt", REPORTS, 401,
                        issuer.globalToken(audience).scopes("read:report").type("JWT").sign()),
                new Probe("no-typ", "no typ header", REPORTS, 401,
                        issuer.globalToken(audience).scopes("read:report").type(null).sign()),
                new Probe("wrong-audience", "another API's audience", REPORTS, 401,
                        issuer.globalToken("https://other.example.com").scopes("read:report").sign()),
                new Probe("wrong-issuer", "another issuer", REPORTS, 401,
                        issuer.globalToken(audience).scopes("read:report").issuer("https://evil.example.com/oidc")
                                .sign()),
                new Probe("unknown-key", "signed by a key not in the JWKS", REPORTS, 401,
                        issuer.globalToken(audience).scopes("read:report").signedWithUnknownKey().sign()),
                new Probe("no-scope", "valid token without read:report", REPORTS, 403,
                        issuer.globalToken(audience).scopes("write:report").sign()),
                new Probe("org-api-token", "organization-level API token (organization_id) on a global route",
                        REPORTS, 403,
                        issuer.organizationApiToken(audience, "org-1").scopes("read:report").sign()),
                new Probe("org-token", "organization token on a global route", REPORTS, 403,
                        issuer.organizationToken("org-1").scopes("read:report").sign()));
    }

    /**
     * How a server's answer compares with the contract.
     *
     * @param status the status the server answered
     * @return {@code ok}, {@code refused (status)} for another refusal status, or {@code NOT CHECKED (status)}
     *         when a refusal was expected and the server answered 2xx
     */
    public String verdict(int status) {
        if (status == expectedStatus) {
            return "ok";
        }
        if (expectedStatus >= 400 && status >= 200 && status < 300) {
            return "NOT CHECKED (" + status + ")";
        }
        if (status >= 500 || status < 0) {
            return "ERROR (" + status + ")";
        }
        return "refused (" + status + ")";
    }
}
