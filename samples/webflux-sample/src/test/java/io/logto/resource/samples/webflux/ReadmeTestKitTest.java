package io.logto.resource.samples.webflux;

import static io.logto.resource.spring.test.reactive.LogtoWebTestClientConfigurers.logtoToken;

import io.logto.resource.spring.test.AutoConfigureLogtoTestIssuer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

// tag::testkit[]
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@AutoConfigureLogtoTestIssuer
class ReadmeTestKitTest {

    @Autowired
    WebTestClient client;

    @Test
    void membersOfTheOrganizationMayListItsMembers() {
        client.mutateWith(logtoToken().organization("org_42").scopes("read:member"))
                .get().uri("/api/organizations/org_42/members").exchange().expectStatus().isOk();
        client.mutateWith(logtoToken().organization("org_7").scopes("read:member"))
                .get().uri("/api/organizations/org_42/members").exchange().expectStatus().isForbidden();
        client.get().uri("/api/organizations/org_42/members").exchange().expectStatus().isUnauthorized();
    }
}
// end::testkit[]
