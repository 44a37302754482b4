package io.logto.resource.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.logto.resource.core.LogtoConfig;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The IDE metadata describes exactly the core's settings (plus the starter's {@code logto.ssl-bundle}), with the core's defaults. */
class ConfigurationMetadataTest {

    private final JsonNode metadata = read();

    private static JsonNode read() {
        try (InputStream in = ConfigurationMetadataTest.class.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            return JsonMapper.builder().build().readTree(in);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void describesEveryCoreSettingAndNothingElse() {
        List<String> names = metadata.get("properties").valueStream().map(p -> p.get("name").asString()).toList();
        List<String> expected = new java.util.ArrayList<>(
                LogtoConfig.PROPERTY_NAMES.stream().map(name -> LogtoAutoConfiguration.PROPERTY_PREFIX + name).toList());
        expected.add(LogtoOperationsAutoConfiguration.SSL_BUNDLE_PROPERTY); // the starter's own: a Spring SSL bundle
        assertThat(names).containsExactlyInAnyOrderElementsOf(expected);
        metadata.get("properties").valueStream().forEach(p -> assertThat(p.get("description").asString()).isNotBlank());
    }

    @Test
    void documentedDefaultsAreTheCoresDefaults() {
        Map<String, String> properties = new HashMap<>();
        metadata.get("properties").valueStream().filter(p -> p.has("defaultValue"))
                .forEach(p -> properties.put(p.get("name").asString(), p.get("defaultValue").asString()));
        assertThat(properties).hasSizeGreaterThanOrEqualTo(15);
        properties.put("logto.issuer", "https://tenant.logto.app/oidc");
        properties.put("logto.audience", "https://api.example.com");
        LogtoConfig documented = LogtoConfig.fromProperties("logto.", properties::get);
        LogtoConfig defaults = LogtoConfig.custom().issuer("https://tenant.logto.app/oidc").audience("https://api.example.com").build();

        assertThat(documented.clockSkew()).isEqualTo(defaults.clockSkew());
        assertThat(documented.connectTimeout()).isEqualTo(defaults.connectTimeout());
        assertThat(documented.readTimeout()).isEqualTo(defaults.readTimeout());
        assertThat(documented.jwksCacheTtl()).isEqualTo(defaults.jwksCacheTtl());
        assertThat(documented.jwksRefreshAhead()).isEqualTo(defaults.jwksRefreshAhead());
        assertThat(documented.jwksUnknownKeyRefetchInterval()).isEqualTo(defaults.jwksUnknownKeyRefetchInterval());
        assertThat(documented.jwksOutageTolerance()).isEqualTo(defaults.jwksOutageTolerance());
        assertThat(documented.jwksSizeLimitBytes()).isEqualTo(defaults.jwksSizeLimitBytes());
        assertThat(documented.tokenCacheMaxEntries()).isEqualTo(defaults.tokenCacheMaxEntries());
        assertThat(documented.maxTokenLength()).isEqualTo(defaults.maxTokenLength());
        assertThat(documented.signatureProvider()).isEqualTo(defaults.signatureProvider());
        assertThat(documented.acceptOrganizationTokens()).isEqualTo(defaults.acceptOrganizationTokens());
        assertThat(documented.discovery()).isEqualTo(defaults.discovery());
        assertThat(documented.requireAccessTokenType()).isEqualTo(defaults.requireAccessTokenType());
        assertThat(documented.allowInsecureHttp()).isEqualTo(defaults.allowInsecureHttp());
    }
}
