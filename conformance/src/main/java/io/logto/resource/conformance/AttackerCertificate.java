package io.logto.resource.conformance;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.util.Base64;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * An attacker's self-signed P-384 certificate and its private key, made for this run with the JDK's
 * {@code keytool} (the JDK has no public API for certificates), for tokens whose {@code x5c} or
 * {@code x5u} header offers the attacker's own key.
 */
final class AttackerCertificate {

    private final ECKey key;
    private final X509Certificate certificate;

    private AttackerCertificate(ECKey key, X509Certificate certificate) {
        this.key = key;
        this.certificate = certificate;
    }

    /** Generates the key pair and certificate with {@code keytool}. */
    static AttackerCertificate generate() {
        Path directory = null;
        try {
            directory = Files.createTempDirectory("attacker");
            Path store = directory.resolve("attacker.p12");
            char[] password = "attacker".toCharArray();
            Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                    "-genkeypair", "-alias", "attacker", "-keyalg", "EC", "-groupname", "secp384r1",
                    "-sigalg", "SHA384withECDSA", "-dname", "CN=attacker.example", "-validity", "2",
                    "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", "attacker", "-keypass", "attacker")
                    .redirectErrorStream(true).start();
            String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(store)) {
                keyStore.load(in, password);
            }
            X509Certificate certificate = (X509Certificate) keyStore.getCertificate("attacker");
            ECKey key = new ECKey.Builder(Curve.P_384, (ECPublicKey) certificate.getPublicKey())
                    .privateKey((ECPrivateKey) keyStore.getKey("attacker", password))
                    .keyIDFromThumbprint().build();
            return new AttackerCertificate(key, certificate);
        } catch (IOException | GeneralSecurityException | JOSEException e) {
            throw new IllegalStateException("could not make the attacker's certificate", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            deleteQuietly(directory);
        }
    }

    /** The attacker's key pair, its {@code kid} the thumbprint. */
    ECKey key() {
        return key;
    }

    /** The certificate as an {@code x5c} entry: standard base64 of the DER encoding. */
    String x5c() {
        try {
            return Base64.getEncoder().encodeToString(certificate.getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The certificate in PEM, as an {@code x5u} URL would serve it. */
    String pem() {
        return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(
                Base64.getDecoder().decode(x5c())) + "\n-----END CERTIFICATE-----\n";
    }

    private static void deleteQuietly(Path directory) {
        if (directory == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }
}
