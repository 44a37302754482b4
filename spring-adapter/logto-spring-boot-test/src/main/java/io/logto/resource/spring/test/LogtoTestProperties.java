package io.logto.resource.spring.test;

import io.logto.resource.test.LogtoTestIssuer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The {@code logto.*} properties that point an application at a {@link LogtoTestIssuer}, for tests that
 * start the issuer themselves (for example with {@code LogtoTestIssuerExtension}):
 *
 * <pre>{@code
 * static final LogtoTestIssuer ISSUER = LogtoTestIssuer.start();
 *
 * @DynamicPropertySource
 * static void logto(DynamicPropertyRegistry registry) {
 *     LogtoTestProperties.register(registry, ISSUER, "https://api.example.com");
 * }
 * }</pre>
 */
public final class LogtoTestProperties {

    private LogtoTestProperties() {
    }

    /**
     * The properties: {@code logto.issuer} and {@code logto.audience}, with {@code logto.endpoint} and
     * {@code logto.jwks-uri} blanked so that settings meant for a real tenant do not apply.
     *
     * @param issuer   the running test issuer
     * @param audience the API resource indicator the tokens are minted for
     * @return property names and values, in a stable order
     */
    public static Map<String, String> of(LogtoTestIssuer issuer, String audience) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("logto.issuer", Objects.requireNonNull(issuer, "issuer").issuer());
        properties.put("logto.audience", Objects.requireNonNull(audience, "audience"));
        properties.put("logto.endpoint", "");
        properties.put("logto.jwks-uri", "");
        return properties;
    }

    /**
     * Adds {@link #of(LogtoTestIssuer, String)} to a {@code @DynamicPropertySource} registry.
     *
     * @param registry the registry
     * @param issuer   the running test issuer
     * @param audience the API resource indicator the tokens are minted for
     */
    public static void register(DynamicPropertyRegistry registry, LogtoTestIssuer issuer, String audience) {
        of(issuer, audience).forEach((name, value) -> registry.add(name, () -> value));
    }
}
