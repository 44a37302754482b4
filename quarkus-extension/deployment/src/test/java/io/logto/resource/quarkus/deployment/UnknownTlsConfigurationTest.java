package io.logto.resource.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.QuarkusUnitTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A {@code quarkus.logto.tls-configuration-name} that names no TLS configuration fails startup, naming the property. */
class UnknownTlsConfigurationTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .overrideConfigKey("quarkus.http.test-port", "0")
            .overrideRuntimeConfigKey("quarkus.logto.issuer", "https://tenant.logto.app/oidc")
            .overrideRuntimeConfigKey("quarkus.logto.audience", "https://api.example.com")
            .overrideRuntimeConfigKey("quarkus.logto.tls-configuration-name", "missing")
            .assertException(failure -> {
                Throwable cause = failure;
                while (cause.getCause() != null) {
                    cause = cause.getCause();
                }
                assertThat(cause).hasMessageContaining("quarkus.logto.tls-configuration-name").hasMessageContaining("missing");
            });

    @Test
    void startupFailsNamingTheProperty() {
        // the assertion is the assertException above: QuarkusUnitTest fails this test when startup succeeds
    }
}
