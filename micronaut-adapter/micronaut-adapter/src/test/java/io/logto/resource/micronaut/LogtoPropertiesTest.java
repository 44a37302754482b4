package io.logto.resource.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

import io.logto.resource.core.LogtoConfig;
import io.logto.resource.core.LogtoOption;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@link LogtoProperties} names every core option of {@link LogtoConfig#OPTIONS}, and Micronaut's configuration
 * metadata describes each with the core's value form and default.
 */
class LogtoPropertiesTest {

    private static final String METADATA = "META-INF/spring-configuration-metadata.json";

    @Test
    void declaresOneGetterPerCorePropertyName() {
        List<String> getters = Arrays.stream(LogtoProperties.class.getDeclaredMethods()).map(Method::getName).toList();

        assertThat(getters).containsExactlyInAnyOrderElementsOf(
                LogtoConfig.PROPERTY_NAMES.stream().map(LogtoPropertiesTest::getterName).toList());
    }

    @Test
    void generatedConfigurationMetadataDescribesEveryLogtoProperty() throws IOException {
        List<JsonNode> properties = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        for (URL url : Collections.list(getClass().getClassLoader().getResources(METADATA))) {
            JsonNode metadata = read(url);
            metadata.get("groups").values().forEach(group -> groups.add(group.get("name").getStringValue()
                    + "=" + group.get("type").getStringValue()));
            metadata.get("properties").values().forEach(property -> {
                if (property.get("name").getStringValue().startsWith("logto.")) {
                    properties.add(property);
                }
            });
        }

        assertThat(groups).contains("logto=" + LogtoProperties.class.getName());
        assertThat(properties).extracting(property -> property.get("name").getStringValue())
                .containsExactlyInAnyOrderElementsOf(
                        LogtoConfig.PROPERTY_NAMES.stream().map(name -> "logto." + name).toList());
        assertThat(properties).allSatisfy(property -> {
            assertThat(property.get("sourceType").getStringValue()).isEqualTo(LogtoProperties.class.getName());
            assertThat(property.get("type").getStringValue()).isIn("java.lang.String", "java.util.List");
            assertThat(property.get("description").getStringValue()).containsAnyOf("Default", "default", "Required");
        });
    }

    @Test
    void generatedConfigurationMetadataAgreesWithTheCoresOptions() throws IOException {
        Map<String, JsonNode> properties = new HashMap<>();
        for (URL url : Collections.list(getClass().getClassLoader().getResources(METADATA))) {
            read(url).get("properties").values().forEach(property ->
                    properties.put(property.get("name").getStringValue(), property));
        }

        assertThat(LogtoConfig.OPTIONS).allSatisfy(option -> {
            JsonNode property = properties.get("logto." + option.name());
            assertThat(property).as(option.name()).isNotNull();
            assertThat(property.get("type").getStringValue()).as(option.name() + " type").isEqualTo(
                    option.type() == LogtoOption.ValueType.LIST ? "java.util.List" : "java.lang.String");
            option.defaultValue().ifPresent(value -> assertThat(property.get("description").getStringValue())
                    .as(option.name() + " default").contains("Default: " + value + "."));
        });
    }

    /** {@code jwks-unknown-key-refetch-interval} is read by {@code getJwksUnknownKeyRefetchInterval()}. */
    private static String getterName(String propertyName) {
        return "get" + Arrays.stream(propertyName.split("-"))
                .map(part -> part.substring(0, 1).toUpperCase(Locale.ROOT) + part.substring(1))
                .collect(Collectors.joining());
    }

    private static JsonNode read(URL url) throws IOException {
        try (InputStream in = url.openStream()) {
            return JsonMapper.createDefault().readValue(in, JsonNode.class);
        }
    }
}
