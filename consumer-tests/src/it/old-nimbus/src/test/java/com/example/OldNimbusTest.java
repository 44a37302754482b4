package com.example;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.logto.resource.core.LogtoConfig;
import io.logto.resource.core.LogtoTokenVerifier;
import org.junit.jupiter.api.Test;

class OldNimbusTest {

    @Test
    void creatingAVerifierFailsNamingTheLibraryTheFoundAndTheMinimumVersion() {
        LogtoConfig config = LogtoConfig.custom()
                .issuer("https://my-tenant.logto.app/oidc")
                .audience("https://api.example.com")
                .build();

        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> LogtoTokenVerifier.create(config).close());

        String message = refused.getMessage();
        assertTrue(message.contains("Nimbus JOSE+JWT 10.4"), message);
        assertTrue(message.contains("needs 10.5 or newer"), message);
        assertTrue(message.contains("com.nimbusds:nimbus-jose-jwt"), message);
    }
}
