package io.logto.resource.core.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import io.logto.resource.core.SignatureProvider;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.Provider;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Signature verification with the key chosen from the JWKS, never from the token: which algorithms a key
 * may verify follows from the key itself (its {@code alg}, else its type and curve), and the JCA
 * provider follows from the configured {@link SignatureProvider}. Verifiers are built once per key.
 */
public final class NimbusSignatures {

    /** Every algorithm this SDK verifies at all: asymmetric JWS algorithms. HMAC and {@code none} never. */
    public static final Set<JWSAlgorithm> SUPPORTED = Set.of(
            JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.ES512,
            JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512);

    /** In a fixed order, so explanations and rejection details read the same on every run. */
    private static final Set<JWSAlgorithm> RSA_WITHOUT_ALG = Collections.unmodifiableSet(new LinkedHashSet<>(List.of(
            JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512)));

    private static final class Entry {
        final JWK key;
        final JWSVerifier verifier;

        Entry(JWK key, JWSVerifier verifier) {
            this.key = key;
            this.verifier = verifier;
        }
    }

    private final Provider ecProvider;
    private final Provider rsaProvider;
    private final ConcurrentMap<String, Entry> verifiers = new ConcurrentHashMap<>();

    /**
     * Selects providers.
     *
     * @param choice the configured provider choice
     * @throws IllegalStateException when Bouncy Castle is required but not on the class path
     */
    public NimbusSignatures(SignatureProvider choice) {
        Provider bouncyCastle = BouncyCastle.provider();
        switch (choice) {
            case JDK:
                ecProvider = null;
                rsaProvider = null;
                break;
            case BOUNCY_CASTLE:
                if (bouncyCastle == null) {
                    throw new IllegalStateException("logto: signatureProvider BOUNCY_CASTLE needs "
                            + "org.bouncycastle:bcprov-jdk18on on the class path");
                }
                ecProvider = bouncyCastle;
                rsaProvider = bouncyCastle;
                break;
            default:
                ecProvider = bouncyCastle;
                rsaProvider = null;
                break;
        }
    }

    /**
     * The algorithms a key may verify: its {@code alg} if it names one, else by curve for EC (ES256 for
     * P-256, ES384 for P-384, ES512 for P-521) and RS256/RS384/RS512 for RSA.
     *
     * @param key a public key from the JWKS
     * @return the algorithms, possibly empty
     */
    public static Set<JWSAlgorithm> algorithmsFor(JWK key) {
        if (key.getAlgorithm() != null) {
            JWSAlgorithm named = JWSAlgorithm.parse(key.getAlgorithm().getName());
            return SUPPORTED.contains(named) && familyFits(key, named) ? Set.of(named) : Set.of();
        }
        if (key instanceof ECKey) {
            Curve curve = ((ECKey) key).getCurve();
            if (Curve.P_256.equals(curve)) {
                return Set.of(JWSAlgorithm.ES256);
            }
            if (Curve.P_384.equals(curve)) {
                return Set.of(JWSAlgorithm.ES384);
            }
            if (Curve.P_521.equals(curve)) {
                return Set.of(JWSAlgorithm.ES512);
            }
            return Set.of();
        }
        return key instanceof RSAKey ? RSA_WITHOUT_ALG : Set.of();
    }

    private static boolean familyFits(JWK key, JWSAlgorithm alg) {
        if (key instanceof ECKey) {
            return JWSAlgorithm.Family.EC.contains(alg) && Curve.forJWSAlgorithm(alg).contains(((ECKey) key).getCurve());
        }
        return key instanceof RSAKey && JWSAlgorithm.Family.RSA.contains(alg);
    }

    /**
     * The verifier for a key, built on first use and reused while the JWKS holds the same key object.
     *
     * @param key a public EC or RSA key from the JWKS
     * @return the verifier
     * @throws JOSEException when the key cannot be turned into a verifier
     */
    public JWSVerifier verifierFor(JWK key) throws JOSEException {
        String cacheKey = key.getKeyID();
        Entry entry = verifiers.get(cacheKey);
        if (entry != null && entry.key == key) {
            return entry.verifier;
        }
        JWSVerifier verifier = create(key);
        verifiers.put(cacheKey, new Entry(key, verifier));
        return verifier;
    }

    /** Describes which provider verifies EC and RSA signatures, for logs and diagnostics. */
    public String describe() {
        return "EC: " + (ecProvider == null ? "JDK" : ecProvider.getName())
                + ", RSA: " + (rsaProvider == null ? "JDK" : rsaProvider.getName());
    }

    private JWSVerifier create(JWK key) throws JOSEException {
        if (key instanceof ECKey) {
            ECPublicKey publicKey = ((ECKey) key).toECPublicKey();
            ECDSAVerifier verifier = new ECDSAVerifier(ecProvider == null ? publicKey
                    : (ECPublicKey) providerKey(publicKey, "EC", ecProvider));
            if (ecProvider != null) {
                verifier.getJCAContext().setProvider(ecProvider);
            }
            return verifier;
        }
        if (key instanceof RSAKey) {
            RSAPublicKey publicKey = ((RSAKey) key).toRSAPublicKey();
            RSASSAVerifier verifier = new RSASSAVerifier(rsaProvider == null ? publicKey
                    : (RSAPublicKey) providerKey(publicKey, "RSA", rsaProvider));
            if (rsaProvider != null) {
                verifier.getJCAContext().setProvider(rsaProvider);
            }
            return verifier;
        }
        throw new JOSEException("unsupported key type " + key.getKeyType());
    }

    /**
     * The public key as the provider's own key class, converted once per key. Handed a JDK key, Bouncy
     * Castle converts it again on every verification, onto its generic curve arithmetic, and allocates
     * about 1 MB per P-384 verification; its own key keeps the optimized curve and the point's
     * precomputation. Falls back to the JDK key if the provider cannot read it.
     */
    private static PublicKey providerKey(PublicKey key, String type, Provider provider) {
        try {
            return KeyFactory.getInstance(type, provider).generatePublic(new X509EncodedKeySpec(key.getEncoded()));
        } catch (GeneralSecurityException | RuntimeException e) {
            return key;
        }
    }

    /** Loads Bouncy Castle reflectively so that excluding it from the class path is supported. */
    static final class BouncyCastle {
        private static final Provider PROVIDER = load();

        private BouncyCastle() {
        }

        static Provider provider() {
            return PROVIDER;
        }

        private static Provider load() {
            try {
                Class<?> type = Class.forName("org.bouncycastle.jce.provider.BouncyCastleProvider", true,
                        NimbusSignatures.class.getClassLoader());
                return (Provider) type.getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException | LinkageError e) {
                return null;
            }
        }
    }
}
