package io.logto.resource.spring.test.internal;

import io.logto.resource.test.LogtoTestIssuer;
import io.logto.resource.test.TokenBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What a test asked for in {@code logtoToken()}: the scenario, organization, audience, subject, scopes and
 * customizations, signed by a {@link LogtoTestIssuer} on demand. Shared by the MockMvc post-processor and the
 * WebTestClient configurer. Not thread-safe.
 */
public final class TokenRecipe {

    private enum Scenario { GLOBAL, ORGANIZATION, ORGANIZATION_API }

    private Scenario scenario = Scenario.GLOBAL;
    private String organizationId;
    private String audience;
    private String subject;
    private String[] scopes = new String[0];
    private final List<Consumer<TokenBuilder>> customizations = new ArrayList<>();

    /** Creates a recipe for a global API token without scopes. */
    public TokenRecipe() {
    }

    /**
     * Sets the scopes.
     *
     * @param scopes scope names
     */
    public void scopes(String... scopes) {
        this.scopes = scopes.clone();
    }

    /**
     * Sets the subject.
     *
     * @param subject the subject; default {@code user-1}
     */
    public void subject(String subject) {
        this.subject = Objects.requireNonNull(subject, "subject");
    }

    /**
     * Asks for an organization token.
     *
     * @param organizationId the organization
     */
    public void organization(String organizationId) {
        this.scenario = Scenario.ORGANIZATION;
        this.organizationId = Objects.requireNonNull(organizationId, "organizationId");
    }

    /**
     * Asks for an organization-level API token.
     *
     * @param organizationId the organization
     */
    public void organizationApi(String organizationId) {
        this.scenario = Scenario.ORGANIZATION_API;
        this.organizationId = Objects.requireNonNull(organizationId, "organizationId");
    }

    /**
     * Sets the API resource indicator, instead of the application's.
     *
     * @param audience the audience
     */
    public void audience(String audience) {
        this.audience = Objects.requireNonNull(audience, "audience");
    }

    /**
     * Adds a change applied to the token builder after the settings above.
     *
     * @param customization the change
     */
    public void customize(Consumer<TokenBuilder> customization) {
        customizations.add(Objects.requireNonNull(customization, "customization"));
    }

    /** Whether an audience was set explicitly. */
    public boolean hasAudience() {
        return audience != null;
    }

    /**
     * Signs the token.
     *
     * @param issuer          the issuer that signs
     * @param defaultAudience the application's primary audience, used unless one was set
     * @return the compact token
     */
    public String sign(LogtoTestIssuer issuer, String defaultAudience) {
        String api = audience != null ? audience : defaultAudience;
        TokenBuilder token = switch (scenario) {
            case GLOBAL -> issuer.globalToken(api);
            case ORGANIZATION -> issuer.organizationToken(organizationId);
            case ORGANIZATION_API -> issuer.organizationApiToken(api, organizationId);
        };
        if (subject != null) {
            token.subject(subject);
        }
        token.scopes(scopes);
        customizations.forEach(customization -> customization.accept(token));
        return token.sign();
    }
}
