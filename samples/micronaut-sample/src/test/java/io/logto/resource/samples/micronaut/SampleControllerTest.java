package io.logto.resource.samples.micronaut;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.logto.resource.micronaut.test.WithLogtoTestIssuer;
import io.logto.resource.test.LogtoTestIssuer;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * The sample's endpoints tested the way a Micronaut user tests theirs: {@code @MicronautTest} with the adapter's
 * {@link WithLogtoTestIssuer} test support and real tokens of chosen scopes.
 */
@MicronautTest
@WithLogtoTestIssuer
class SampleControllerTest {

    private static final String AUDIENCE = WithLogtoTestIssuer.DEFAULT_AUDIENCE;

    @Inject
    LogtoTestIssuer logto;
    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void publicNeedsNothing() {
        assertThat(exchange(HttpRequest.GET("/api/public")).code()).isEqualTo(200);
    }

    @Test
    void reportsNeedAGlobalTokenWithTheirScope() {
        String reader = logto.globalToken(AUDIENCE).subject("user-1").scopes("read:report").sign();
        String writer = logto.globalToken(AUDIENCE).subject("user-2").scopes("write:report").sign();

        assertThat(exchange(HttpRequest.GET("/api/reports").bearerAuth(reader)).body()).isEqualTo("{\"sub\":\"user-1\"}");
        assertThat(exchange(HttpRequest.POST("/api/reports", "").bearerAuth(writer)).body()).isEqualTo("{\"sub\":\"user-2\"}");
        assertInsufficientScope(HttpRequest.GET("/api/reports").bearerAuth(writer), "read:report");
        assertInsufficientScope(HttpRequest.POST("/api/reports", "").bearerAuth(reader), "write:report");
    }

    @Test
    void membersNeedAnOrganizationTokenForThePathsOrganization() {
        String member = logto.organizationToken("org_42").subject("user-3").scopes("read:member", "invite:member").sign();
        String otherOrganization = logto.organizationToken("org_7").scopes("read:member").sign();

        assertThat(exchange(HttpRequest.GET("/api/organizations/org_42/members").bearerAuth(member)).body())
                .isEqualTo("{\"organizationId\":\"org_42\",\"sub\":\"user-3\"}");
        assertThat(exchange(HttpRequest.POST("/api/organizations/org_42/members", "").bearerAuth(member)).code())
                .isEqualTo(200);
        assertInsufficientScope(HttpRequest.GET("/api/organizations/org_42/members").bearerAuth(otherOrganization), "read:member");
    }

    @Test
    void projectsNeedAnOrganizationLevelApiToken() {
        String project = logto.organizationApiToken(AUDIENCE, "org_42").subject("user-4").scopes("read:project").sign();
        String global = logto.globalToken(AUDIENCE).scopes("read:project").sign();

        assertThat(exchange(HttpRequest.GET("/api/organizations/org_42/projects").bearerAuth(project)).body())
                .isEqualTo("{\"organizationId\":\"org_42\",\"sub\":\"user-4\"}");
        assertInsufficientScope(HttpRequest.GET("/api/organizations/org_42/projects").bearerAuth(global), "read:project");
    }

    @Test
    void noTokenIsAnsweredWith401AndTheResourceMetadata() {
        HttpClientResponseException refused = refused(HttpRequest.GET("/api/reports"));

        assertThat(refused.getStatus().getCode()).isEqualTo(401);
        assertThat(refused.getResponse().getHeaders().get("WWW-Authenticate"))
                .startsWith("Bearer").contains("resource_metadata=").doesNotContain("error=");
    }

    @Test
    void anExpiredTokenIsAnsweredWith401InvalidToken() {
        String expired = logto.globalToken(AUDIENCE).scopes("read:report").expired().sign();

        HttpClientResponseException refused = refused(HttpRequest.GET("/api/reports").bearerAuth(expired));

        assertThat(refused.getStatus().getCode()).isEqualTo(401);
        assertThat(refused.getResponse().getHeaders().get("WWW-Authenticate")).contains("error=\"invalid_token\"");
    }

    @Test
    void metadataListsTheScopesOfTheEndpoints() {
        assertThat(exchange(HttpRequest.GET("/.well-known/oauth-protected-resource")).body())
                .contains("\"scopes_supported\":[\"invite:member\",\"read:member\",\"read:project\",\"read:report\",\"write:report\"]");
    }

    private HttpResponse<String> exchange(MutableHttpRequest<?> request) {
        return client.toBlocking().exchange(request, String.class);
    }

    private HttpClientResponseException refused(MutableHttpRequest<?> request) {
        return catchThrowableOfType(HttpClientResponseException.class, () -> exchange(request));
    }

    private void assertInsufficientScope(MutableHttpRequest<?> request, String scope) {
        HttpClientResponseException refused = refused(request);
        assertThat(refused.getStatus().getCode()).isEqualTo(403);
        assertThat(refused.getResponse().getHeaders().get("WWW-Authenticate"))
                .contains("error=\"insufficient_scope\"", "scope=\"" + scope + "\"");
    }
}
