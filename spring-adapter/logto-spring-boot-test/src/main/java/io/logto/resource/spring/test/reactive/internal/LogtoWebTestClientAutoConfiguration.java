package io.logto.resource.spring.test.reactive.internal;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.webtestclient.autoconfigure.WebTestClientBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Imported by {@code @AutoConfigureWebTestClient}: gives Spring Boot's {@code WebTestClient} the
 * {@link LogtoTestIssuerBinding} that {@code logtoToken()} reads.
 */
@AutoConfiguration
@ConditionalOnClass({WebTestClient.class, WebTestClientBuilderCustomizer.class})
public final class LogtoWebTestClientAutoConfiguration {

    /** Creates the auto-configuration; Spring Boot does. */
    public LogtoWebTestClientAutoConfiguration() {
    }

    /**
     * Adds the binding to the test's {@code WebTestClient}.
     *
     * @param beans the test's application context
     * @return the customizer
     */
    @Bean
    public WebTestClientBuilderCustomizer logtoTestIssuerWebTestClientCustomizer(BeanFactory beans) {
        return builder -> builder.filter(new LogtoTestIssuerBinding(beans));
    }
}
