package io.logto.resource.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.QuarkusUnitTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Invalid {@code quarkus.logto.*} settings stop the application at startup with the core's message. */
class InvalidConfigurationTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .overrideConfigKey("quarkus.http.test-port", "0")
            .overrideRuntimeConfigKey("quarkus.logto.issuer", "https://tenant.logto.app/oidc")
            .overrideRuntimeConfigKey("quarkus.logto.audience", "https://api.example.com")
            .overrideRuntimeConfigKey("quarkus.logto.clock-skew", "10 minutes")
            .assertException(failure -> assertThat(rootCause(failure))
                    .hasMessageStartingWith("quarkus.logto.clock-skew must be a duration with a unit"));

    @Test
    void startupFailsNamingTheProperty() {
        // the assertion is the assertException above: QuarkusUnitTest fails this test when startup succeeds
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
