package io.logto.resource.core;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Tokens issued by a real Logto OSS server (../shared/testdata/logto-oss, beside the project root; never
 * copied into the repository): each file's JWKS is served from WireMock, the verifier is configured with the
 * file's issuer and audience (organization tokens accepted) and a clock at the token's {@code iat} + 60 s,
 * and every token must come out as its {@code expect} says, through {@code verify} and {@code verifyAsync}.
 */
class LogtoOssTokenTest {

    private static final WireMockServer jwks = new WireMockServer(
            WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));

    static {
        jwks.start();
    }

    @AfterAll
    static void stopServer() {
        jwks.stop();
    }

    /** The logto-oss directory; fails when it is missing, so these tokens can never be silently skipped. */
    static Path directory() {
        String configured = System.getProperty("logto.oss.tokens.dir");
        if (configured != null && Files.isDirectory(Path.of(configured))) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolveSibling("shared").resolve("testdata").resolve("logto-oss");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("Logto OSS tokens not found: expected ../shared/testdata/logto-oss beside "
                + "the project root, or -Dlogto.oss.tokens.dir");
    }

    @TestFactory
    Stream<DynamicTest> es384TokensComeOutAsExpected() throws Exception {
        return tokensOf("es384.json");
    }

    @TestFactory
    Stream<DynamicTest> rs256TokensComeOutAsExpected() throws Exception {
        return tokensOf("rs256.json");
    }

    @SuppressWarnings("unchecked")
    private Stream<DynamicTest> tokensOf(String file) throws IOException, ParseException {
        Map<String, Object> root = JSONObjectUtils.parse(Files.readString(directory().resolve(file),
                StandardCharsets.UTF_8), -1);
        String path = "/" + file.replace(".json", "") + "/jwks";
        jwks.stubFor(get(urlEqualTo(path)).willReturn(JwksServer.json(
                JSONObjectUtils.toJSONString((Map<String, Object>) root.get("jwks")))));
        List<Map<String, Object>> tokens = (List<Map<String, Object>>) root.get("tokens");
        assertThat(tokens).as(file + " tokens").hasSizeGreaterThan(10);
        return tokens.stream().map(token -> DynamicTest.dynamicTest(file + " " + token.get("name"),
                () -> check(root, "http://127.0.0.1:" + jwks.port() + path, token)));
    }

    /** Issue 14 item 1 on real tokens: only a global API token's scopes are plain framework roles. */
    private static void assertRolePolicy(VerifiedToken verified) {
        Set<String> roles = verified.roles();
        String organization = verified.organizationId().orElse(null);
        switch (verified.kind()) {
            case GLOBAL_API:
                assertThat(roles).isEqualTo(verified.scopes());
                break;
            case ORGANIZATION:
                assertThat(roles).hasSameSizeAs(verified.scopes()).doesNotContainAnyElementsOf(verified.scopes())
                        .allSatisfy(role -> assertThat(role).startsWith(TokenRoles.organization(organization, "")));
                verified.scopes().forEach(scope -> assertThat(roles).contains(TokenRoles.organization(organization, scope)));
                break;
            default:
                assertThat(roles).hasSameSizeAs(verified.scopes()).doesNotContainAnyElementsOf(verified.scopes())
                        .allSatisfy(role -> assertThat(role).startsWith(TokenRoles.organizationApi(organization, "")));
                verified.scopes().forEach(scope -> assertThat(roles).contains(TokenRoles.organizationApi(organization, scope)));
                break;
        }
    }

    @SuppressWarnings("unchecked")
    private static void check(Map<String, Object> root, String jwksUri, Map<String, Object> token) {
        Map<String, Object> claims = (Map<String, Object>) token.get("claims");
        Map<String, Object> expect = (Map<String, Object>) token.get("expect");
        long iat = ((Number) claims.get("iat")).longValue();
        LogtoConfig config = LogtoConfig.custom().issuer((String) root.get("issuer"))
                .audience((String) root.get("audience")).acceptOrganizationTokens(true)
                .jwksUri(jwksUri).discovery(false)
                .clock(Clock.fixed(Instant.ofEpochSecond(iat + 60), ZoneOffset.UTC)).build();
        String compact = (String) token.get("token");
        try (LogtoTokenVerifier verifier = LogtoTokenVerifier.create(config)) {
            VerificationResult result = verifier.verify(compact);
            VerificationResult async = verifier.verifyAsync(compact).toCompletableFuture().join();
            for (VerificationResult r : List.of(result, async)) {
                assertThat(r.isVerified()).as("verified, rejection " + r.rejection()).isEqualTo(expect.get("verified"));
                if (r.isVerified()) {
                    VerifiedToken verified = r.token().orElseThrow();
                    assertThat(verified.kind()).hasToString((String) expect.get("kind"));
                    assertThat(verified.scopes()).isEqualTo(Set.copyOf((List<String>) expect.get("scopes")));
                    assertThat(verified.organizationId().orElse(null)).isEqualTo(expect.get("organizationId"));
                    assertThat(verified.subject()).isEqualTo(claims.get("sub"));
                    assertThat(verified.keyId()).isEqualTo(((Map<String, Object>) token.get("header")).get("kid"));
                    assertRolePolicy(verified);
                } else if (expect.containsKey("reason")) {
                    assertThat(r.rejection().orElseThrow().reason()).hasToString((String) expect.get("reason"));
                }
            }
        }
    }
}
