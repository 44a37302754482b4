package io.logto.resource.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import io.logto.resource.core.SignatureProvider;
import io.logto.resource.core.Wycheproof;
import java.security.KeyFactory;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Project Wycheproof ECDSA (P1363, as JWS encodes it) and RSA PKCS#1 v1.5 vectors, run through the
 * exact verifiers the core uses ({@link NimbusSignatures#verifierFor}) with every provider choice.
 * Every {@code valid} vector must verify and every {@code invalid} one must not.
 */
class SignatureVectorTest {

    @ParameterizedTest
    @EnumSource(SignatureProvider.class)
    void ecdsaP384Sha384(SignatureProvider provider) throws Exception {
        assertVectors("ecdsa_secp384r1_sha384_p1363_test.json", provider, Curve.P_384, JWSAlgorithm.ES384, 280);
    }

    @ParameterizedTest
    @EnumSource(SignatureProvider.class)
    void ecdsaP256Sha256(SignatureProvider provider) throws Exception {
        assertVectors("ecdsa_secp256r1_sha256_p1363_test.json", provider, Curve.P_256, JWSAlgorithm.ES256, 262);
    }

    @ParameterizedTest
    @EnumSource(SignatureProvider.class)
    void rsaPkcs1Sha256(SignatureProvider provider) throws Exception {
        assertVectors("rsa_signature_2048_sha256_test.json", provider, null, JWSAlgorithm.RS256, 259);
    }

    private static void assertVectors(String file, SignatureProvider provider, Curve curve, JWSAlgorithm alg,
                                      int expectedCount) throws Exception {
        NimbusSignatures signatures = new NimbusSignatures(provider);
        List<String> falseAccepts = new ArrayList<>();
        List<String> falseRejects = new ArrayList<>();
        int count = 0;
        int groupIndex = 0;
        for (Map<String, Object> group : Wycheproof.groups(file)) {
            JWK key = key(group, curve, "k" + groupIndex++);
            for (Map<String, Object> test : Wycheproof.tests(group)) {
                count++;
                boolean verified = verify(signatures, key, alg, Wycheproof.hex(test.get("msg")), Wycheproof.hex(test.get("sig")));
                String result = (String) test.get("result");
                String label = "tcId " + test.get("tcId") + " (" + test.get("comment") + ")";
                if (result.equals("invalid") && verified) {
                    falseAccepts.add(label);
                } else if (result.equals("valid") && !verified) {
                    falseRejects.add(label);
                }
            }
        }
        assertThat(count).isEqualTo(expectedCount);
        assertThat(falseAccepts).as("invalid signatures accepted with %s", signatures.describe()).isEmpty();
        if (provider == SignatureProvider.JDK && curve != null && Runtime.version().feature() < 21) {
            // The JDK 17 ECDSA provider refuses the two valid edge cases where r = x mod n with x >= n
            // (probability about 2^-128 for real signatures): correct tokens are never accepted wrongly,
            // but this is one reason SignatureProvider.AUTO verifies ECDSA with Bouncy Castle.
            assertThat(falseRejects).as("valid signatures refused with %s", signatures.describe())
                    .allMatch(label -> label.contains("large x-coordinate") || label.contains("smallest possible x"));
        } else {
            assertThat(falseRejects).as("valid signatures refused with %s", signatures.describe()).isEmpty();
        }
    }

    private static boolean verify(NimbusSignatures signatures, JWK key, JWSAlgorithm alg, byte[] message, byte[] signature) {
        try {
            return signatures.verifierFor(key).verify(new JWSHeader(alg), message, Base64URL.encode(signature));
        } catch (JOSEException e) {
            return false;
        }
    }

    private static JWK key(Map<String, Object> group, Curve curve, String kid) throws Exception {
        byte[] der = Wycheproof.hex(group.get("publicKeyDer"));
        if (curve != null) {
            ECPublicKey publicKey = (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der));
            return new ECKey.Builder(curve, publicKey).keyID(kid).build();
        }
        RSAPublicKey publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
        return new RSAKey.Builder(publicKey).keyID(kid).build();
    }
}
