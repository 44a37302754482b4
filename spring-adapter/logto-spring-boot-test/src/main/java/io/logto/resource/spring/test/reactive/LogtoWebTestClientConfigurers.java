package io.logto.resource.spring.test.reactive;

import io.logto.resource.test.LogtoTestIssuer;
import java.util.Objects;

/**
 * {@code WebTestClient} configurers that send a real, signed Logto-shaped access token:
 *
 * <pre>{@code
 * client.mutateWith(logtoToken().scopes("read:report")).get().uri("/api/reports").exchange();
 * client.mutateWith(logtoToken().organization("org_1").scopes("read:member")).get().uri("/api/organizations/org_1/members").exchange();
 * client.mutateWith(logtoToken().organizationApi("org_1").scopes("read:project")).get().uri("/api/organizations/org_1/projects").exchange();
 * client.mutateWith(logtoToken().scopes("read:report").customize(TokenBuilder::expired)).get().uri("/api/reports").exchange();
 * }</pre>
 *
 * <p>{@link #logtoToken()} needs the {@code WebTestClient} that Spring Boot builds for the test
 * ({@code @AutoConfigureWebTestClient}) in a context with {@code @AutoConfigureLogtoTestIssuer}.
 */
public final class LogtoWebTestClientConfigurers {

    private LogtoWebTestClientConfigurers() {
    }

    /**
     * A global API token minted by the context's {@link LogtoTestIssuer} bean for the application's primary
     * {@code logto.audience}.
     *
     * @return the configurer; choose the scenario and scopes on it
     */
    public static LogtoTokenWebTestClientConfigurer logtoToken() {
        return new LogtoTokenWebTestClientConfigurer(null);
    }

    /**
     * A global API token minted by a given issuer, for any {@code WebTestClient} (for one not built by Spring
     * Boot, set the audience with {@code .audience(...)}).
     *
     * @param issuer the issuer the application trusts
     * @return the configurer; choose the scenario and scopes on it
     */
    public static LogtoTokenWebTestClientConfigurer logtoToken(LogtoTestIssuer issuer) {
        return new LogtoTokenWebTestClientConfigurer(Objects.requireNonNull(issuer, "issuer"));
    }
}
