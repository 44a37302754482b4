package io.logto.resource.spring.test;

import io.logto.resource.core.LogtoResourceServer;
import io.logto.resource.test.LogtoTestIssuer;
import io.logto.resource.test.TokenBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
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

    private enum Scenario { GLOBAL, ORGANIZATION, ORGANIZATION_API }

    private final LogtoTestIssuer issuer;
    private Scenario scenario = Scenario.GLOBAL;
    private String organizationId;
    private String audience;
    private String subject;
    private String[] scopes = new String[0];
    private final List<Consumer<TokenBuilder>> customizations = new ArrayList<>();

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
        this.scopes = scopes.clone();
        return this;
    }

    /**
     * Sets the subject ({@code sub}).
     *
     * @param subject the user or application id; default {@code user-1}
     * @return this post-processor
     */
    public LogtoTokenRequestPostProcessor subject(String subject) {
        this.subject = Objects.requireNonNull(subject, "subject");
        return this;
    }

    /**
     * Mints an organization token ({@code aud} = {@code urn:logto:organization:<id>}) instead of a global one.
     *
     * @param organizationId the organization
     * @return this post-processor
     */
    public LogtoTokenRequestPostProcessor organization(String organizationId) {
        this.scenario = Scenario.ORGANIZATION;
        this.organizationId = Objects.requireNonNull(organizationId, "organizationId");
        return this;
    }

    /**
     * Mints an organization-level API token ({@code aud} = the API, {@code organization_id} = the organization).
     *
     * @param organizationId the organization
     * @return this post-processor
     */
    public LogtoTokenRequestPostProcessor organizationApi(String organizationId) {
        this.scenario = Scenario.ORGANIZATION_API;
        this.organizationId = Objects.requireNonNull(organizationId, "organizationId");
        return this;
    }

    /**
     * Sets the API resource indicator the token is for, instead of the application's primary {@code logto.audience}.
     *
     * @param audience the audience
     * @return this post-processor
     */
    public LogtoTokenRequestPostProcessor audience(String audience) {
        this.audience = Objects.requireNonNull(audience, "audience");
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
        customizations.add(Objects.requireNonNull(customization, "customization"));
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
        String api = audience != null ? audience : bean(context, LogtoResourceServer.class,
                "the application has no LogtoResourceServer; set the audience with .audience(...)").config().audiences().get(0);
        TokenBuilder token = switch (scenario) {
            case GLOBAL -> minter.globalToken(api);
            case ORGANIZATION -> minter.organizationToken(organizationId);
            case ORGANIZATION_API -> minter.organizationApiToken(api, organizationId);
        };
        if (subject != null) {
            token.subject(subject);
        }
        token.scopes(scopes);
        customizations.forEach(customization -> customization.accept(token));
        request.addHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token.sign());
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
