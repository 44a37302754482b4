package io.logto.resource.samples.quarkus;

import static org.assertj.core.api.Assertions.assertThat;

import io.logto.resource.core.LogtoConfig;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The settings the root README shows for Quarkus are valid for the extension's mapping
 * ({@code LogtoConfig.fromProperties("quarkus.logto.", ...)}, which the runtime applies to MicroProfile Config).
 */
class ReadmeSettingsTest {

    @Test
    void theReadmeSettingsConfigureTheResourceServer() throws IOException {
        Properties settings = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/readme/application.properties")) {
            settings.load(in);
        }
        LogtoConfig config = LogtoConfig.fromProperties("quarkus.logto.", settings::getProperty);
        assertThat(config.issuer()).isEqualTo("https://my-tenant.logto.app/oidc");
        assertThat(config.audiences()).containsExactly("https://api.example.com");
    }
}
