package io.logto.resource.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class LogtoOptionTest {

    private static final String ISSUER = "https://t.logto.app/oidc";
    private static final String AUDIENCE = "https://api.example.com";

    /** How each defaulted option reads back from a configuration. */
    private static final Map<String, Function<LogtoConfig, Object>> GETTERS = Map.ofEntries(
            Map.entry("accept-organization-tokens", LogtoConfig::acceptOrganizationTokens),
            Map.entry("clock-skew", LogtoConfig::clockSkew),
            Map.entry("discovery", LogtoConfig::discovery),
            Map.entry("connect-timeout", LogtoConfig::connectTimeout),
            Map.entry("read-timeout", LogtoConfig::readTimeout),
            Map.entry("jwks-cache-ttl", LogtoConfig::jwksCacheTtl),
            Map.entry("jwks-refresh-ahead", LogtoConfig::jwksRefreshAhead),
            Map.entry("jwks-unknown-key-refetch-interval", LogtoConfig::jwksUnknownKeyRefetchInterval),
            Map.entry("jwks-outage-tolerance", LogtoConfig::jwksOutageTolerance),
            Map.entry("jwks-size-limit-bytes", LogtoConfig::jwksSizeLimitBytes),
            Map.entry("require-access-token-type", LogtoConfig::requireAccessTokenType),
            Map.entry("token-cache-max-entries", LogtoConfig::tokenCacheMaxEntries),
            Map.entry("max-token-length", LogtoConfig::maxTokenLength),
            Map.entry("signature-provider", LogtoConfig::signatureProvider),
            Map.entry("security-event-level", LogtoConfig::securityEventLevel),
            Map.entry("security-events-per-second", LogtoConfig::securityEventsPerSecond),
            Map.entry("allow-insecure-http", LogtoConfig::allowInsecureHttp));

    @Test
    void theDocumentedDefaultOfEveryOptionIsTheDefaultInForce() {
        LogtoConfig defaults = LogtoConfig.custom().issuer(ISSUER).audience(AUDIENCE).build();
        for (LogtoOption option : LogtoConfig.OPTIONS) {
            if (option.defaultValue().isEmpty()) {
                continue;
            }
            assertThat(GETTERS).as("a getter for %s", option.name()).containsKey(option.name());
            LogtoConfig explicit = LogtoConfig.custom().issuer(ISSUER).audience(AUDIENCE)
                    .property(option.name(), option.defaultValue().get()).build();
            Function<LogtoConfig, Object> getter = GETTERS.get(option.name());
            assertThat(getter.apply(explicit)).as(option.name()).isEqualTo(getter.apply(defaults));
        }
        assertThat(GETTERS.keySet()).allSatisfy(name ->
                assertThat(LogtoConfig.option(name).flatMap(LogtoOption::defaultValue)).as(name).isPresent());
    }

    @Test
    void propertyNamesFollowFromTheOptions() {
        assertThat(LogtoConfig.PROPERTY_NAMES).containsExactlyElementsOf(
                LogtoConfig.OPTIONS.stream().map(LogtoOption::name).toList());
        assertThat(LogtoConfig.OPTIONS).allSatisfy(option -> {
            assertThat(option.name()).matches("[a-z]+(-[a-z]+)*");
            assertThat(option.description()).isNotBlank().endsWith(".");
        });
        assertThat(LogtoConfig.option("signature-provider").orElseThrow().allowedValues())
                .containsExactly("auto", "jdk", "bouncy-castle");
        assertThat(LogtoConfig.option("no-such-option")).isEmpty();
    }

    @Test
    void everyOptionIsSetByItsPropertyName() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("logto.endpoint", "https://t.logto.app");
        values.put("logto.audience", AUDIENCE + ",https://api2.example.com");
        values.put("logto.clock-skew", "30s");
        values.put("logto.signature-provider", "jdk");
        values.put("logto.scopes-supported", "read:report");
        LogtoConfig config = LogtoConfig.fromProperties("logto.", values::get);

        assertThat(config.issuer()).isEqualTo(ISSUER);
        assertThat(config.audiences()).containsExactly(AUDIENCE, "https://api2.example.com");
        assertThat(config.clockSkew()).hasSeconds(30);
        assertThat(config.signatureProvider()).isEqualTo(SignatureProvider.JDK);
        assertThat(config.scopesSupported()).containsExactly("read:report");
        assertThatThrownBy(() -> LogtoConfig.custom().property("clock-skw", "1s"))
                .hasMessageContaining("unknown Logto setting logto.clock-skw");
        assertThatThrownBy(() -> LogtoConfig.custom().propertyPrefix("quarkus.logto.").property("clock-skew", "soon"))
                .hasMessageStartingWith("quarkus.logto.clock-skew must be a duration");
    }

    @Test
    void buildLeavesTheBuilderAsItWas() {
        LogtoConfig.Builder builder = LogtoConfig.custom().issuer(ISSUER).audience(AUDIENCE).jwksUri(ISSUER + "/jwks");
        LogtoConfig first = builder.build();
        LogtoConfig second = builder.build();
        LogtoConfig third = builder.additionalIssuers("https://auth.example.com/oidc").build();

        assertThat(second.toString()).isEqualTo(first.toString());
        assertThat(first.issuers()).containsExactly(ISSUER);
        assertThat(third.issuers()).containsExactly(ISSUER, "https://auth.example.com/oidc");
        assertThat(third.jwksUri()).isEqualTo(first.jwksUri());
    }

    @Test
    void theCoreReadmeDocumentsEveryOptionWithItsDefault() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        Matcher row = Pattern.compile("(?m)^\\| `([a-z-]+)` \\| ([^|]+) \\|").matcher(
                readme.substring(readme.indexOf("## Configuration"), readme.indexOf("## Keys")));
        Map<String, String> documented = new LinkedHashMap<>();
        while (row.find()) {
            documented.put(row.group(1), row.group(2).strip());
        }
        assertThat(documented.keySet()).containsExactlyInAnyOrderElementsOf(LogtoConfig.PROPERTY_NAMES);
        for (LogtoOption option : LogtoConfig.OPTIONS) {
            option.defaultValue().ifPresent(value -> assertThat(documented.get(option.name()))
                    .as("README default of %s", option.name()).isEqualTo("`" + value + "`"));
        }
    }
}
