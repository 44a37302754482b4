package io.logto.resource.samples.quarkus;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.logto.resource.quarkus.test.InjectLogtoTestIssuer;
import io.logto.resource.quarkus.test.LogtoTestResource;
import io.logto.resource.test.LogtoTestIssuer;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/**
 * The sample's operations endpoints, open without a token: {@code /q/health/ready} with the {@code logto} check
 * (503 DOWN until keys were loaded, then 200 UP) and {@code /q/metrics} with the Logto meters moving.
 */
@QuarkusTest
@TestProfile(OperationsEndpointsTest.FreshApplication.class)
@WithTestResource(value = LogtoTestResource.class,
        initArgs = @ResourceArg(name = LogtoTestResource.AUDIENCE_ARG, value = OperationsEndpointsTest.AUDIENCE))
class OperationsEndpointsTest {

    static final String AUDIENCE = "https://api.example.com";

    @InjectLogtoTestIssuer
    LogtoTestIssuer logto;

    private static String logtoStatus(Response health) {
        return JsonPath.from(health.asString()).getString("checks.find { it.name == 'logto' }.status");
    }

    /** Its own application instance, so no other test class has loaded keys or counted tokens in it before. */
    public static final class FreshApplication implements QuarkusTestProfile {
    }

    private static final String VERIFIED = "logto_token_verifications_total{kind=\"global_api\",outcome=\"verified\"}";

    /** The sum of every Prometheus sample whose line starts with {@code prefix} and contains {@code labels}. */
    private static double sum(String metrics, String prefix, String labels) {
        return metrics.lines().filter(line -> line.startsWith(prefix) && line.contains(labels))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    @Test
    void readinessIsDownBeforeTheFirstKeyLoadThenUpAndMetricsCountEveryOutcome() {
        Response before = given().get("/q/health/ready");
        assertThat(before.statusCode()).isEqualTo(503);
        assertThat(logtoStatus(before)).isEqualTo("DOWN");
        String metricsBefore = given().get("/q/metrics").then().statusCode(200).extract().asString();

        given().auth().oauth2(logto.globalToken(AUDIENCE).scopes("read:report").sign()).get("/api/reports")
                .then().statusCode(200);
        given().auth().oauth2(logto.globalToken(AUDIENCE).expired().sign()).get("/api/reports").then().statusCode(401);

        Response after = given().get("/q/health/ready");
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(logtoStatus(after)).isEqualTo("UP");
        assertThat(after.asString()).contains(logto.issuer(), "lastSuccessfulFetch");
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("logto_jwks_keys 1.0");
        assertThat(sum(metrics, VERIFIED, "")).as("one verified token").isEqualTo(sum(metricsBefore, VERIFIED, "") + 1);
        assertThat(sum(metrics, "logto_token_verifications_total{", "outcome=\"expired\""))
                .as("one expired token").isEqualTo(sum(metricsBefore, "logto_token_verifications_total{", "outcome=\"expired\"") + 1);
    }
}
