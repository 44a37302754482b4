package io.logto.resource.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class RsaKeyChecksTest {

    @Test
    void acceptsFreshlyGeneratedKeys() throws Exception {
        for (int i = 0; i < 3; i++) {
            RSAKey key = new RSAKeyGenerator(2048).generate();
            assertThat(RsaKeyChecks.acceptable(key.getModulus().decodeToBigInteger(), key.getPublicExponent().decodeToBigInteger()))
                    .isTrue();
        }
    }

    @Test
    void refusesExponentsThatAreEvenOrBelowThree() throws Exception {
        BigInteger modulus = new RSAKeyGenerator(2048).generate().getModulus().decodeToBigInteger();
        assertThat(RsaKeyChecks.acceptable(modulus, BigInteger.ONE)).isFalse();
        assertThat(RsaKeyChecks.acceptable(modulus, BigInteger.valueOf(65536))).isFalse();
    }

    @Test
    void detectsAModulusBuiltTheRocaWay() {
        // ROCA primes have the form k * M + (65537^a mod M); their product keeps the fingerprint
        BigInteger m = BigInteger.ONE;
        for (int p : new int[] {3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83, 89,
            97, 101, 103, 107, 109, 113, 127, 131, 137, 139, 149, 151, 157, 163, 167}) {
            m = m.multiply(BigInteger.valueOf(p));
        }
        BigInteger g = BigInteger.valueOf(65537);
        BigInteger p = m.multiply(BigInteger.valueOf(1234567)).add(g.modPow(BigInteger.valueOf(1111), m));
        BigInteger q = m.multiply(BigInteger.valueOf(7654321)).add(g.modPow(BigInteger.valueOf(2222), m));

        assertThat(RsaKeyChecks.hasRocaFingerprint(p.multiply(q))).isTrue();
        assertThat(RsaKeyChecks.hasRocaFingerprint(p.multiply(q).add(BigInteger.TWO))).isFalse();
    }
}
