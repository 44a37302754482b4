package io.logto.resource.samples.micronaut;

import io.logto.resource.samples.SampleSettings;
import io.micronaut.runtime.Micronaut;
import java.util.Map;

/**
 * Starts the sample API: reads {@code LOGTO_ISSUER}, {@code LOGTO_AUDIENCE} and {@code PORT} (without
 * {@code LOGTO_ISSUER} it runs a local test issuer and prints curl commands to try), hands them to Micronaut
 * as {@code logto.issuer}, {@code logto.audience} and {@code micronaut.server.port}, and runs until stopped.
 */
public final class MicronautSample {

    private MicronautSample() {
    }

    /**
     * Starts the sample and blocks until the JVM stops; exits with status 2 when the environment is incomplete.
     *
     * @param args passed to Micronaut
     */
    public static void main(String[] args) {
        SampleSettings settings;
        try {
            settings = SampleSettings.fromEnvironment();
        } catch (IllegalArgumentException e) {
            System.err.println("Invalid configuration: " + e.getMessage());
            System.exit(2);
            return;
        }
        Micronaut.build(args)
                .mainClass(MicronautSample.class)
                .properties(Map.of(
                        "logto.issuer", settings.issuer(),
                        "logto.audience", settings.audience(),
                        "micronaut.server.port", settings.port()))
                .singletons(settings)
                .start();
    }
}
