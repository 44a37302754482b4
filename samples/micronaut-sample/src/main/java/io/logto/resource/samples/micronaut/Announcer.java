package io.logto.resource.samples.micronaut;

import io.logto.resource.samples.SampleSettings;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;

/** Announces the running sample (and, with the local issuer, curl commands to try) once the server listens. */
@Singleton
@Requires(beans = SampleSettings.class)
final class Announcer implements ApplicationEventListener<ServerStartupEvent> {

    private final SampleSettings settings;

    Announcer(SampleSettings settings) {
        this.settings = settings;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        settings.announce("http://127.0.0.1:" + event.getSource().getPort());
    }
}
