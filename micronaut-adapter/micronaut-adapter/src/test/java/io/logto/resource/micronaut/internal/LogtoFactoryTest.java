package io.logto.resource.micronaut.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.logto.resource.core.LogtoConfig;
import io.logto.resource.core.LogtoResourceServer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.PropertySource;
import io.micronaut.inject.DisposableBeanDefinition;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The logto.* properties reach the core through its one shared mapping, at startup. */
class LogtoFactoryTest {

    private static final String ISSUER = "https://tenant.logto.app/oidc";

    @Test
    void mapsPropertiesWithTheCoresMappingIncludingYamlListsAndDurations() {
        try (ApplicationContext context = ApplicationContext.run(Map.of(
                "logto.issuer", ISSUER,
                "logto.audience", List.of("https://api.example.com", "https://api2.example.com"),
                "logto.additional-issuers", "https://auth.example.com/oidc",
                "logto.clock-skew", "30s",
                "logto.scopes-supported", "read:report,write:report"))) {
            LogtoConfig config = context.getBean(LogtoConfig.class);

            assertThat(config.issuers()).containsExactly(ISSUER, "https://auth.example.com/oidc");
            assertThat(config.audiences()).containsExactly("https://api.example.com", "https://api2.example.com");
            assertThat(config.clockSkew()).isEqualTo(Duration.ofSeconds(30));
            assertThat(config.scopesSupported()).containsExactlyInAnyOrder("read:report", "write:report");
        }
    }

    @Test
    void readsCommaSeparatedAudiencesAndTheEndpointForm() {
        try (ApplicationContext context = ApplicationContext.run(Map.of(
                "logto.endpoint", "https://tenant.logto.app/",
                "logto.audience", "https://api.example.com, https://api2.example.com"))) {
            LogtoConfig config = context.getBean(LogtoConfig.class);

            assertThat(config.issuer()).isEqualTo(ISSUER);
            assertThat(config.audiences()).containsExactly("https://api.example.com", "https://api2.example.com");
        }
    }

    @Test
    void resolvesPlaceholders() {
        try (ApplicationContext context = ApplicationContext.run(Map.of(
                "tenant.issuer", ISSUER,
                "logto.issuer", "${tenant.issuer}",
                "logto.audience", "https://api.example.com"))) {
            assertThat(context.getBean(LogtoConfig.class).issuer()).isEqualTo(ISSUER);
        }
    }

    @Test
    void failsStartupWithTheCoresMessageWhenTheIssuerIsMissing() {
        Map<String, Object> properties = Map.of("logto.audience", "https://api.example.com");

        assertThatThrownBy(() -> ApplicationContext.run(properties).close())
                .rootCause()
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(coreMessage(properties))
                .hasMessageContaining("logto.issuer is required");
    }

    @Test
    void failsStartupWithTheCoresMessageForAnInvalidValue() {
        Map<String, Object> properties = Map.of("logto.issuer", ISSUER, "logto.audience", "https://api.example.com",
                "logto.clock-skew", "soon");

        assertThatThrownBy(() -> ApplicationContext.run(properties).close())
                .rootCause()
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(coreMessage(properties))
                .hasMessageContaining("logto.clock-skew");
    }

    @Test
    void closesTheResourceServerWithTheContext() {
        try (ApplicationContext context = ApplicationContext.run(PropertySource.of(Map.of(
                "logto.issuer", ISSUER, "logto.audience", "https://api.example.com")))) {
            assertThat(context.getBeanDefinition(LogtoResourceServer.class)).isInstanceOf(DisposableBeanDefinition.class);
            assertThat(context.getBean(LogtoResourceServer.class).config()).isSameAs(context.getBean(LogtoConfig.class));
        }
    }

    private static String coreMessage(Map<String, Object> properties) {
        try {
            LogtoConfig.fromProperties("logto.", name -> (String) properties.get(name));
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        throw new AssertionError("the core accepted " + properties);
    }
}
