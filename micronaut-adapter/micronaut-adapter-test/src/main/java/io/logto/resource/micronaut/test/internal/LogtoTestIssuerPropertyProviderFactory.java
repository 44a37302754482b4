package io.logto.resource.micronaut.test.internal;

import io.logto.resource.micronaut.test.WithLogtoTestIssuer;
import io.logto.resource.test.LogtoTestIssuer;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.test.support.TestPropertyProviderFactory;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * For a test class annotated with {@link WithLogtoTestIssuer}: starts a {@link LogtoTestIssuer} and points the
 * {@code logto.*} properties to it. Loaded by Micronaut Test through {@code META-INF/services}; public only
 * for the service loader.
 */
public final class LogtoTestIssuerPropertyProviderFactory implements TestPropertyProviderFactory {

    /** The property carrying the key under which the started issuer waits for its context. */
    static final String KEY_PROPERTY = "logto.test.issuer-key";

    private static final Map<String, LogtoTestIssuer> STARTED = new ConcurrentHashMap<>();

    /** Creates the factory; called by the service loader. */
    public LogtoTestIssuerPropertyProviderFactory() {
    }

    @Override
    public TestPropertyProvider create(Map<String, Object> availableProperties, Class<?> testClass) {
        WithLogtoTestIssuer annotation = testClass.getAnnotation(WithLogtoTestIssuer.class);
        if (annotation == null) {
            return Map::of;
        }
        LogtoTestIssuer issuer = LogtoTestIssuer.start();
        String key = UUID.randomUUID().toString();
        STARTED.put(key, issuer);
        Map<String, String> properties = new HashMap<>();
        properties.put("logto.issuer", issuer.issuer());
        properties.put("logto.jwks-uri", issuer.jwksUri());
        properties.put("logto.endpoint", "");
        properties.put("logto.additional-issuers", "");
        if (!annotation.audience().isEmpty()) {
            properties.put("logto.audience", annotation.audience());
        } else if (!availableProperties.containsKey("logto.audience")) {
            properties.put("logto.audience", WithLogtoTestIssuer.DEFAULT_AUDIENCE);
        }
        properties.put(KEY_PROPERTY, key);
        return () -> properties;
    }

    /**
     * Hands the issuer started under a key to its application context, which closes it on shutdown.
     *
     * @throws IllegalStateException when no issuer waits under the key (it was taken by an earlier context)
     */
    static LogtoTestIssuer take(String key) {
        LogtoTestIssuer issuer = STARTED.remove(key);
        if (issuer == null) {
            throw new IllegalStateException("the local Logto issuer of this test was already handed to a context; "
                    + "@WithLogtoTestIssuer starts one issuer per test class");
        }
        return issuer;
    }
}
