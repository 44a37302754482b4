package io.logto.resource.quarkus.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A PKCS#12 trust store holding a freshly made test CA certificate (the JDK's keytool), made once per JVM. Its path
 * travels through a system property because QuarkusUnitTest loads a test class twice (see {@link IssuerPort}).
 */
final class TestTrustStore {

    static final String PASSWORD = "changeit";
    private static final String PROPERTY = "logto.quarkus.test.trust-store";

    private TestTrustStore() {
    }

    static synchronized String path() {
        String path = System.getProperty(PROPERTY);
        if (path == null) {
            try {
                Path store = Files.createTempDirectory("logto-tls").resolve("logto-ca.p12");
                Process keytool = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                        "-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=Test Logto CA",
                        "-ext", "bc:c", "-validity", "2", "-keystore", store.toString(), "-storepass", PASSWORD,
                        "-storetype", "PKCS12")).redirectErrorStream(true).start();
                keytool.getInputStream().readAllBytes();
                if (keytool.waitFor() != 0) {
                    throw new IllegalStateException("keytool failed");
                }
                path = store.toString();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            System.setProperty(PROPERTY, path);
        }
        return path;
    }
}
