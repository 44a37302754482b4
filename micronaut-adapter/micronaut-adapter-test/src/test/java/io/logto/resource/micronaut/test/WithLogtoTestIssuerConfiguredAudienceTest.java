package io.logto.resource.micronaut.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.logto.resource.core.LogtoConfig;
import io.logto.resource.test.LogtoTestIssuer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** A tenant configured in the application's own files is replaced by the local issuer; its audience stays. */
@MicronautTest(environments = "tenant", startApplication = false)
@WithLogtoTestIssuer
class WithLogtoTestIssuerConfiguredAudienceTest {

    @Inject
    LogtoConfig config;
    @Inject
    LogtoTestIssuer logto;

    @Test
    void replacesTheConfiguredIssuerAndKeepsTheConfiguredAudience() {
        assertThat(config.issuers()).containsExactly(logto.issuer());
        assertThat(config.audiences()).containsExactly("https://configured.example.com");
    }
}
