package io.logto.resource.spring.test.internal;

import io.logto.resource.spring.test.AutoConfigureLogtoTestIssuer;
import io.logto.resource.spring.test.LogtoTestProperties;
import io.logto.resource.test.LogtoTestIssuer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Starts a {@link LogtoTestIssuer} for one application context, puts the {@code logto.*} properties that point
 * at it first in the environment, and registers it as the bean {@code logtoTestIssuer}, closed with the context.
 * Equal for equal audiences, so Spring's context cache shares contexts (and issuers) between test classes.
 */
final class LogtoTestIssuerContextCustomizer implements ContextCustomizer {

    static final String BEAN_NAME = "logtoTestIssuer";

    private final String audience;

    LogtoTestIssuerContextCustomizer(String audience) {
        this.audience = audience;
    }

    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration configuration) {
        if (!(context instanceof GenericApplicationContext registry)) {
            throw new IllegalStateException("@AutoConfigureLogtoTestIssuer needs a GenericApplicationContext, got "
                    + context.getClass().getName());
        }
        LogtoTestIssuer issuer = LogtoTestIssuer.start();
        ConfigurableEnvironment environment = context.getEnvironment();
        Map<String, Object> properties = new LinkedHashMap<>(LogtoTestProperties.of(issuer,
                audience.isEmpty() ? AutoConfigureLogtoTestIssuer.DEFAULT_AUDIENCE : audience));
        if (audience.isEmpty() && configuredAudience(environment)) {
            properties.remove("logto.audience");
        }
        environment.getPropertySources().addFirst(new MapPropertySource("logtoTestIssuer", properties));
        registry.registerBean(BEAN_NAME, LogtoTestIssuer.class, () -> issuer,
                definition -> definition.setDestroyMethodName("close"));
    }

    private static boolean configuredAudience(ConfigurableEnvironment environment) {
        return Binder.get(environment).bind("logto.audience", Bindable.listOf(String.class))
                .map(list -> !list.isEmpty()).orElse(false);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LogtoTestIssuerContextCustomizer customizer && customizer.audience.equals(audience);
    }

    @Override
    public int hashCode() {
        return audience.hashCode();
    }
}
