package io.logto.resource.quarkus.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * A loopback port for the test issuer, chosen once per JVM. QuarkusUnitTest loads a test class twice (once to
 * configure the application, once in the application's class loader to run the tests), so the port travels through
 * a system property: the configured issuer URL and the issuer started by {@code @BeforeAll} then agree.
 */
final class IssuerPort {

    private static final String PROPERTY = "logto.quarkus.test.issuer-port";

    private IssuerPort() {
    }

    static synchronized int get() {
        String port = System.getProperty(PROPERTY);
        if (port == null) {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = String.valueOf(socket.getLocalPort());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            System.setProperty(PROPERTY, port);
        }
        return Integer.parseInt(port);
    }

    static String issuer() {
        return "http://127.0.0.1:" + get() + "/oidc";
    }
}
