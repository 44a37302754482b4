package io.logto.resource.spring.test.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.logto.resource.spring.test.AutoConfigureLogtoTestIssuer;
import io.logto.resource.test.LogtoTestIssuer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;

class LogtoTestIssuerContextCustomizerTest {

    @AutoConfigureLogtoTestIssuer(audience = "https://annotated.example.com")
    static class Annotated {
    }

    static class NotAnnotated {
    }

    @Test
    void onlyAnnotatedTestClassesGetAnIssuerAndEqualSettingsShareACachedContext() {
        LogtoTestIssuerContextCustomizerFactory factory = new LogtoTestIssuerContextCustomizerFactory();
        assertThat(factory.createContextCustomizer(NotAnnotated.class, java.util.List.of())).isNull();
        assertThat(factory.createContextCustomizer(Annotated.class, java.util.List.of()))
                .isEqualTo(new LogtoTestIssuerContextCustomizer("https://annotated.example.com"))
                .isNotEqualTo(new LogtoTestIssuerContextCustomizer(""));
    }

    @Test
    void annotatedAudienceWinsOverTheApplicationsAndTheIssuerClosesWithTheContext() throws Exception {
        GenericApplicationContext context = new GenericApplicationContext();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("application",
                Map.of("logto.audience", "https://configured.example.com", "logto.endpoint", "https://tenant.logto.app")));
        new LogtoTestIssuerContextCustomizer("https://annotated.example.com").customizeContext(context, null);
        context.refresh();
        LogtoTestIssuer issuer = context.getBean(LogtoTestIssuer.class);
        assertThat(context.getEnvironment().getProperty("logto.issuer")).isEqualTo(issuer.issuer());
        assertThat(context.getEnvironment().getProperty("logto.audience")).isEqualTo("https://annotated.example.com");
        assertThat(context.getEnvironment().getProperty("logto.endpoint")).isEmpty();
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest jwks = HttpRequest.newBuilder(URI.create(issuer.jwksUri())).build();
        assertThat(client.send(jwks, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);

        context.close();
        assertThat(org.assertj.core.api.Assertions.catchThrowable(
                () -> client.send(jwks, HttpResponse.BodyHandlers.ofString()))).isInstanceOf(java.io.IOException.class);
    }
}
