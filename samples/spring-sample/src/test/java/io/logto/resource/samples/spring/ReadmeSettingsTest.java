package io.logto.resource.samples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.logto.resource.core.LogtoConfig;
import io.logto.resource.core.LogtoResourceServer;
import io.logto.resource.spring.LogtoAutoConfiguration;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.ClassPathResource;

/** The settings the root README shows for Spring configure the auto-configured resource server. */
class ReadmeSettingsTest {

    @Test
    void theReadmeSettingsConfigureTheResourceServer() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(LogtoAutoConfiguration.class))
                .withInitializer(context -> {
                    try {
                        new YamlPropertySourceLoader().load("readme", new ClassPathResource("readme/application.yml"))
                                .forEach(context.getEnvironment().getPropertySources()::addFirst);
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .run(context -> {
                    LogtoConfig config = context.getBean(LogtoResourceServer.class).config();
                    assertThat(config.issuer()).isEqualTo("https://my-tenant.logto.app/oidc");
                    assertThat(config.audiences()).containsExactly("https://api.example.com");
                });
    }
}
