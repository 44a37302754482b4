package io.logto.resource.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The hand-made pieces hostile tokens are built from are what their names say. */
class JoseTest {

    private static final ECKey KEY = Jose.ecKey(Curve.P_384);

    @Test
    void signsTheExactHeaderAndPayloadTextsGiven() throws Exception {
        String header = "{\"alg\":\"ES384\",\"kid\":\"" + KEY.getKeyID() + "\"}";
        String token = Jose.sign(KEY, JWSAlgorithm.ES384, header, "{\"sub\":\"a\",\"sub\":\"b\"}");

        String[] parts = Jose.parts(token);
        assertThat(Jose.text(parts[0])).isEqualTo(header);
        assertThat(Jose.text(parts[1])).isEqualTo("{\"sub\":\"a\",\"sub\":\"b\"}");
        assertThat(verifies(parts[0] + "." + parts[1], derOf(parts[2]))).isTrue();
    }

    @Test
    void reencodesAValidSignatureAsDerThatTheJdkAccepts() throws Exception {
        String token = Jose.sign(KEY, JWSAlgorithm.ES384, "{\"alg\":\"ES384\"}", "{}");
        String[] parts = Jose.parts(token);

        assertThat(verifies(parts[0] + "." + parts[1], Jose.der(Jose.bytes(parts[2])))).isTrue();
        assertThat(JWSObject.parse(token).verify(new ECDSAVerifier(KEY.toECPublicKey()))).isTrue();
    }

    @Test
    void padsRAndSToAnotherLengthWithoutChangingThem() {
        byte[] signature = Jose.p1363(BigInteger.valueOf(7), BigInteger.valueOf(9), 66);

        assertThat(signature).hasSize(132);
        assertThat(new BigInteger(1, Arrays.copyOf(signature, 66))).isEqualTo(7);
        assertThat(new BigInteger(1, Arrays.copyOfRange(signature, 66, 132))).isEqualTo(9);
    }

    @Test
    void makesAnAttackerCertificateForTheAttackersKey() throws Exception {
        AttackerCertificate attacker = AttackerCertificate.generate();
        String token = Jose.sign(attacker.key(), JWSAlgorithm.ES384, "{\"alg\":\"ES384\"}", "{}");

        assertThat(JWSObject.parse(token).verify(new ECDSAVerifier(attacker.key().toECPublicKey()))).isTrue();
        assertThat(attacker.pem()).startsWith("-----BEGIN CERTIFICATE-----\n");
        assertThat(attacker.key().getKeyID()).isEqualTo(attacker.key().computeThumbprint().toString());
    }

    private static byte[] derOf(String p1363Part) {
        return Jose.der(Jose.bytes(p1363Part));
    }

    private static boolean verifies(String signingInput, byte[] der) throws Exception {
        Signature verifier = Signature.getInstance("SHA384withECDSA");
        verifier.initVerify(KEY.toECPublicKey());
        verifier.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return verifier.verify(der);
    }
}
