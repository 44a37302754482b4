package io.logto.resource.micronaut.internal;

import io.logto.resource.core.LogtoConfig;
import io.logto.resource.core.LogtoResourceServer;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.core.value.PropertyResolver;
import java.util.Collection;
import java.util.StringJoiner;
import java.util.function.Function;

/**
 * Creates the {@link LogtoConfig} from the {@code logto.*} properties with the core's one shared mapping
 * and the {@link LogtoResourceServer} from it. Both are created at startup, so invalid configuration fails
 * startup with the core's message; the resource server is closed on shutdown. Replace either with
 * {@code @Replaces(LogtoConfig.class)} to configure the core in code.
 */
@Factory
final class LogtoFactory {

    static final String PREFIX = "logto.";

    @Context
    LogtoConfig logtoConfig(PropertyResolver properties) {
        return LogtoConfig.fromProperties(PREFIX, lookup(properties));
    }

    @Context
    @Bean(preDestroy = "close")
    LogtoResourceServer logtoResourceServer(LogtoConfig config) {
        return LogtoResourceServer.create(config);
    }

    /** Reads a property as text; a list (YAML sequence) is joined with commas, the core's list form. */
    static Function<String, String> lookup(PropertyResolver properties) {
        return name -> properties.getProperty(name, Object.class).map(LogtoFactory::text).orElse(null);
    }

    private static String text(Object value) {
        if (value instanceof Collection) {
            StringJoiner joined = new StringJoiner(",");
            for (Object item : (Collection<?>) value) {
                joined.add(String.valueOf(item));
            }
            return joined.toString();
        }
        return value.toString();
    }
}
