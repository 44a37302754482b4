package io.logto.resource.micronaut.test.internal;

import io.logto.resource.test.LogtoTestIssuer;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;

/**
 * Makes the issuer started for a {@link io.logto.resource.micronaut.test.WithLogtoTestIssuer} test a bean of its
 * application context, closed when the context stops.
 */
@Factory
@Requires(property = LogtoTestIssuerPropertyProviderFactory.KEY_PROPERTY)
final class LogtoTestIssuerFactory {

    @Context
    @Bean(preDestroy = "close")
    LogtoTestIssuer logtoTestIssuer(@Property(name = LogtoTestIssuerPropertyProviderFactory.KEY_PROPERTY) String key) {
        return LogtoTestIssuerPropertyProviderFactory.take(key);
    }
}
