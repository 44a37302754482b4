package io.logto.resource.benchmarks.http.peer.micronaut;

import io.micronaut.runtime.Micronaut;

/**
 * The peer of the micronaut sample: Micronaut 4 with micronaut-security-jwt (JWKS from {@code <issuer>/jwks},
 * issuer and audience claim validators, roles from the {@code scope} claim) and {@code @Secured} routes in
 * {@link ApiController}. Environment: {@code LOGTO_ISSUER}, {@code LOGTO_AUDIENCE}, {@code PORT}
 * (read by {@code application.yml}).
 */
public final class MicronautPeer {

    private MicronautPeer() {
    }

    /**
     * Starts the peer.
     *
     * @param args passed to Micronaut
     */
    public static void main(String[] args) {
        Micronaut.run(MicronautPeer.class, args);
    }
}
