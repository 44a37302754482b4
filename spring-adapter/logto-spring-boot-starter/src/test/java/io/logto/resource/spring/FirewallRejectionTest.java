package io.logto.resource.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.logto.resource.test.LogtoTestIssuer;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * URLs Spring Security's {@code StrictHttpFirewall} rejects, sent to a real Tomcat with a valid token: the answer
 * is a plain 400 ({@link LogtoRequestRejectedHandler}), not Spring Boot's error page behind the security chain
 * (which has no token on the error dispatch and so asked for one with a 401).
 */
@SpringBootTest(classes = FirewallRejectionTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FirewallRejectionTest {

    static final String AUDIENCE = "https://api.example.com";
    static final LogtoTestIssuer ISSUER = LogtoTestIssuer.start();

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(App.Endpoints.class)
    static class App {

        @RestController
        static class Endpoints {

            @GetMapping("/api/reports")
            @RequireScopes("read:report")
            Map<String, Object> reports(io.logto.resource.core.VerifiedToken token) {
                return Map.of("sub", token.subject());
            }
        }
    }

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void logtoProperties(DynamicPropertyRegistry registry) {
        registry.add("logto.issuer", ISSUER::issuer);
        registry.add("logto.audience", () -> AUDIENCE);
    }

    @AfterAll
    static void stopIssuer() {
        ISSUER.close();
    }

    @Test
    void theNormalizedUrlWithTheSameTokenIsGranted() throws Exception {
        assertThat(send("/api/reports", token()).status()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"//api/reports", "/api;a=b/reports", "/api/./reports", "/api/../api/reports",
            "/api/%2e/reports"})
    void aUrlTheFirewallRejectsIsABadRequestEvenWithAValidToken(String path) throws Exception {
        Answer answer = send(path, token());
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("WWW-Authenticate")).isNull();
        assertThat(answer.body()).isEmpty();
    }

    @Test
    void aUrlTheFirewallRejectsIsABadRequestWithoutATokenToo() throws Exception {
        assertThat(send("//api/reports", null).status()).isEqualTo(400);
    }

    private static String token() {
        return ISSUER.globalToken(AUDIENCE).scopes("read:report").sign();
    }

    /** Raw HTTP/1.1, so that no client library normalizes the path before it reaches Tomcat. */
    private Answer send(String path, String token) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                    + (token == null ? "" : "Authorization: Bearer " + token + "\r\n") + "\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return Answer.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** A parsed HTTP/1.1 response (the tests' responses are small and not chunked). */
    record Answer(int status, Map<String, String> headers, String body) {

        static Answer parse(String raw) {
            int end = raw.indexOf("\r\n\r\n");
            String[] lines = raw.substring(0, end).split("\r\n");
            Map<String, String> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).strip(), lines[i].substring(colon + 1).strip());
            }
            return new Answer(Integer.parseInt(lines[0].substring(9, 12)), headers, raw.substring(end + 4));
        }

        String header(String name) {
            return headers.get(name);
        }
    }
}
