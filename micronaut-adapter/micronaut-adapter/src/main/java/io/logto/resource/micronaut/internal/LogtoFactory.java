package io.logto.resource.micronaut.internal;

import io.logto.resource.core.LogtoConfig;
import io.logto.resource.core.LogtoResourceServer;
import io.logto.resource.micronaut.LogtoProperties;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;

/**
 * Creates the {@link LogtoConfig} from the bound {@link LogtoProperties} with the core's one shared mapping
 * and the {@link LogtoResourceServer} from it. Both are created at startup, so invalid configuration fails
 * startup with the core's message; the resource server is closed on shutdown. Replace either with
 * {@code @Replaces(LogtoConfig.class)} to configure the core in code.
 */
@Factory
final class LogtoFactory {

    static final String PREFIX = "logto.";

    @Context
    LogtoConfig logtoConfig(LogtoProperties properties) {
        return LogtoConfig.fromProperties(PREFIX, new LogtoPropertyLookup(PREFIX, properties));
    }

    @Context
    @Bean(preDestroy = "close")
    LogtoResourceServer logtoResourceServer(LogtoConfig config) {
        return LogtoResourceServer.create(config);
    }
}
