package io.logto.resource.spring.test;

import io.logto.resource.core.LogtoResourceServer;
import io.logto.resource.spring.test.internal.TokenRecipe;
import io.logto.resource.test.LogtoTestIssuer;
import io.logto.resource.test.TokenBuilder;
import java.util.function.Consumer;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * Adds {@code Authorization: Bearer <token>} to a MockMvc request, the token signed by a
 * {@link LogtoTestIssuer} when the request is built. Defaults: a global API token for the application's
 * primary {@code logto.audience}, subject {@code user-1}, no scopes. Not thread-safe; build one per request.
 */
public final class LogtoTokenRequestPostProcessor implements RequestPostProcessor {

    private final LogtoTestIssuer issuer;
    private final TokenRecipe recipe = new TokenRecipe();

    LogtoTokenRequestPostProcessor(LogtoTestIssuer issuer) {
        this.issuer = issuer;
    }

    /**
     * Grants these scopes (the {@code scope} claim).
     *
     * @param scopes scope names
     * @return this post-processor
     */
    public LogtoTokenRequestPostProcessor scopes(String... scopes) {
        recipe.scopes(scopes);
        return this;
    }

    /**
     * Sets the subject ({@code sub}).
     *
     * @param subject the user or application id; default {@code user-1}
     * @return this post-processor
     */
    public LogtoTokenRequestPostProcessor subject(String subject) {
        recipe.subject(subject);
        return this;
    }

    /**
     * Mints an organization token ({@code aud} = {@code urn:logto:organization:<id>}) instead of a global one.
     *
     * @param organizationId the organization
     * @return this post-processor
     */
    public LogtoTokenRequestPostProcessor organization(String organizationId) {
        recipe.organization(organizationId);
        return this;
    }

    /**
     * Mints an organization-level API token ({@code aud} = the API, {@code organization_id} = the organization).
     *
     * @param organizationId the organization
     * @return this post-processor
     */
    public LogtoTokenRequestPostProcessor organizationApi(String organizationId) {
        recipe.organizationApi(organizationId);
        return this;
    }

    /**
     * Sets the API resource indicator the token is for, instead of the application's primary {@code logto.audience}.
     *
     * @param audience the audience
     * @return this post-processor
     */
    public LogtoTokenRequestPostProcessor audience(String audience) {
        recipe.audience(audience);
        return this;
    }

    /**
     * Changes the token further before it is signed, e.g. {@code customize(TokenBuilder::expired)} or
     * {@code customize(t -> t.claim("client_id", "m2m-app"))}.
     *
     * @param customization applied to the token builder after the settings above
     * @return this post-processor
     */
    public LogtoTokenRequestPostProcessor customize(Consumer<TokenBuilder> customization) {
        recipe.customize(customization);
        return this;
    }

    /**
     * Signs the token and adds the header.
     *
     * @throws IllegalStateException when no issuer or audience can be found in the test's application context
     */
    @Override
    public MockHttpServletRequest postProcessRequest(MockHttpServletRequest request) {
        WebApplicationContext context = WebApplicationContextUtils.getWebApplicationContext(request.getServletContext());
        LogtoTestIssuer minter = issuer != null ? issuer : bean(context, LogtoTestIssuer.class,
                "annotate the test class with @AutoConfigureLogtoTestIssuer, or pass an issuer to logtoToken(issuer)");
        String api = recipe.hasAudience() ? null : bean(context, LogtoResourceServer.class,
                "the application has no LogtoResourceServer; set the audience with .audience(...)").config().audiences().get(0);
        request.addHeader(HttpHeaders.AUTHORIZATION, "Bearer " + recipe.sign(minter, api));
        return request;
    }

    private static <T> T bean(WebApplicationContext context, Class<T> type, String hint) {
        T bean = context == null ? null : context.getBeanProvider(type).getIfAvailable();
        if (bean == null) {
            throw new IllegalStateException("logtoToken() found no " + type.getSimpleName() + " in the test's "
                    + "application context: " + hint);
        }
        return bean;
    }
}
