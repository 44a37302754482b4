package io.logto.resource.samples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.logto.resource.test.LogtoTestIssuer;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * How {@code java -jar target/spring-sample.jar} reads its environment: it listens on {@code PORT}, trusts
 * {@code LOGTO_ISSUER} for {@code LOGTO_AUDIENCE} and says so once ready; an incomplete environment stops it.
 * (The contract itself is played by {@link SpringSampleIT}.)
 */
class SpringSampleEnvironmentIT {

    static final Duration STARTUP_LIMIT = Duration.ofMinutes(2);

    @Test
    void announcesItselfOnThePortAndTrustsTheIssuerFromTheEnvironment() throws Exception {
        try (LogtoTestIssuer issuer = LogtoTestIssuer.start()) {
            int port = freePort();
            Path log = Files.createTempFile("spring-sample", ".log");
            Process sample = start(log, Map.of("LOGTO_ISSUER", issuer.issuer(), "LOGTO_AUDIENCE", "https://env.example.com",
                    "PORT", Integer.toString(port)));
            try {
                Instant deadline = Instant.now().plus(STARTUP_LIMIT);
                while (!Files.readString(log).contains("Sample API listening on")) {
                    assertThat(sample.isAlive() && Instant.now().isBefore(deadline))
                            .as("the sample starts:\n%s", Files.readString(log)).isTrue();
                    Thread.sleep(200);
                }
                assertThat(Files.readString(log)).contains("Sample API listening on http://127.0.0.1:" + port
                        + " (issuer " + issuer.issuer() + ", audience https://env.example.com)");
                String token = issuer.globalToken("https://env.example.com").scopes("read:report").sign();
                HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/reports"))
                        .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).build();
                assertThat(HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body())
                        .isEqualTo("{\"sub\":\"user-1\"}");
            } finally {
                sample.destroy();
                sample.waitFor();
            }
        }
    }

    @Test
    void anIssuerWithoutAnAudienceStopsTheSampleWithAClearMessage() throws Exception {
        Path log = Files.createTempFile("spring-sample", ".log");
        Process sample = start(log, Map.of("LOGTO_ISSUER", "https://tenant.logto.app/oidc", "PORT", Integer.toString(freePort())));
        assertThat(sample.waitFor(STARTUP_LIMIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(sample.exitValue()).isNotZero();
        assertThat(Files.readString(log)).contains("LOGTO_AUDIENCE is required with LOGTO_ISSUER");
    }

    private static Process start(Path log, Map<String, String> environment) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("sample.jar", "target/spring-sample.jar"))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().remove("LOGTO_ISSUER");
        builder.environment().remove("LOGTO_AUDIENCE");
        builder.environment().putAll(environment);
        return builder.start();
    }

    private static int freePort() throws Exception {
        try (ServerSocket free = new ServerSocket(0)) {
            return free.getLocalPort();
        }
    }
}
