package io.logto.resource.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.logto.resource.core.LogtoConfig;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The IDE metadata that Spring Boot 3.5's configuration processor merges from the shared
 * {@code additional-spring-configuration-metadata.json} lists exactly the core's {@link LogtoConfig#OPTIONS}, plus the starter's own {@code logto.ssl-bundle}.
 * (That the hand-kept file itself matches the options is the Boot 4 starter's test.)
 */
class Boot3ConfigurationMetadataTest {

    @Test
    void theMergedIdeMetadataListsEveryOptionAndNothingElse() throws IOException {
        JsonNode merged;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("merged metadata on the classpath").isNotNull();
            merged = new ObjectMapper().readTree(in);
        }
        List<String> names = new ArrayList<>();
        merged.get("properties").forEach(property -> names.add(property.get("name").asText()));
        assertThat(names).containsExactlyInAnyOrderElementsOf(Stream.concat(LogtoConfig.OPTIONS.stream()
                .map(option -> LogtoAutoConfiguration.PROPERTY_PREFIX + option.name()),
                Stream.of(LogtoOperationsAutoConfiguration.SSL_BUNDLE_PROPERTY)).toList());
    }
}
