package io.logto.resource.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.logto.resource.core.LogtoConfig;
import io.logto.resource.core.LogtoOption;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The hand-kept IDE metadata ({@code additional-spring-configuration-metadata.json}) is exactly what the core's
 * {@link LogtoConfig#OPTIONS} says: one property per option, its type, description, default and allowed values,
 * plus the starter's own {@code logto.ssl-bundle}.
 * When an option changes, the test fails and writes the metadata derived from {@code OPTIONS} to
 * {@code target/additional-spring-configuration-metadata.json}: copy it over the one in
 * {@code src/main/resources/META-INF/}.
 */
class ConfigurationMetadataTest {

    private static final String SOURCE_TYPE = LogtoAutoConfiguration.class.getName();
    private static final String SSL_BUNDLE_DESCRIPTION = "The name of a Spring Boot SSL bundle (spring.ssl.bundle.*) whose"
            + " trust material discovery and JWKS requests use, e.g. for a self-hosted Logto whose certificate comes from a"
            + " private CA. Not set: the JDK's default trust store.";
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @Test
    void theMetadataIsDerivedFromTheCoresOptions() throws IOException {
        JsonNode expected = JSON.readTree(JSON.writeValueAsString(fromOptions())); // numbers as a parser reads them
        JsonNode actual = read("/META-INF/additional-spring-configuration-metadata.json");
        if (!expected.equals(actual)) {
            Files.writeString(Path.of("target", "additional-spring-configuration-metadata.json"),
                    JSON.writeValueAsString(expected) + "\n");
        }
        assertThat(actual).as("metadata derived from LogtoConfig.OPTIONS; see target/additional-spring-"
                + "configuration-metadata.json").isEqualTo(expected);
    }

    @Test
    void theMergedIdeMetadataListsEveryOptionAndTheSslBundleAndNothingElse() {
        JsonNode merged = read("/META-INF/spring-configuration-metadata.json");
        assertThat(merged.get("properties").valueStream().map(p -> p.get("name").asString()).toList())
                .containsExactlyInAnyOrderElementsOf(java.util.stream.Stream.concat(LogtoConfig.OPTIONS.stream()
                        .map(option -> LogtoAutoConfiguration.PROPERTY_PREFIX + option.name()),
                        java.util.stream.Stream.of(LogtoOperationsAutoConfiguration.SSL_BUNDLE_PROPERTY)).toList());
    }

    /** The metadata for {@link LogtoConfig#OPTIONS}, in Spring Boot's format. */
    static JsonNode fromOptions() {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode group = root.putArray("groups").addObject();
        group.put("name", "logto");
        group.put("description", "Logto resource server: which tokens this API accepts. Parsed and checked by the"
                + " core's LogtoConfig.fromProperties; the options are documented in validator-core/README.md.");
        group.put("sourceType", SOURCE_TYPE);
        ArrayNode properties = root.putArray("properties");
        ArrayNode hints = root.putArray("hints");
        for (LogtoOption option : LogtoConfig.OPTIONS) {
            String name = LogtoAutoConfiguration.PROPERTY_PREFIX + option.name();
            ObjectNode property = properties.addObject();
            property.put("name", name);
            property.put("type", javaType(option.type()));
            property.put("description", option.description());
            property.put("sourceType", SOURCE_TYPE);
            option.defaultValue().ifPresent(value -> {
                switch (option.type()) {
                    case BOOLEAN -> property.put("defaultValue", Boolean.parseBoolean(value));
                    case INTEGER -> property.put("defaultValue", Long.parseLong(value));
                    default -> property.put("defaultValue", value);
                }
            });
            if (!option.allowedValues().isEmpty()) {
                ObjectNode hint = hints.addObject();
                hint.put("name", name);
                ArrayNode values = hint.putArray("values");
                option.allowedValues().forEach(value -> values.addObject().put("value", value));
            }
        }
        // The starter's own setting, not a core option: it names a Spring Boot SSL bundle.
        ObjectNode sslBundle = properties.addObject();
        sslBundle.put("name", LogtoOperationsAutoConfiguration.SSL_BUNDLE_PROPERTY);
        sslBundle.put("type", "java.lang.String");
        sslBundle.put("description", SSL_BUNDLE_DESCRIPTION);
        sslBundle.put("sourceType", LogtoOperationsAutoConfiguration.class.getName());
        return root;
    }

    private static String javaType(LogtoOption.ValueType type) {
        return switch (type) {
            case LIST -> "java.util.List<java.lang.String>";
            case BOOLEAN -> "java.lang.Boolean";
            case DURATION -> "java.time.Duration";
            case INTEGER -> "java.lang.Integer";
            case TEXT, URL, ENUM -> "java.lang.String";
        };
    }

    private static JsonNode read(String resource) {
        try (InputStream in = ConfigurationMetadataTest.class.getResourceAsStream(resource)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
