package io.logto.resource.spring.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.logto.resource.test.LogtoTestIssuer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LogtoTestPropertiesTest {

    @Test
    void pointsTheApplicationAtTheIssuerAndBlanksRealTenantSettings() {
        try (LogtoTestIssuer issuer = LogtoTestIssuer.start()) {
            Map<String, Object> registered = new LinkedHashMap<>();
            LogtoTestProperties.register((name, value) -> registered.put(name, value.get()), issuer, "https://api.example.com");
            assertThat(registered).containsExactly(Map.entry("logto.issuer", issuer.issuer()),
                    Map.entry("logto.audience", "https://api.example.com"), Map.entry("logto.endpoint", ""),
                    Map.entry("logto.jwks-uri", ""));
        }
    }
}
