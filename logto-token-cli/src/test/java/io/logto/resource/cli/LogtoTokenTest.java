package io.logto.resource.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.logto.resource.test.LogtoTestIssuer;
import io.logto.resource.test.LogtoTestIssuerExtension;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LogtoTestIssuerExtension.class)
class LogtoTokenTest {

    private static final String AUDIENCE = "https://api.example.com";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int explain(LogtoTestIssuer logto, String token, String... extra) {
        String[] base = {"explain", "--issuer", logto.issuer(), "--audience", AUDIENCE};
        String[] args = new String[base.length + extra.length + 1];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        args[args.length - 1] = token;
        return LogtoToken.run(args, new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void acceptsAValidTokenAndExitsZero(LogtoTestIssuer logto) {
        assertThat(explain(logto, logto.globalToken(AUDIENCE).scopes("read:report").sign())).isEqualTo(0);
        assertThat(output()).contains("Result: ACCEPTED (GLOBAL_API)").contains("PASS  signature").doesNotContain("FAIL");
    }

    @Test
    void showsTheFailingExpiryCheckForAnExpiredToken(LogtoTestIssuer logto) {
        String token = logto.globalToken(AUDIENCE).expired().sign();

        assertThat(explain(logto, token)).isEqualTo(1);
        assertThat(output()).contains("FAIL  expiry").contains("Result: REFUSED, expired");
        assertThat(output()).doesNotContain(token.substring(token.lastIndexOf('.') + 1));
    }

    @Test
    void showsTheExpectedAndFoundAudience(LogtoTestIssuer logto) {
        assertThat(explain(logto, logto.globalToken("https://other.example.com").sign())).isEqualTo(1);
        assertThat(output()).contains("FAIL  audience").contains("expected https://api.example.com")
                .contains("found    [https://other.example.com]").contains("Result: REFUSED, wrong_audience");
    }

    @Test
    void showsAnUnknownKeyAgainstTheKeysOfTheJwks(LogtoTestIssuer logto) {
        assertThat(explain(logto, logto.globalToken(AUDIENCE).signedWithUnknownKey().sign())).isEqualTo(1);
        assertThat(output()).contains("FAIL  kid").contains(logto.minter().keyId()).contains("Result: REFUSED, unknown_key");
    }

    @Test
    void readsTheTokenFromStandardInput(LogtoTestIssuer logto) {
        String token = logto.organizationToken("org_42").sign();
        int status = LogtoToken.run(new String[] {"explain", "--issuer", logto.issuer(), "--audience", AUDIENCE, "-"},
                new ByteArrayInputStream(("Bearer " + token + "\n").getBytes(StandardCharsets.US_ASCII)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).isEqualTo(0);
        assertThat(output()).contains("ACCEPTED (ORGANIZATION)");
    }

    @Test
    void explainsUsageErrorsWithExitStatusTwo(LogtoTestIssuer logto) {
        assertThat(LogtoToken.run(new String[0], System.in, new PrintStream(out), new PrintStream(err))).isEqualTo(2);
        assertThat(explain(logto, "x", "--bogus", "1")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown option --bogus");
    }
}
