package io.logto.resource.spring.internal;

import java.util.List;
import java.util.function.Function;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * The property lookup handed to {@code LogtoConfig.fromProperties}: reads one property through Spring
 * Boot's {@link Binder}, so relaxed names ({@code LOGTO_CLOCK_SKEW}, {@code logto.clockSkew}), placeholders
 * and YAML lists ({@code audience: [a, b]}, joined with commas) work. It only finds values; parsing and
 * checking them is the core's job.
 */
public final class LogtoPropertyLookup {

    private LogtoPropertyLookup() {
    }

    /**
     * A lookup over an environment.
     *
     * @param environment the application's environment
     * @return a function from a full property name (e.g. {@code logto.clock-skew}) to its text, or null
     */
    public static Function<String, String> of(Environment environment) {
        Binder binder = Binder.get(environment);
        return name -> binder.bind(name, Bindable.of(String.class))
                .orElseGet(() -> binder.bind(name, Bindable.listOf(String.class))
                        .map(LogtoPropertyLookup::join)
                        .orElse(null));
    }

    private static String join(List<String> values) {
        return String.join(",", values);
    }
}
