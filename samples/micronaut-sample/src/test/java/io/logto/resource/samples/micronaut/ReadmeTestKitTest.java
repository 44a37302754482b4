package io.logto.resource.samples.micronaut;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.logto.resource.micronaut.test.WithLogtoTestIssuer;
import io.logto.resource.test.LogtoTestIssuer;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

// tag::testkit[]
@MicronautTest
@WithLogtoTestIssuer
class ReadmeTestKitTest {

    @Inject
    LogtoTestIssuer logto;

    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void membersOfTheOrganizationMayListItsMembers() {
        String member = logto.organizationToken("org_42").scopes("read:member").sign();
        String stranger = logto.organizationToken("org_7").scopes("read:member").sign();

        assertThat(client.toBlocking().exchange(HttpRequest.GET("/api/organizations/org_42/members").bearerAuth(member))
                .code()).isEqualTo(200);
        assertThat(catchThrowableOfType(HttpClientResponseException.class, () -> client.toBlocking()
                .exchange(HttpRequest.GET("/api/organizations/org_42/members").bearerAuth(stranger))).code()).isEqualTo(403);
    }
}
// end::testkit[]
