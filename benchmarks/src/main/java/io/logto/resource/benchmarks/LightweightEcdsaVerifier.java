package io.logto.resource.benchmarks;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.util.Base64URL;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.Provider;
import java.security.interfaces.ECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Set;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.jcajce.provider.asymmetric.util.ECUtil;

/**
 * ECDSA verification with Bouncy Castle's low-level {@code ECDSASigner} on a public point decoded once,
 * skipping JCA lookup and DER transcoding: an experiment for {@link SignatureProviderBenchmark}, not a
 * verifier to ship (it checks only the signature length and, through {@code ECDSASigner}, that r and s
 * lie in [1, n-1]).
 */
final class LightweightEcdsaVerifier implements JWSVerifier {

    private final ECPublicKeyParameters key;
    private final String digest;
    private final JCAContext context = new JCAContext();

    LightweightEcdsaVerifier(ECPublicKey jdkKey, Provider bc, String digest) throws GeneralSecurityException {
        ECPublicKey bcKey = (ECPublicKey) KeyFactory.getInstance("EC", bc)
                .generatePublic(new X509EncodedKeySpec(jdkKey.getEncoded()));
        this.key = (ECPublicKeyParameters) ECUtil.generatePublicKeyParameter(bcKey);
        this.digest = digest;
    }

    @Override
    public boolean verify(JWSHeader header, byte[] signingInput, Base64URL signature) throws JOSEException {
        byte[] raw = signature.decode();
        int half = (key.getParameters().getN().bitLength() + 7) / 8;
        if (raw.length != 2 * half) {
            return false;
        }
        byte[] hash;
        try {
            hash = MessageDigest.getInstance(digest).digest(signingInput);
        } catch (GeneralSecurityException e) {
            throw new JOSEException(e.getMessage(), e);
        }
        BigInteger r = new BigInteger(1, java.util.Arrays.copyOfRange(raw, 0, half));
        BigInteger s = new BigInteger(1, java.util.Arrays.copyOfRange(raw, half, raw.length));
        ECDSASigner signer = new ECDSASigner();
        signer.init(false, key);
        return signer.verifySignature(hash, r, s);
    }

    @Override
    public Set<JWSAlgorithm> supportedJWSAlgorithms() {
        return Set.of(JWSAlgorithm.ES256, JWSAlgorithm.ES384);
    }

    @Override
    public JCAContext getJCAContext() {
        return context;
    }
}
