package io.logto.resource.core;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keys fetched over HTTPS from a JWKS server whose certificate comes from a private CA, made here with the
 * JDK's keytool: trusted through {@link LogtoConfig.Builder#sslContext}, refused (KEYS_UNAVAILABLE, fast)
 * with the JDK's default trust store.
 */
class TlsKeyFetchTest {

    private static final String PASSWORD = "changeit";

    @TempDir
    static Path dir;

    private static WireMockServer https;
    private static SSLContext trustingTheCa;

    @BeforeAll
    static void startHttpsJwksServer() throws Exception {
        Path ca = dir.resolve("ca.p12");
        Path server = dir.resolve("server.p12");
        Path caCert = dir.resolve("ca.pem");
        Path request = dir.resolve("server.csr");
        Path signed = dir.resolve("server.pem");
        keytool("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=Test Logto CA",
                "-ext", "bc:c", "-validity", "2", "-keystore", ca.toString(), "-storepass", PASSWORD, "-storetype", "PKCS12");
        keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", ca.toString(), "-storepass", PASSWORD,
                "-file", caCert.toString());
        keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1",
                "-validity", "2", "-keystore", server.toString(), "-storepass", PASSWORD, "-storetype", "PKCS12");
        keytool("-certreq", "-alias", "server", "-keystore", server.toString(), "-storepass", PASSWORD,
                "-file", request.toString());
        keytool("-gencert", "-alias", "ca", "-keystore", ca.toString(), "-storepass", PASSWORD, "-infile", request.toString(),
                "-outfile", signed.toString(), "-rfc", "-validity", "2", "-ext", "SAN=ip:127.0.0.1,dns:localhost");
        keytool("-importcert", "-noprompt", "-alias", "ca", "-file", caCert.toString(), "-keystore", server.toString(),
                "-storepass", PASSWORD);
        keytool("-importcert", "-alias", "server", "-file", signed.toString(), "-keystore", server.toString(),
                "-storepass", PASSWORD);

        https = new WireMockServer(WireMockConfiguration.options().httpDisabled(true).httpsPort(0)
                .bindAddress("127.0.0.1").keystorePath(server.toString()).keystorePassword(PASSWORD)
                .keyManagerPassword(PASSWORD).keystoreType("PKCS12"));
        https.start();
        https.stubFor(get(urlEqualTo("/oidc/jwks")).willReturn(JwksServer.json(TestKeys.jwks(TestKeys.ES384))));

        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(caCert)) {
            trust.setCertificateEntry("ca", java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        trustingTheCa = SSLContext.getInstance("TLS");
        trustingTheCa.init(null, factory.getTrustManagers(), null);
    }

    @AfterAll
    static void stop() {
        if (https != null) {
            https.stop();
        }
    }

    private static String issuer() {
        return "https://127.0.0.1:" + https.httpsPort() + "/oidc";
    }

    private static LogtoConfig.Builder config() {
        return LogtoConfig.custom().issuer(issuer()).audience(JwksServer.AUDIENCE).discovery(false)
                .connectTimeout(Duration.ofSeconds(2)).readTimeout(Duration.ofSeconds(3));
    }

    private static String token() {
        return TestKeys.sign(TestKeys.ES384, new com.nimbusds.jwt.JWTClaimsSet.Builder().issuer(issuer()).subject("user-1")
                .audience(JwksServer.AUDIENCE).issueTime(new java.util.Date())
                .expirationTime(new java.util.Date(System.currentTimeMillis() + 3_600_000)).claim("scope", "read:report")
                .build());
    }

    @Test
    void fetchesKeysOverHttpsFromAPrivateCaWhenTrusted() {
        try (LogtoTokenVerifier verifier = LogtoTokenVerifier.create(config().sslContext(trustingTheCa).build())) {
            VerificationResult result = verifier.verify(token());
            assertThat(result.isVerified()).as("rejection %s", result.rejection()).isTrue();
            assertThat(verifier.status().isReady()).isTrue();
        }
    }

    @Test
    void refusesWithKeysUnavailableAndTheTlsReasonWhenTheCaIsNotTrusted() {
        try (LogtoTokenVerifier verifier = LogtoTokenVerifier.create(config().build())) {
            VerificationResult result = verifier.verify(token());
            assertThat(result.rejection().orElseThrow().reason()).isEqualTo(RejectionReason.KEYS_UNAVAILABLE);
            assertThat(verifier.status().isReady()).isFalse();
            assertThat(verifier.status().lastFetchError()).hasValueSatisfying(error ->
                    assertThat(error).contains("SSLHandshakeException"));
        }
    }

    private static void keytool(String... args) throws IOException, InterruptedException, GeneralSecurityException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new GeneralSecurityException("keytool " + String.join(" ", args) + " failed: " + output);
        }
    }
}
