package io.logto.resource.spring.test;

import io.logto.resource.test.LogtoTestIssuer;
import java.util.Objects;

/**
 * MockMvc request post-processors that send a real, signed Logto-shaped access token:
 *
 * <pre>{@code
 * mvc.perform(get("/api/reports").with(logtoToken().scopes("read:report")));
 * mvc.perform(get("/api/organizations/org_1/members").with(logtoToken().organization("org_1").scopes("read:member")));
 * mvc.perform(get("/api/organizations/org_1/projects").with(logtoToken().organizationApi("org_1").scopes("read:project")));
 * mvc.perform(get("/api/reports").with(logtoToken().scopes("read:report").customize(TokenBuilder::expired)));
 * }</pre>
 */
public final class LogtoRequestPostProcessors {

    private LogtoRequestPostProcessors() {
    }

    /**
     * A global API token minted by the context's {@link LogtoTestIssuer} bean (see
     * {@link AutoConfigureLogtoTestIssuer}) for the application's primary {@code logto.audience}.
     *
     * @return the post-processor; choose the scenario and scopes on it
     */
    public static LogtoTokenRequestPostProcessor logtoToken() {
        return new LogtoTokenRequestPostProcessor(null);
    }

    /**
     * A global API token minted by a given issuer for the application's primary {@code logto.audience}.
     *
     * @param issuer the issuer the application trusts
     * @return the post-processor; choose the scenario and scopes on it
     */
    public static LogtoTokenRequestPostProcessor logtoToken(LogtoTestIssuer issuer) {
        return new LogtoTokenRequestPostProcessor(Objects.requireNonNull(issuer, "issuer"));
    }
}
