package io.logto.resource.samples.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code target/servlet-sample.jar} started with an incomplete environment stops with a clear message. */
class ServletSampleEnvironmentIT {

    @Test
    void anIssuerWithoutAudienceStopsTheJarWithAClearMessage() throws Exception {
        Path output = Files.createTempFile("servlet-sample-invalid", ".log");
        try {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ProcessBuilder builder = new ProcessBuilder(java, "-jar", System.getProperty("sample.jar", "target/servlet-sample.jar"))
                    .redirectErrorStream(true).redirectOutput(output.toFile());
            builder.environment().remove("LOGTO_AUDIENCE");
            builder.environment().put("LOGTO_ISSUER", "http://127.0.0.1:9/oidc");
            builder.environment().put("PORT", String.valueOf(freePort()));
            Process invalid = builder.start();

            assertThat(invalid.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(invalid.exitValue()).isEqualTo(2);
            assertThat(Files.readString(output)).contains("Invalid configuration: LOGTO_AUDIENCE is required with LOGTO_ISSUER");
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
