package io.logto.resource.quarkus;

import static org.assertj.core.api.Assertions.assertThat;

import io.logto.resource.core.LogtoConfig;
import io.logto.resource.core.LogtoOption;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The documented {@code quarkus.logto.*} names stay exactly the names of the core's options ({@code LogtoConfig.OPTIONS}),
 * plus the extension's {@code tls-configuration-name}. */
class LogtoPropertiesTest {

    @Test
    void documentsEveryCorePropertyAndNothingElse() {
        List<String> documented = new ArrayList<>();
        for (Method method : LogtoProperties.class.getDeclaredMethods()) {
            documented.add(method.getName().replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT));
        }
        List<String> expected = new ArrayList<>(LogtoConfig.OPTIONS.stream().map(LogtoOption::name).toList());
        expected.add("tls-configuration-name"); // the extension's own: a Quarkus TLS registry name
        assertThat(documented).containsExactlyInAnyOrderElementsOf(expected);
    }
}
