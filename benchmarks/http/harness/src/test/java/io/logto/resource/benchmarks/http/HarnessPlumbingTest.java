package io.logto.resource.benchmarks.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.logto.resource.core.AuthenticationResult;
import io.logto.resource.core.Decision;
import io.logto.resource.core.LogtoConfig;
import io.logto.resource.core.LogtoResourceServer;
import io.logto.resource.core.Requirement;
import io.logto.resource.test.LogtoTestIssuer;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The harness's plumbing without wrk or any server under test: the local issuer, the pool and probe files, the
 * probes' expected statuses (checked against this SDK's own decisions) and the wrk script's contract.
 */
class HarnessPlumbingTest {

    private static LogtoTestIssuer issuer;
    private static LogtoResourceServer sdk;

    @TempDir
    Path dir;

    @BeforeAll
    static void startIssuer() {
        issuer = LogtoTestIssuer.start();
        sdk = LogtoResourceServer.create(LogtoConfig.custom().issuer(issuer.issuer())
                .audience(BenchIssuer.AUDIENCE).build());
    }

    @AfterAll
    static void stopIssuer() {
        sdk.close();
        issuer.close();
    }

    @Test
    void issuerServesDiscoveryAndJwksOnLoopback() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> discovery = client.send(HttpRequest.newBuilder(
                URI.create(issuer.issuer() + "/.well-known/openid-configuration")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> jwks = client.send(HttpRequest.newBuilder(URI.create(issuer.jwksUri())).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(issuer.issuer()).startsWith("http://127.0.0.1:");
        assertThat(discovery.statusCode()).isEqualTo(200);
        assertThat(discovery.body()).contains(issuer.jwksUri());
        assertThat(jwks.statusCode()).isEqualTo(200);
        assertThat(jwks.body()).contains("\"P-384\"");
    }

    @Test
    void poolsHoldOneGoodTokenPerLineAndUniqueTokensAreDistinct() throws Exception {
        TokenPools pools = TokenPools.write(issuer, BenchIssuer.AUDIENCE, dir, 4, 25, 5);

        List<String> repeated = Files.readAllLines(pools.repeated(), StandardCharsets.US_ASCII);
        List<String> unique = Files.readAllLines(pools.unique(), StandardCharsets.US_ASCII);
        assertThat(repeated).hasSize(4);
        assertThat(unique).hasSize(25);
        List<String> warmup = Files.readAllLines(pools.warmup(), StandardCharsets.US_ASCII);
        assertThat(new HashSet<>(unique)).hasSize(25);
        assertThat(warmup).hasSize(5).doesNotContainAnyElementsOf(unique);
        for (String token : unique) {
            assertThat(token).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
            assertThat(statusFromSdk(Probe.REPORTS, token)).as("pool token accepted with read:report").isEqualTo(200);
        }
        assertThat(statusFromSdk(Probe.REPORTS, repeated.get(0))).isEqualTo(200);
    }

    @Test
    void probeFileRoundTripsAndEveryExpectedStatusIsWhatThisSdkAnswers() throws Exception {
        TokenPools pools = TokenPools.write(issuer, BenchIssuer.AUDIENCE, dir, 1, 1, 1);

        List<Probe> probes = TokenPools.readProbes(pools.probes());

        assertThat(probes).extracting(Probe::name).contains("good", "no-header", "no-exp", "typ-jwt",
                "org-api-token", "unknown-key");
        for (Probe probe : probes) {
            assertThat(statusFromSdk(probe.path(), probe.token())).as(probe.name())
                    .isEqualTo(probe.expectedStatus());
        }
    }

    @Test
    void verdictsTellMissingChecksFromOtherRefusals() {
        Probe noExp = new Probe("no-exp", "no exp claim", Probe.REPORTS, 401, "t");

        assertThat(noExp.verdict(401)).isEqualTo("ok");
        assertThat(noExp.verdict(200)).isEqualTo("NOT CHECKED (200)");
        assertThat(noExp.verdict(403)).isEqualTo("refused (403)");
        assertThat(noExp.verdict(500)).isEqualTo("ERROR (500)");
    }

    @Test
    void wrkScriptTakesTheArgumentsTheHarnessPassesAndPrintsTheBenchLine() throws Exception {
        String lua;
        try (InputStream in = HttpBench.class.getResourceAsStream("bench.lua")) {
            lua = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        assertThat(lua).contains("function init(args)", "function request()", "function done(", "\"BENCH {",
                "shape == \"public\"", "X-Padding", "io.lines(args[3])", "args[4]");
    }

    @Test
    void benchLineParsesIntoRequestsLatencyAndErrors() {
        WrkResult result = WrkResult.parse("Running 2s test\nBENCH {\"requests\":5000,\"duration_us\":2000000,"
                + "\"p50_us\":1500,\"p99_us\":9000,\"connect\":0,\"read\":1,\"write\":0,\"status\":3,\"timeout\":2,"
                + "\"wraps\":0}\n");

        assertThat(result.requests()).isEqualTo(5000);
        assertThat(result.requestsPerSecond()).isEqualTo(2500.0);
        assertThat(result.p50Micros()).isEqualTo(1500);
        assertThat(result.p99Micros()).isEqualTo(9000);
        assertThat(result.errors()).isEqualTo(6);
        assertThatThrownBy(() -> WrkResult.parse("no summary")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void reportComputesRatiosToPeerAndFloorAndTargetVerdicts() {
        List<Measurement> rows = List.of(
                row("sample", "public", 10_000), row("sample", "public-padded", 8_000), row("sample", "repeated", 7_600),
                row("sample", "unique", 3_000), row("peer", "public", 10_000), row("peer", "public-padded", 8_000),
                row("peer", "repeated", 2_000), row("peer", "unique", 500));
        Probe good = new Probe("good", "valid token", Probe.REPORTS, 200, "t");

        String report = Report.render("# r", rows, Map.of("x sample", Map.of("good", 200)), List.of(good));

        assertThat(report).contains("| x | sample | unique | 1 | 3000 |", "| 6.00x | 0.30x |  |",
                "| x | sample | public-padded | 1 | 8000 |", "| 1.00x | 0.80x |  |", "| 3.80x | 0.76x | 0.95x |",
                "| x | missed (0.76) | met (0.95) | met (6.00) | met | n/a |");
        assertThat(report).doesNotContain("## Rounds");
    }

    @Test
    void roundsAreComparedRoundByRoundAndTheMedianRatioDecidesTheTarget() {
        // round 2's floor drops with the machine's load: its repeated ÷ public is high, round 1's low
        List<Measurement> rows = List.of(
                row("sample", "public", 1, 10_000), row("sample", "public-padded", 1, 9_000),
                row("sample", "repeated", 1, 7_000),
                row("sample", "public", 2, 8_000), row("sample", "public-padded", 2, 8_000),
                row("sample", "repeated", 2, 7_600),
                row("sample", "public", 3, 10_000), row("sample", "public-padded", 3, 9_500),
                row("sample", "repeated", 3, 9_000),
                row("sample", "unique", 1, 3_000), row("peer", "unique", 1, 500),
                // listed out of order: rounds are paired by their number (6000/10000 and 7000/14000)
                row("memoized", "public", 2, 14_000), row("memoized", "repeated", 1, 6_000),
                row("memoized", "public", 1, 10_000), row("memoized", "repeated", 2, 7_000));

        String report = Report.render("# r", rows, Map.of(), List.of());

        // medians: public 10000, padded 9000, repeated 7600; per-round ratios 0.70, 0.95, 0.90 -> 0.90, not 7600/10000
        assertThat(report).contains("| x | sample | public | 3 | 10000 |", "| x | sample | repeated | 3 | 7600 |",
                "| 0.90x (0.70-0.95) | 0.95x (0.78-0.95) |",
                "| x | met (0.90; rounds 0.70-0.95) | met (0.95; rounds 0.78-0.95) | met (6.00) | met | 0.55 (rounds 0.50-0.60) |",
                "| x | sample | 2 | 8000 | 8000 | 7600 | 0.95 | 0.95 |", "| x | memoized | 2 | 14000 |  | 7000 | 0.50 |  |");
        assertThat(Report.chart(rows).lines()).hasSize(7);
    }

    @Test
    void svgChartHasOneBarPerRowScaledToTheFastest() {
        List<Measurement> rows = List.of(row("sample", "public", 10_000), row("peer", "unique", 500));

        String svg = Report.svg(rows);

        assertThat(svg).startsWith("<svg").endsWith("</svg>\n").contains("width=\"500\"", "width=\"25\"",
                "x sample public", "x peer unique");
    }

    private static Measurement row(String app, String shape, long requestsPerSecond) {
        return row(app, shape, 1, requestsPerSecond);
    }

    private static Measurement row(String app, String shape, int round, long requestsPerSecond) {
        return new Measurement("x", app, shape, round, new WrkResult(requestsPerSecond, 1_000_000, 1000, 2000, 0, 0),
                100);
    }

    /** What the sample contract answers for GET /api/reports, computed by this SDK's core. */
    private static int statusFromSdk(String path, String token) {
        assertThat(path).isEqualTo(Probe.REPORTS);
        AuthenticationResult auth = sdk.authenticate(token == null ? null : "Bearer " + token);
        if (!auth.isAuthenticated()) {
            return auth.challenge().orElseThrow().status();
        }
        Decision decision = sdk.authorize(auth.token().orElseThrow(), Requirement.global("read:report"));
        return decision.isGranted() ? 200 : 403;
    }
}
