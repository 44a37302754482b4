package io.logto.resource.spring.test.reactive;

import io.logto.resource.spring.test.internal.TokenRecipe;
import io.logto.resource.spring.test.reactive.internal.LogtoTestIssuerBinding;
import io.logto.resource.test.LogtoTestIssuer;
import io.logto.resource.test.TokenBuilder;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.reactive.server.WebTestClientConfigurer;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;

/**
 * Sets {@code Authorization: Bearer <token>} on the requests of a mutated {@code WebTestClient}, the token
 * signed by a {@link LogtoTestIssuer} when {@code mutateWith(...)} applies it. Defaults: a global API token for
 * the application's primary {@code logto.audience}, subject {@code user-1}, no scopes. Not thread-safe; build
 * one per client.
 */
public final class LogtoTokenWebTestClientConfigurer implements WebTestClientConfigurer {

    private final LogtoTestIssuer issuer;
    private final TokenRecipe recipe = new TokenRecipe();

    LogtoTokenWebTestClientConfigurer(LogtoTestIssuer issuer) {
        this.issuer = issuer;
    }

    /**
     * Grants these scopes (the {@code scope} claim).
     *
     * @param scopes scope names
     * @return this configurer
     */
    public LogtoTokenWebTestClientConfigurer scopes(String... scopes) {
        recipe.scopes(scopes);
        return this;
    }

    /**
     * Sets the subject ({@code sub}).
     *
     * @param subject the user or application id; default {@code user-1}
     * @return this configurer
     */
    public LogtoTokenWebTestClientConfigurer subject(String subject) {
        recipe.subject(subject);
        return this;
    }

    /**
     * Mints an organization token ({@code aud} = {@code urn:logto:organization:<id>}) instead of a global one.
     *
     * @param organizationId the organization
     * @return this configurer
     */
    public LogtoTokenWebTestClientConfigurer organization(String organizationId) {
        recipe.organization(organizationId);
        return this;
    }

    /**
     * Mints an organization-level API token ({@code aud} = the API, {@code organization_id} = the organization).
     *
     * @param organizationId the organization
     * @return this configurer
     */
    public LogtoTokenWebTestClientConfigurer organizationApi(String organizationId) {
        recipe.organizationApi(organizationId);
        return this;
    }

    /**
     * Sets the API resource indicator the token is for, instead of the application's primary {@code logto.audience}.
     *
     * @param audience the audience
     * @return this configurer
     */
    public LogtoTokenWebTestClientConfigurer audience(String audience) {
        recipe.audience(audience);
        return this;
    }

    /**
     * Changes the token further before it is signed, e.g. {@code customize(TokenBuilder::expired)}.
     *
     * @param customization applied to the token builder after the settings above
     * @return this configurer
     */
    public LogtoTokenWebTestClientConfigurer customize(Consumer<TokenBuilder> customization) {
        recipe.customize(customization);
        return this;
    }

    /**
     * Signs the token and sets it as the client's default {@code Authorization} header (replacing any earlier
     * Logto token of the same client).
     *
     * @throws IllegalStateException when no issuer or audience can be found for the client
     */
    @Override
    public void afterConfigurerAdded(WebTestClient.Builder builder, WebHttpHandlerBuilder httpHandlerBuilder,
                                     ClientHttpConnector connector) {
        AtomicReference<LogtoTestIssuerBinding> binding = new AtomicReference<>();
        builder.filters(filters -> filters.stream().filter(LogtoTestIssuerBinding.class::isInstance).findFirst()
                .ifPresent(found -> binding.set((LogtoTestIssuerBinding) found)));
        if (binding.get() == null && (issuer == null || !recipe.hasAudience())) {
            throw new IllegalStateException("logtoToken() found no Logto test issuer for this WebTestClient: use the "
                    + "WebTestClient of a Spring Boot test with @AutoConfigureWebTestClient and @AutoConfigureLogtoTestIssuer, "
                    + "or pass an issuer to logtoToken(issuer) and set .audience(...)");
        }
        LogtoTestIssuer minter = issuer != null ? issuer : binding.get().issuer();
        String audience = recipe.hasAudience() ? null : binding.get().audience();
        String token = recipe.sign(minter, audience);
        builder.defaultHeaders(headers -> headers.set(HttpHeaders.AUTHORIZATION, "Bearer " + token));
    }
}
