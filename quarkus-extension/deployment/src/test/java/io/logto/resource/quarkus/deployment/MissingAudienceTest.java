package io.logto.resource.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.QuarkusUnitTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Adding the extension without its two required settings fails startup with the core's guidance. */
class MissingAudienceTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .overrideConfigKey("quarkus.http.test-port", "0")
            .overrideRuntimeConfigKey("quarkus.logto.endpoint", "https://tenant.logto.app")
            .assertException(failure -> {
                Throwable cause = failure;
                while (cause.getCause() != null) {
                    cause = cause.getCause();
                }
                assertThat(cause).hasMessageStartingWith("quarkus.logto.audience is required");
            });

    @Test
    void startupFailsAskingForTheAudience() {
        // the assertion is the assertException above: QuarkusUnitTest fails this test when startup succeeds
    }
}
