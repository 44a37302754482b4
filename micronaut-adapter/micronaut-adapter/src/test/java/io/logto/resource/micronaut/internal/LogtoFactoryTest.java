package io.logto.resource.micronaut.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.logto.resource.core.LogtoConfig;
import io.logto.resource.core.LogtoResourceServer;
import io.logto.resource.core.SecurityEventLevel;
import io.logto.resource.core.SignatureProvider;
import io.logto.resource.micronaut.LogtoProperties;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.PropertySource;
import io.micronaut.inject.DisposableBeanDefinition;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The logto.* properties are bound to {@link LogtoProperties} and reach the core through its one shared mapping,
 * at startup.
 */
class LogtoFactoryTest {

    private static final String ISSUER = "https://tenant.logto.app/oidc";

    @Test
    void bindsEveryOptionFromYamlIntoTheCoresConfiguration() {
        try (ApplicationContext context = ApplicationContext.run("all-options")) {
            LogtoPropertyLookup lookup = new LogtoPropertyLookup(LogtoFactory.PREFIX, context.getBean(LogtoProperties.class));
            LogtoConfig expected = LogtoConfig.custom()
                    .issuer(ISSUER)
                    .additionalIssuers("https://auth.example.com/oidc", "https://login.example.com/oidc")
                    .audiences(List.of("https://api.example.com", "https://api2.example.com"))
                    .acceptOrganizationTokens(false)
                    .clockSkew(Duration.ofSeconds(30))
                    .jwksUri("https://tenant.logto.app/oidc/keys")
                    .discovery(false)
                    .connectTimeout(Duration.ofMillis(500))
                    .readTimeout(Duration.ofSeconds(3))
                    .jwksCacheTtl(Duration.ofMinutes(10))
                    .jwksRefreshAhead(Duration.ofMinutes(1))
                    .jwksUnknownKeyRefetchInterval(Duration.ofSeconds(20))
                    .jwksOutageTolerance(Duration.ofHours(12))
                    .jwksSizeLimitBytes(65536)
                    .requireAccessTokenType(false)
                    .tokenCacheMaxEntries(500)
                    .maxTokenLength(8192)
                    .signatureProvider(SignatureProvider.BOUNCY_CASTLE)
                    .resourceMetadataUri("https://api.example.com/.well-known/oauth-protected-resource/v2")
                    .realm("reports")
                    .scopesSupported(List.of("read:report", "write:report"))
                    .allowInsecureHttp(true)
                    .proxy(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved("proxy.example.com", 3128)))
                    .securityEventLevel(SecurityEventLevel.WARN)
                    .securityEventsPerSecond(5)
                    .build();

            assertThat(settings(context.getBean(LogtoConfig.class))).isEqualTo(settings(expected));
            assertThat(LogtoConfig.PROPERTY_NAMES).filteredOn(name -> !name.equals("endpoint"))
                    .allSatisfy(name -> assertThat(lookup.apply(LogtoFactory.PREFIX + name)).as(name).isNotBlank());
        }
    }

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

    /** Every setting of a configuration, read through its public accessors. */
    private static List<Object> settings(LogtoConfig config) {
        return Arrays.asList(config.issuers(), config.audiences(), config.acceptOrganizationTokens(), config.clockSkew(),
                config.jwksUri(), config.discovery(), config.connectTimeout(), config.readTimeout(), config.jwksCacheTtl(),
                config.jwksRefreshAhead(), config.jwksUnknownKeyRefetchInterval(), config.jwksOutageTolerance(),
                config.jwksSizeLimitBytes(), config.requireAccessTokenType(), config.tokenCacheMaxEntries(),
                config.maxTokenLength(), config.signatureProvider(), config.resourceMetadataUri(), config.realm(),
                config.scopesSupported(), config.allowInsecureHttp(), config.proxy(),
                config.securityEventLevel(), config.securityEventsPerSecond());
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
