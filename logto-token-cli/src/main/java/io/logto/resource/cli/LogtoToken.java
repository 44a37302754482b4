package io.logto.resource.cli;

import io.logto.resource.core.LogtoConfig;
import io.logto.resource.core.LogtoTokenVerifier;
import io.logto.resource.core.Rejection;
import io.logto.resource.core.TokenExplanation;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code logto-token} command: {@code explain} decodes a token without trusting it, fetches the
 * issuer's JWKS and runs the SDK's checks one by one, printing each with PASS or FAIL and the expected
 * versus found value. It never prints the signature. Exit status: 0 accepted, 1 refused, 2 usage error.
 *
 * <pre>
 * java -jar logto-token.jar explain --issuer https://my-tenant.logto.app/oidc \
 *     --audience https://api.example.com eyJhbGciOi...
 * </pre>
 */
public final class LogtoToken {

    static final int ACCEPTED = 0;
    static final int REFUSED = 1;
    static final int USAGE = 2;

    private static final String USAGE_TEXT = String.join("\n",
            "Usage: logto-token explain --issuer <url> | --endpoint <url>  --audience <resource> [options] <token | ->",
            "",
            "Explains, check by check, whether a Logto access token would be accepted. '-' reads the token from",
            "standard input (keeps it out of the shell history). Options are the SDK's settings, for example:",
            "  --jwks-uri <url>   --clock-skew 60s   --accept-organization-tokens false",
            "  --require-access-token-type false   --additional-issuers <url,...>   --allow-insecure-http true",
            "Exit status: 0 accepted, 1 refused, 2 usage error.");

    private LogtoToken() {
    }

    /**
     * Runs the command and exits with its status.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        System.exit(run(args, System.in, System.out, System.err));
    }

    static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        if (args.length == 0 || !args[0].equals("explain")) {
            err.println(USAGE_TEXT);
            return USAGE;
        }
        Map<String, String> settings = new LinkedHashMap<>();
        String token = null;
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (arg.startsWith("--")) {
                if (i + 1 >= args.length) {
                    err.println("missing value for " + arg + "\n\n" + USAGE_TEXT);
                    return USAGE;
                }
                settings.put(arg, args[++i]);
            } else if (token == null) {
                token = arg;
            } else {
                err.println("only one token, please\n\n" + USAGE_TEXT);
                return USAGE;
            }
        }
        if (token == null) {
            err.println("no token given\n\n" + USAGE_TEXT);
            return USAGE;
        }
        LogtoConfig config;
        try {
            if (token.equals("-")) {
                token = readToken(in);
            }
            for (String option : settings.keySet()) {
                if (!LogtoConfig.PROPERTY_NAMES.contains(option.substring(2))) {
                    throw new IllegalArgumentException("unknown option " + option + "; options: " + LogtoConfig.PROPERTY_NAMES);
                }
            }
            config = LogtoConfig.fromProperties("--", settings::get);
        } catch (IllegalArgumentException | IOException e) {
            err.println(e.getMessage() + "\n\n" + USAGE_TEXT);
            return USAGE;
        }
        try (LogtoTokenVerifier verifier = LogtoTokenVerifier.create(config)) {
            return print(token.strip(), config, verifier.explain(token.strip()), out);
        }
    }

    private static int print(String token, LogtoConfig config, TokenExplanation explanation, PrintStream out) {
        out.println("Issuer:   " + String.join(", ", config.issuers()));
        out.println("Audience: " + String.join(", ", config.audiences()));
        String[] parts = token.split("\\.", -1);
        if (parts.length >= 2) {
            out.println("Header (untrusted):  " + decode(parts[0]));
            out.println("Payload (untrusted): " + decode(parts[1]));
        }
        out.println();
        int width = explanation.checks().stream().mapToInt(c -> c.name().length()).max().orElse(8);
        for (TokenExplanation.Check check : explanation.checks()) {
            out.printf("%s  %-" + width + "s  expected %s%n%s  %-" + width + "s  found    %s%n",
                    check.passed() ? "PASS" : "FAIL", check.name(), check.expected(), "    ", "", check.found());
        }
        out.println();
        if (explanation.result().isVerified()) {
            out.println("Result: ACCEPTED (" + explanation.result().token().orElseThrow().kind() + ")");
            return ACCEPTED;
        }
        Rejection rejection = explanation.result().rejection().orElseThrow();
        out.println("Result: REFUSED, " + rejection.reason().code() + ": " + rejection.message());
        return REFUSED;
    }

    private static String decode(String part) {
        try {
            return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "(not base64url)";
        }
    }

    private static String readToken(InputStream in) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
        String line = reader.readLine();
        if (line == null || line.isBlank()) {
            throw new IOException("no token on standard input");
        }
        return line.startsWith("Bearer ") ? line.substring(7) : line;
    }
}
