package io.logto.resource.samples.quarkus;

import io.logto.resource.samples.SampleSettings;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Starts the sample: reads {@code LOGTO_ISSUER}, {@code LOGTO_AUDIENCE} and {@code PORT} (starting a local Logto-shaped
 * issuer when {@code LOGTO_ISSUER} is not set), hands them to Quarkus as {@code quarkus.logto.*} and
 * {@code quarkus.http.port}, and prints ready-to-paste curl commands once the server listens.
 */
@QuarkusMain
public class QuarkusSample implements QuarkusApplication {

    private static SampleSettings settings;

    /**
     * Runs the sample until it is stopped.
     *
     * @param args ignored
     */
    public static void main(String... args) {
        settings = SampleSettings.fromEnvironment();
        System.setProperty("quarkus.logto.issuer", settings.issuer());
        System.setProperty("quarkus.logto.audience", settings.audience());
        System.setProperty("quarkus.http.port", String.valueOf(settings.port()));
        Quarkus.run(QuarkusSample.class, args);
    }

    /** Announces the base URL and curl commands, then waits for shutdown. */
    @Override
    public int run(String... args) {
        if (settings != null) {
            settings.announce("http://127.0.0.1:" + settings.port());
        }
        Quarkus.waitForExit();
        return 0;
    }
}
