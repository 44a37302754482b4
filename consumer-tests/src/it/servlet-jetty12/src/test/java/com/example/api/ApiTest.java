package com.example.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.logto.resource.test.LogtoTestIssuer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ApiTest {

    static final String AUDIENCE = "https://api.example.com";
    static LogtoTestIssuer logto;
    static Server server;
    static URI reports;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        logto = LogtoTestIssuer.start();
        server = Api.server(0, logto.issuer(), AUDIENCE);
        server.start();
        reports = URI.create("http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort()
                + "/api/reports");
    }

    @AfterAll
    static void stop() throws Exception {
        server.stop();
        logto.close();
    }

    @Test
    void aTokenWithTheScopeIsGranted() throws Exception {
        HttpResponse<String> response = get(logto.globalToken(AUDIENCE).subject("user-7").scopes("read:report").sign());

        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("user-7"), response.body());
    }

    @Test
    void aTokenWithoutTheScopeIsForbidden() throws Exception {
        HttpResponse<String> response = get(logto.globalToken(AUDIENCE).scopes("write:report").sign());

        assertEquals(403, response.statusCode());
        assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").contains("insufficient_scope"));
    }

    @Test
    void noTokenOrAnExpiredOneIsUnauthorized() throws Exception {
        assertEquals(401, get(null).statusCode());
        assertEquals(401, get(logto.globalToken(AUDIENCE).scopes("read:report").expired().sign()).statusCode());
    }

    private HttpResponse<String> get(String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(reports);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
