package io.logto.resource.micronaut.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.logto.resource.core.LogtoConfig;
import io.logto.resource.test.LogtoTestIssuer;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** The local issuer replaces the configured tenant, and the audience comes from the annotation. */
@MicronautTest
@WithLogtoTestIssuer(audience = "https://reports.example.com")
@Property(name = "logto.endpoint", value = "https://tenant.logto.app")
@Property(name = "logto.audience", value = "https://configured.example.com")
class WithLogtoTestIssuerConfigurationTest {

    @Inject
    LogtoTestIssuer logto;
    @Inject
    LogtoConfig config;
    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void replacesTheConfiguredTenantAndAudience() {
        String token = logto.globalToken("https://reports.example.com").scopes("read:report").sign();

        assertThat(config.issuers()).containsExactly(logto.issuer());
        assertThat(config.jwksUri()).hasValueSatisfying(uri -> assertThat(uri.toString()).isEqualTo(logto.jwksUri()));
        assertThat(config.audiences()).containsExactly("https://reports.example.com");
        assertThat(client.toBlocking().exchange(HttpRequest.GET("/reports").bearerAuth(token), String.class).code())
                .isEqualTo(200);
    }
}
