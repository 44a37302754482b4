package io.logto.resource.samples.quarkus;

import static io.restassured.RestAssured.given;

import io.logto.resource.quarkus.test.InjectLogtoTestIssuer;
import io.logto.resource.quarkus.test.LogtoTestResource;
import io.logto.resource.test.LogtoTestIssuer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

// tag::testkit[]
@QuarkusTest
@WithTestResource(LogtoTestResource.class)
class ReadmeTestKitTest {

    @InjectLogtoTestIssuer
    LogtoTestIssuer logto;

    @Test
    void membersOfTheOrganizationMayListItsMembers() {
        String member = logto.organizationToken("org_42").scopes("read:member").sign();
        String stranger = logto.organizationToken("org_7").scopes("read:member").sign();

        given().auth().oauth2(member).get("/api/organizations/org_42/members").then().statusCode(200);
        given().auth().oauth2(stranger).get("/api/organizations/org_42/members").then().statusCode(403);
        given().get("/api/organizations/org_42/members").then().statusCode(401);
    }
}
// end::testkit[]
