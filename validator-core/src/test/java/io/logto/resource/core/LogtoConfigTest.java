package io.logto.resource.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LogtoConfigTest {

    private static LogtoConfig.Builder valid() {
        return LogtoConfig.custom().issuer("https://my-tenant.logto.app/oidc").audience("https://api.example.com");
    }

    @Test
    void needsOnlyAnIssuerAndAnAudience() {
        LogtoConfig config = valid().build();
        assertThat(config.issuer()).isEqualTo("https://my-tenant.logto.app/oidc");
        assertThat(config.audiences()).containsExactly("https://api.example.com");
        assertThat(config.clockSkew()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.acceptOrganizationTokens()).isTrue();
        assertThat(config.requireAccessTokenType()).isTrue();
        assertThat(config.tokenCacheEnabled()).isTrue();
        assertThat(config.discovery()).isTrue();
        assertThat(config.discoveryUri()).isEqualTo(URI.create("https://my-tenant.logto.app/oidc/.well-known/openid-configuration"));
        assertThat(config.fallbackJwksUri()).isEqualTo(URI.create("https://my-tenant.logto.app/oidc/jwks"));
        assertThat(config.resourceMetadataUri()).hasValue(URI.create("https://api.example.com/.well-known/oauth-protected-resource"));
        assertThat(config.signatureProvider()).isEqualTo(SignatureProvider.AUTO);
    }

    @Test
    void derivesTheIssuerFromTheLogtoEndpoint() {
        assertThat(LogtoConfig.custom().endpoint("https://my-tenant.logto.app/").audience("https://api.example.com").build().issuer())
                .isEqualTo("https://my-tenant.logto.app/oidc");
    }

    @Test
    void derivesTheMetadataUrlOfAResourceWithAPath() {
        assertThat(valid().audiences(java.util.List.of()).build().resourceMetadataUri()).isPresent();
        LogtoConfig config = LogtoConfig.custom().issuer("https://t.logto.app/oidc").audience("https://example.com/api/v1/").build();
        assertThat(config.resourceMetadataUri()).hasValue(URI.create("https://example.com/.well-known/oauth-protected-resource/api/v1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"my-tenant.logto.app/oidc", "ftp://t.logto.app/oidc", "https://t.logto.app/oidc/", "http://t.logto.app/oidc",
        "https://t.logto.app/oidc?x=1", "https://user@t.logto.app/oidc", "not a url"})
    void refusesIssuersThatCannotWorkAndSaysWhatToFix(String issuer) {
        assertThatThrownBy(() -> LogtoConfig.custom().issuer(issuer).audience("https://api.example.com").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("logto.issuer");
    }

    @Test
    void allowsHttpForLoopbackOrWhenExplicitlyAllowed() {
        assertThat(LogtoConfig.custom().issuer("http://127.0.0.1:3001/oidc").audience("https://api.example.com").build().issuer())
                .isEqualTo("http://127.0.0.1:3001/oidc");
        assertThat(LogtoConfig.custom().issuer("http://localhost:3001/oidc").audience("https://api.example.com").build().issuer())
                .isEqualTo("http://localhost:3001/oidc");
        assertThat(LogtoConfig.custom().issuer("http://[::1]:3001/oidc").audience("https://api.example.com").build().issuer())
                .isEqualTo("http://[::1]:3001/oidc");
        assertThat(LogtoConfig.custom().issuer("http://logto:3001/oidc").allowInsecureHttp(true).audience("https://api.example.com")
                .build().issuer()).isEqualTo("http://logto:3001/oidc");
    }

    @Test
    void requiresAnIssuerOrEndpointButNotBoth() {
        assertThatThrownBy(() -> LogtoConfig.custom().audience("https://api.example.com").build())
                .hasMessageContaining("logto.issuer is required");
        assertThatThrownBy(() -> valid().endpoint("https://t.logto.app").build())
                .hasMessageContaining("either logto.issuer or logto.endpoint");
    }

    @Test
    void requiresAnAbsoluteAudienceThatIsNotAnOrganizationUrn() {
        assertThatThrownBy(() -> LogtoConfig.custom().issuer("https://t.logto.app/oidc").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("logto.audience is required");
        assertThatThrownBy(() -> LogtoConfig.custom().issuer("https://t.logto.app/oidc").audience(" ").build())
                .hasMessageContaining("logto.audience must not be blank");
        assertThatThrownBy(() -> LogtoConfig.custom().issuer("https://t.logto.app/oidc").audience("api").build())
                .hasMessageContaining("not an absolute URI");
        assertThatThrownBy(() -> LogtoConfig.custom().issuer("https://t.logto.app/oidc").audience("urn:logto:organization:x").build())
                .hasMessageContaining("logto.accept-organization-tokens");
    }

    @Test
    void refusesTimingsThatCannotWork() {
        assertThatThrownBy(() -> valid().clockSkew(Duration.ofHours(1)).build()).hasMessageStartingWith("logto.clock-skew must be between");
        assertThatThrownBy(() -> valid().readTimeout(Duration.ZERO).build()).hasMessageStartingWith("logto.read-timeout");
        assertThatThrownBy(() -> valid().jwksCacheTtl(Duration.ofSeconds(3)).build())
                .hasMessageStartingWith("logto.jwks-cache-ttl (PT3S) must be longer than");
        assertThatThrownBy(() -> valid().jwksUnknownKeyRefetchInterval(Duration.ofMinutes(10)).build())
                .hasMessageContaining("must be shorter than logto.jwks-cache-ttl");
        assertThatThrownBy(() -> valid().tokenCacheMaxEntries(-1).build()).hasMessageStartingWith("logto.token-cache-max-entries");
        assertThatThrownBy(() -> valid().realm("a\"b").build()).hasMessageStartingWith("logto.realm");
    }

    @Test
    void readsEveryOptionFromProperties() {
        Map<String, String> properties = new HashMap<>();
        properties.put("app.logto.endpoint", "https://t.logto.app");
        properties.put("app.logto.audience", "https://api.example.com, https://api2.example.com");
        properties.put("app.logto.additional-issuers", "https://auth.example.com/oidc");
        properties.put("app.logto.accept-organization-tokens", "false");
        properties.put("app.logto.clock-skew", "30s");
        properties.put("app.logto.jwks-uri", "https://t.logto.app/oidc/jwks");
        properties.put("app.logto.discovery", "FALSE");
        properties.put("app.logto.connect-timeout", "500ms");
        properties.put("app.logto.read-timeout", "PT1.5S");
        properties.put("app.logto.jwks-cache-ttl", "10m");
        properties.put("app.logto.jwks-refresh-ahead", "1m");
        properties.put("app.logto.jwks-unknown-key-refetch-interval", "20s");
        properties.put("app.logto.jwks-outage-tolerance", "2d");
        properties.put("app.logto.jwks-size-limit-bytes", "65536");
        properties.put("app.logto.require-access-token-type", "true");
        properties.put("app.logto.token-cache-max-entries", "50_000");
        properties.put("app.logto.max-token-length", "8192");
        properties.put("app.logto.signature-provider", "bouncy-castle");
        properties.put("app.logto.resource-metadata-uri", "https://api.example.com/meta");
        properties.put("app.logto.realm", "acme");
        properties.put("app.logto.scopes-supported", "read:report,write:report");
        properties.put("app.logto.allow-insecure-http", "false");
        properties.put("app.logto.proxy", "proxy.example.com:3128");
        properties.put("app.logto.security-event-level", "warn");
        properties.put("app.logto.security-events-per-second", "5");
        // every option but issuer, which endpoint replaces (both at once are refused)
        assertThat(properties).hasSize(LogtoConfig.PROPERTY_NAMES.size() - 1);

        LogtoConfig config = LogtoConfig.fromProperties("app.logto.", properties::get);

        assertThat(config.issuers()).containsExactly("https://t.logto.app/oidc", "https://auth.example.com/oidc");
        assertThat(config.audiences()).containsExactly("https://api.example.com", "https://api2.example.com");
        assertThat(config.acceptOrganizationTokens()).isFalse();
        assertThat(config.clockSkew()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.jwksUri()).hasValue(URI.create("https://t.logto.app/oidc/jwks"));
        assertThat(config.discovery()).isFalse();
        assertThat(config.connectTimeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(config.readTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(config.jwksCacheTtl()).isEqualTo(Duration.ofMinutes(10));
        assertThat(config.jwksRefreshAhead()).isEqualTo(Duration.ofMinutes(1));
        assertThat(config.jwksUnknownKeyRefetchInterval()).isEqualTo(Duration.ofSeconds(20));
        assertThat(config.jwksOutageTolerance()).isEqualTo(Duration.ofDays(2));
        assertThat(config.jwksSizeLimitBytes()).isEqualTo(65536);
        assertThat(config.tokenCacheMaxEntries()).isEqualTo(50_000);
        assertThat(config.maxTokenLength()).isEqualTo(8192);
        assertThat(config.signatureProvider()).isEqualTo(SignatureProvider.BOUNCY_CASTLE);
        assertThat(config.resourceMetadataUri()).hasValue(URI.create("https://api.example.com/meta"));
        assertThat(config.realm()).hasValue("acme");
        assertThat(config.securityEventLevel()).isEqualTo(SecurityEventLevel.WARN);
        assertThat(config.securityEventsPerSecond()).isEqualTo(5);
        assertThat(config.proxy().orElseThrow().address()).hasToString("proxy.example.com/<unresolved>:3128");
        assertThat(config.scopesSupported()).containsExactlyInAnyOrder("read:report", "write:report");
    }

    @Test
    void namesThePropertyToFixWithItsPrefix() {
        Map<String, String> properties = Map.of("quarkus.logto.issuer", "https://t.logto.app/oidc",
                "quarkus.logto.audience", "https://api.example.com", "quarkus.logto.clock-skew", "60");
        assertThatThrownBy(() -> LogtoConfig.fromProperties("quarkus.logto.", properties::get))
                .hasMessageStartingWith("quarkus.logto.clock-skew must be a duration with a unit");
        assertThatThrownBy(() -> LogtoConfig.fromProperties("quarkus.logto.", Map.of("quarkus.logto.audience", "https://a.b")::get))
                .hasMessageStartingWith("quarkus.logto.issuer is required");
        assertThatThrownBy(() -> LogtoConfig.fromProperties("x.", Map.of("x.issuer", "https://t.logto.app/oidc",
                "x.audience", "https://a.b", "x.discovery", "yes")::get)).hasMessageStartingWith("x.discovery must be true or false");
        assertThatThrownBy(() -> LogtoConfig.fromProperties("x.", Map.of("x.issuer", "https://t.logto.app/oidc",
                "x.audience", "https://a.b", "x.signature-provider", "fast")::get)).hasMessageContaining("must be one of [AUTO, JDK, BOUNCY_CASTLE]");
    }

    @Test
    void derivesAVariantFromAnExistingConfiguration() {
        LogtoConfig base = valid().additionalIssuers("https://auth.example.com/oidc").realm("r").build();
        LogtoConfig variant = LogtoConfig.from(base).clockSkew(Duration.ZERO).build();
        assertThat(variant.issuers()).isEqualTo(base.issuers());
        assertThat(variant.realm()).hasValue("r");
        assertThat(variant.clockSkew()).isZero();
        assertThat(base.clockSkew()).isEqualTo(Duration.ofSeconds(60));
    }
}
