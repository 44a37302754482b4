package io.logto.resource.samples.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

import io.logto.resource.core.LogtoConfig;
import io.logto.resource.core.LogtoResourceServer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.PropertySource;
import io.micronaut.context.env.yaml.YamlPropertySourceLoader;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The settings the root README shows for Micronaut configure the adapter's resource server. */
class ReadmeSettingsTest {

    @Test
    void theReadmeSettingsConfigureTheResourceServer() throws IOException {
        Map<String, Object> settings;
        try (InputStream yaml = getClass().getResourceAsStream("/readme/application.yml")) {
            settings = new YamlPropertySourceLoader().read("readme", yaml);
        }
        try (ApplicationContext context = ApplicationContext.run(PropertySource.of("readme", settings))) {
            LogtoConfig config = context.getBean(LogtoResourceServer.class).config();
            assertThat(config.issuer()).isEqualTo("https://my-tenant.logto.app/oidc");
            assertThat(config.audiences()).containsExactly("https://api.example.com");
        }
    }
}
