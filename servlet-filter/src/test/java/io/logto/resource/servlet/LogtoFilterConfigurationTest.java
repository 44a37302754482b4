package io.logto.resource.servlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.logto.resource.core.LogtoConfig;
import io.logto.resource.core.LogtoOption;
import io.logto.resource.core.LogtoResourceServer;
import io.logto.resource.test.LogtoTestIssuer;
import io.logto.resource.test.LogtoTestIssuerExtension;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Starting the filter: what init parameters it reads, and how invalid configuration stops the application. */
@ExtendWith(LogtoTestIssuerExtension.class)
class LogtoFilterConfigurationTest {

    private static final String AUDIENCE = JettyApp.AUDIENCE;

    private final LogtoTestIssuer issuer;

    LogtoFilterConfigurationTest(LogtoTestIssuer issuer) {
        this.issuer = issuer;
    }

    @Test
    void anInvalidCoreSettingFailsStartupWithTheCoreMessage() {
        Map<String, String> parameters = parameters("clock-skew", "ten minutes");
        String coreMessage = messageOf(() -> LogtoConfig.fromProperties("", parameters::get));

        assertThatThrownBy(() -> JettyApp.startWithInitParameters(parameters))
                .hasMessageContaining("Invalid Logto filter configuration: " + coreMessage);
    }

    @Test
    void aMissingAudienceFailsStartup() {
        Map<String, String> parameters = parameters();
        parameters.remove("audience");
        String coreMessage = messageOf(() -> LogtoConfig.fromProperties("", parameters::get));

        assertThatThrownBy(() -> JettyApp.startWithInitParameters(parameters)).hasMessageContaining(coreMessage);
    }

    @Test
    void everyCoreOptionIsAnInitParameterUnderItsOwnName() throws Exception {
        Map<String, String> parameters = parameters();
        for (LogtoOption option : LogtoConfig.OPTIONS) {
            option.defaultValue().ifPresent(value -> parameters.putIfAbsent(option.name(), value));
        }
        parameters.put("allow-insecure-http", "true"); // the test issuer is plain HTTP on loopback
        String token = issuer.globalToken(AUDIENCE).scopes("read:report").sign();

        try (JettyApp app = JettyApp.startWithInitParameters(parameters)) {
            assertThat(app.send("GET", "/api/reports", token).statusCode()).isEqualTo(200);
        }
        assertThat(parameters.keySet()).as("every option with a default was passed").containsAll(LogtoConfig.OPTIONS.stream()
                .filter(option -> option.defaultValue().isPresent()).map(LogtoOption::name).toList());
    }

    @Test
    void anUnknownInitParameterFailsStartup() {
        assertThatThrownBy(() -> JettyApp.startWithInitParameters(parameters("isuer", "https://x.logto.app/oidc")))
                .hasMessageContaining("unknown init parameter 'isuer'");
    }

    @Test
    void anUnreadableRuleFailsStartupNamingIt() {
        Map<String, String> parameters = parameters(LogtoFilter.ROUTES_PARAMETER, "GET /api/reports = globl read:report");

        assertThatThrownBy(() -> JettyApp.startWithInitParameters(parameters))
                .hasMessageContaining("route rule 'GET /api/reports = globl read:report': unknown requirement 'globl'");
    }

    @Test
    void missingRulesFailStartupWhileUnmatchedRoutesAreDenied() {
        Map<String, String> parameters = parameters();
        parameters.remove(LogtoFilter.ROUTES_PARAMETER);

        assertThatThrownBy(() -> JettyApp.startWithInitParameters(parameters)).hasMessageContaining("no route rules");
    }

    @Test
    void anUnknownUnmatchedPolicyFailsStartup() {
        assertThatThrownBy(() -> JettyApp.startWithInitParameters(parameters(LogtoFilter.UNMATCHED_ROUTES_PARAMETER, "maybe")))
                .hasMessageContaining("unmatched-routes must be deny or allow, got 'maybe'");
    }

    @Test
    void allowedUnmatchedRoutesPassWithoutATokenWhileRulesStillHold() throws Exception {
        try (JettyApp app = JettyApp.startWithInitParameters(parameters(LogtoFilter.UNMATCHED_ROUTES_PARAMETER, "allow"))) {
            assertThat(app.send("GET", "/api/unknown").body()).isEqualTo("{\"token\":false}");
            assertThat(app.send("GET", "/api/reports").statusCode()).isEqualTo(401);
            assertThat(app.send("GET", "/api/unknown%20path").statusCode()).isEqualTo(401);
        }
    }

    @Test
    void aFilterCanShareAnExistingResourceServer() throws Exception {
        LogtoConfig config = LogtoConfig.custom().issuer(issuer.issuer()).audience(AUDIENCE).build();
        String token = issuer.globalToken(AUDIENCE).scopes("read:report").sign();
        try (LogtoResourceServer logto = LogtoResourceServer.create(config);
             JettyApp app = JettyApp.start(new LogtoFilter(logto, LogtoRoutes.parse(JettyApp.RULE_LINES)))) {
            assertThat(app.send("GET", "/api/reports", token).statusCode()).isEqualTo(200);
        }
    }

    private Map<String, String> parameters(String... extra) {
        Map<String, String> parameters = new HashMap<>(JettyApp.initParameters(issuer.issuer()));
        for (int i = 0; i < extra.length; i += 2) {
            parameters.put(extra[i], extra[i + 1]);
        }
        return parameters;
    }

    private static String messageOf(Runnable configuration) {
        try {
            configuration.run();
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        throw new AssertionError("the configuration was expected to be invalid");
    }
}
