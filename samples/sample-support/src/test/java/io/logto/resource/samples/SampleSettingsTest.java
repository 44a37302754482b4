package io.logto.resource.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SampleSettingsTest {

    @Test
    void usesTheTenantFromTheEnvironmentWithoutStartingALocalIssuer() {
        SampleSettings settings = SampleSettings.from(Map.of("LOGTO_ISSUER", "https://t.logto.app/oidc",
                "LOGTO_AUDIENCE", "https://api.acme.test", "PORT", "9090")::get);

        assertThat(settings.usesLocalIssuer()).isFalse();
        assertThat(settings.issuer()).isEqualTo("https://t.logto.app/oidc");
        assertThat(settings.audience()).isEqualTo("https://api.acme.test");
        assertThat(settings.port()).isEqualTo(9090);
    }

    @Test
    void startsALocalIssuerAndOffersCurlCommandsWhenNoIssuerIsSet() {
        SampleSettings settings = SampleSettings.from(Map.<String, String>of()::get);

        assertThat(settings.usesLocalIssuer()).isTrue();
        assertThat(settings.issuer()).startsWith("http://127.0.0.1:").endsWith("/oidc");
        assertThat(settings.audience()).isEqualTo(SampleSettings.DEFAULT_AUDIENCE);
        assertThat(settings.port()).isEqualTo(SampleSettings.DEFAULT_PORT);
        String commands = settings.tryItCommands("http://127.0.0.1:8080");
        assertThat(commands).contains("curl -i -H 'Authorization: Bearer ey")
                .contains("http://127.0.0.1:8080/api/reports")
                .contains("http://127.0.0.1:8080/api/organizations/org_42/members")
                .contains("http://127.0.0.1:8080/api/organizations/org_42/projects")
                .contains("# expect 403").contains("# expect 401");
    }

    @Test
    void refusesAnIssuerWithoutAudience() {
        assertThatThrownBy(() -> SampleSettings.from(Map.of("LOGTO_ISSUER", "https://t.logto.app/oidc")::get))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("LOGTO_AUDIENCE");
    }

    @Test
    void refusesAPortThatIsNotANumber() {
        assertThatThrownBy(() -> SampleSettings.from(Map.of("LOGTO_ISSUER", "https://t.logto.app/oidc",
                "LOGTO_AUDIENCE", "https://api.acme.test", "PORT", "eighty")::get))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PORT");
    }
}
