package com.example.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.logto.resource.quarkus.test.InjectLogtoTestIssuer;
import io.logto.resource.quarkus.test.LogtoTestResource;
import io.logto.resource.test.LogtoTestIssuer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(LogtoTestResource.class)
class ApiResourceTest {

    @InjectLogtoTestIssuer
    LogtoTestIssuer logto;

    @Test
    void aTokenWithTheScopeIsGranted() {
        String token = logto.globalToken("https://api.example.com").subject("user-7").scopes("read:report").sign();

        given().auth().oauth2(token).get("/api/reports").then().statusCode(200).body("sub", equalTo("user-7"));
    }

    @Test
    void aTokenWithoutTheScopeIsForbidden() {
        String token = logto.globalToken("https://api.example.com").scopes("write:report").sign();

        given().auth().oauth2(token).get("/api/reports").then().statusCode(403);
    }

    @Test
    void noTokenOrAnExpiredOneIsUnauthorized() {
        String expired = logto.globalToken("https://api.example.com").scopes("read:report").expired().sign();

        given().get("/api/reports").then().statusCode(401);
        given().auth().oauth2(expired).get("/api/reports").then().statusCode(401);
    }
}
