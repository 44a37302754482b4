package com.example.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.logto.resource.micronaut.test.WithLogtoTestIssuer;
import io.logto.resource.test.LogtoTestIssuer;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@MicronautTest
@WithLogtoTestIssuer
class ApiControllerTest {

    @Inject
    LogtoTestIssuer logto;

    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void aTokenWithTheScopeIsGranted() {
        String token = logto.globalToken("https://api.example.com").subject("user-7").scopes("read:report").sign();

        HttpResponse<String> response = client.toBlocking()
                .exchange(HttpRequest.GET("/api/reports").bearerAuth(token), String.class);

        assertEquals(200, response.code());
        assertTrue(response.body().contains("user-7"), response.body());
    }

    @Test
    void aTokenWithoutTheScopeIsForbidden() {
        String token = logto.globalToken("https://api.example.com").scopes("write:report").sign();

        assertEquals(403, status(HttpRequest.GET("/api/reports").bearerAuth(token)));
    }

    @Test
    void noTokenOrAnExpiredOneIsUnauthorized() {
        String expired = logto.globalToken("https://api.example.com").scopes("read:report").expired().sign();

        assertEquals(401, status(HttpRequest.GET("/api/reports")));
        assertEquals(401, status(HttpRequest.GET("/api/reports").bearerAuth(expired)));
    }

    private int status(HttpRequest<?> request) {
        return assertThrows(HttpClientResponseException.class, () -> client.toBlocking().exchange(request)).code();
    }
}
