package io.logto.resource.micronaut.test.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.logto.resource.micronaut.test.WithLogtoTestIssuer;
import io.logto.resource.test.LogtoTestIssuer;
import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The issuer a test class asked for lives exactly as long as that test's application context. */
class LogtoTestIssuerLifecycleTest {

    private final LogtoTestIssuerPropertyProviderFactory factory = new LogtoTestIssuerPropertyProviderFactory();

    @WithLogtoTestIssuer
    static final class Annotated {
    }

    @Test
    void providesNoPropertiesForTestsWithoutTheAnnotation() {
        assertThat(factory.create(Map.of(), LogtoTestIssuerLifecycleTest.class).getProperties()).isEmpty();
    }

    @Test
    void servesTheIssuerWhileTheContextRunsAndClosesItWithTheContext() {
        Map<String, Object> properties = new HashMap<>(factory.create(Map.of(), Annotated.class).getProperties());
        String jwks = (String) properties.get("logto.jwks-uri");

        try (ApplicationContext context = ApplicationContext.run(properties)) {
            LogtoTestIssuer issuer = context.getBean(LogtoTestIssuer.class);
            assertThat(issuer.jwksUri()).isEqualTo(jwks);
            assertThat(get(jwks)).isEqualTo(200);
        }

        assertThatThrownBy(() -> get(jwks)).isInstanceOf(UncheckedIOException.class);
    }

    private static int get(String uri) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(uri)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
