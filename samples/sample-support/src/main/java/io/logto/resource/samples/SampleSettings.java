package io.logto.resource.samples;

import io.logto.resource.test.LogtoTestIssuer;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The settings every sample reads from its environment, as the sample contract defines them:
 * {@code LOGTO_ISSUER} (the full issuer URL), {@code LOGTO_AUDIENCE} (the API resource indicator) and
 * {@code PORT} (default 8080).
 *
 * <p>When {@code LOGTO_ISSUER} is not set, a {@link LogtoTestIssuer} is started in-process so the sample
 * runs without a Logto tenant; the log says so loudly and {@link #announce(String)} prints ready-to-paste
 * {@code curl} commands. With {@code LOGTO_ISSUER} set, the local issuer is never started.
 */
public final class SampleSettings {

    /** The audience used with the local issuer when {@code LOGTO_AUDIENCE} is not set. */
    public static final String DEFAULT_AUDIENCE = "https://api.example.com";
    /** The port used when {@code PORT} is not set. */
    public static final int DEFAULT_PORT = 8080;

    private static final Logger LOG = LoggerFactory.getLogger(SampleSettings.class);

    private final String issuer;
    private final String audience;
    private final int port;
    private final LogtoTestIssuer localIssuer;

    private SampleSettings(String issuer, String audience, int port, LogtoTestIssuer localIssuer) {
        this.issuer = issuer;
        this.audience = audience;
        this.port = port;
        this.localIssuer = localIssuer;
    }

    /**
     * Reads the process environment; starts the local issuer when {@code LOGTO_ISSUER} is not set.
     *
     * @return the settings
     * @throws IllegalArgumentException when {@code PORT} is not a port number, or {@code LOGTO_ISSUER} is
     *                                  set without {@code LOGTO_AUDIENCE}
     */
    public static SampleSettings fromEnvironment() {
        return from(System::getenv);
    }

    /**
     * Reads settings from any source of environment-style variables (tests pass a map's {@code get}).
     *
     * @param environment returns a variable's value, or null when unset
     * @return the settings
     * @throws IllegalArgumentException as {@link #fromEnvironment()}
     */
    public static SampleSettings from(Function<String, String> environment) {
        String issuer = blankToNull(environment.apply("LOGTO_ISSUER"));
        String audience = blankToNull(environment.apply("LOGTO_AUDIENCE"));
        int port = parsePort(blankToNull(environment.apply("PORT")));
        if (issuer != null) {
            if (audience == null) {
                throw new IllegalArgumentException("LOGTO_AUDIENCE is required with LOGTO_ISSUER: the API identifier "
                        + "(resource indicator) from Logto Console > API resources, e.g. https://api.example.com");
            }
            return new SampleSettings(issuer, audience, port, null);
        }
        LogtoTestIssuer local = LogtoTestIssuer.start();
        String localAudience = audience != null ? audience : DEFAULT_AUDIENCE;
        LOG.warn("\n"
                + "************************************************************************\n"
                + "*  LOGTO_ISSUER is not set: using a LOCAL TEST ISSUER at\n"
                + "*  " + local.issuer() + "\n"
                + "*  It signs any token it is asked for. For development only.\n"
                + "*  Set LOGTO_ISSUER and LOGTO_AUDIENCE to use your Logto tenant.\n"
                + "************************************************************************");
        return new SampleSettings(local.issuer(), localAudience, port, local);
    }

    /** The issuer URL to configure. */
    public String issuer() {
        return issuer;
    }

    /** The API resource indicator to configure. */
    public String audience() {
        return audience;
    }

    /** The HTTP port to listen on. */
    public int port() {
        return port;
    }

    /** Whether the in-process local issuer is used instead of a Logto tenant. */
    public boolean usesLocalIssuer() {
        return localIssuer != null;
    }

    /**
     * The in-process local issuer, for samples that print their own instructions (e.g. the MCP sample's).
     *
     * @return the local issuer, or empty with a real tenant
     */
    public java.util.Optional<LogtoTestIssuer> localIssuer() {
        return java.util.Optional.ofNullable(localIssuer);
    }

    /**
     * Announces the running sample: with the local issuer, prints curl commands (a granted request, a
     * 403 and a 401 for each of Logto's three scenarios) whose tokens stay valid for 24 hours; with a
     * real tenant, one line.
     *
     * @param baseUrl where the sample listens, e.g. {@code http://127.0.0.1:8080}
     */
    public void announce(String baseUrl) {
        Objects.requireNonNull(baseUrl, "baseUrl");
        if (localIssuer == null) {
            System.out.println("Sample API listening on " + baseUrl + " (issuer " + issuer + ", audience " + audience + ")");
            return;
        }
        System.out.println(tryItCommands(baseUrl));
    }

    /**
     * The curl commands {@link #announce(String)} prints with the local issuer.
     *
     * @param baseUrl where the sample listens
     * @return the text
     * @throws IllegalStateException when a real tenant is configured
     */
    public String tryItCommands(String baseUrl) {
        if (localIssuer == null) {
            throw new IllegalStateException("curl commands need the local issuer");
        }
        Duration day = Duration.ofHours(24);
        Map<String, String> tokens = Map.of(
                "reads", localIssuer.globalToken(audience).scopes("read:report").lifetime(day).sign(),
                "writes", localIssuer.globalToken(audience).scopes("write:report").lifetime(day).sign(),
                "expired", localIssuer.globalToken(audience).scopes("read:report").expired().sign(),
                "member42", localIssuer.organizationToken("org_42").scopes("read:member", "invite:member").lifetime(day).sign(),
                "member7", localIssuer.organizationToken("org_7").scopes("read:member").lifetime(day).sign(),
                "project42", localIssuer.organizationApiToken(audience, "org_42").scopes("read:project").lifetime(day).sign(),
                "globalProject", localIssuer.globalToken(audience).scopes("read:project").lifetime(day).sign());
        StringBuilder out = new StringBuilder();
        out.append("\nSample API listening on ").append(baseUrl).append(" with the LOCAL test issuer ")
                .append(localIssuer.issuer()).append(" (audience ").append(audience).append(").\n")
                .append("Try it (tokens valid for 24 hours, for this run only):\n\n");
        section(out, "Global API resource (scope read:report / write:report)");
        curl(out, "200", "GET", baseUrl + "/api/reports", tokens.get("reads"));
        curl(out, "200", "POST", baseUrl + "/api/reports", tokens.get("writes"));
        curl(out, "403 insufficient_scope (token lacks read:report)", "GET", baseUrl + "/api/reports", tokens.get("writes"));
        curl(out, "401 invalid_token (expired)", "GET", baseUrl + "/api/reports", tokens.get("expired"));
        curl(out, "401 (no token)", "GET", baseUrl + "/api/reports", null);
        section(out, "Organization permissions (organization token for org_42)");
        curl(out, "200", "GET", baseUrl + "/api/organizations/org_42/members", tokens.get("member42"));
        curl(out, "200", "POST", baseUrl + "/api/organizations/org_42/members", tokens.get("member42"));
        curl(out, "403 insufficient_scope (token for org_7)", "GET", baseUrl + "/api/organizations/org_42/members", tokens.get("member7"));
        curl(out, "401 (no token)", "GET", baseUrl + "/api/organizations/org_42/members", null);
        section(out, "Organization-level API resource (organization_id org_42, scope read:project)");
        curl(out, "200", "GET", baseUrl + "/api/organizations/org_42/projects", tokens.get("project42"));
        curl(out, "403 insufficient_scope (global token without organization)", "GET", baseUrl + "/api/organizations/org_42/projects", tokens.get("globalProject"));
        curl(out, "401 invalid_token (expired)", "GET", baseUrl + "/api/organizations/org_42/projects", tokens.get("expired"));
        section(out, "Metadata (RFC 9728)");
        curl(out, "200", "GET", baseUrl + "/.well-known/oauth-protected-resource", null);
        return out.toString();
    }

    private static void section(StringBuilder out, String title) {
        out.append("# ").append(title).append('\n');
    }

    private static void curl(StringBuilder out, String expect, String method, String url, String token) {
        out.append("# expect ").append(expect).append('\n').append("curl -i");
        if (!method.equals("GET")) {
            out.append(" -X ").append(method);
        }
        if (token != null) {
            out.append(" -H 'Authorization: Bearer ").append(token).append('\'');
        }
        out.append(' ').append(url).append("\n\n");
    }

    private static int parsePort(String value) {
        if (value == null) {
            return DEFAULT_PORT;
        }
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("PORT must be a port number (0-65535), got '" + value + "'");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
