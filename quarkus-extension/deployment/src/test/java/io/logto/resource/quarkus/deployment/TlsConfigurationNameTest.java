package io.logto.resource.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.logto.resource.core.LogtoResourceServer;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code quarkus.logto.tls-configuration-name} gives key requests the named TLS registry configuration's SSLContext. */
class TlsConfigurationNameTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(TestTrustStore.class, IssuerPort.class))
            .overrideConfigKey("quarkus.http.test-port", "0")
            .overrideRuntimeConfigKey("quarkus.logto.issuer", "https://tenant.logto.app/oidc")
            .overrideRuntimeConfigKey("quarkus.logto.audience", "https://api.example.com")
            .overrideRuntimeConfigKey("quarkus.tls.logto-ca.trust-store.p12.path", TestTrustStore.path())
            .overrideRuntimeConfigKey("quarkus.tls.logto-ca.trust-store.p12.password", TestTrustStore.PASSWORD)
            .overrideRuntimeConfigKey("quarkus.logto.tls-configuration-name", "logto-ca");

    @Inject
    LogtoResourceServer logto;

    @Test
    void keyRequestsUseTheNamedTlsConfiguration() {
        assertThat(logto.config().sslContext()).hasValueSatisfying(context ->
                // resolves the registry's context, as the first key request does
                assertThat(context.getSocketFactory().getDefaultCipherSuites()).isNotEmpty());
    }
}
