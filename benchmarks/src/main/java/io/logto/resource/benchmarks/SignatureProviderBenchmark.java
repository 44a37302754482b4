package io.logto.resource.benchmarks;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Raw signature verification, JDK against Bouncy Castle, through the path the SDK's core takes: a
 * Nimbus {@code ECDSAVerifier} or {@code RSASSAVerifier} built once per key, its {@code JCAContext}
 * provider set, called with the signing input and the base64url signature of a real token.
 *
 * <p>{@code provider}:
 * <ul>
 *   <li>{@code JDK}: no provider set, the JDK's SunEC / SunRsaSign (what {@code SignatureProvider.JDK} does);</li>
 *   <li>{@code BC}: Bouncy Castle set on the verifier, the key still a JDK key object (what the core's
 *       {@code AUTO} and {@code BOUNCY_CASTLE} do today: Bouncy Castle converts the key on every call);</li>
 *   <li>{@code BC_NATIVE_KEY}: Bouncy Castle with the public key converted to Bouncy Castle's own key class
 *       once, when the verifier is built, so its per-point precomputation is reused (a candidate change);</li>
 *   <li>{@code BC_LIGHTWEIGHT}: Bouncy Castle's low-level {@code ECDSASigner} without JCA or DER
 *       transcoding, on the same precomputed public point, to show what is left on the table (EC only;
 *       other algorithms skip it).</li>
 * </ul>
 *
 * <p>EdDSA (Ed25519) is measured with {@code java.security.Signature} directly, because Nimbus verifies
 * Ed25519 through Google Tink rather than a JCA provider, and the core does not accept EdDSA (Logto
 * does not sign with it); it is here to show where the providers stand.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 3)
public class SignatureProviderBenchmark {

    private static final int TOKENS = 64;

    /** ES384, ES256, RS256 (RSA-4096), RS256_2048 or EdDSA (Ed25519). */
    @Param({"ES384", "ES256", "RS256", "RS256_2048", "EdDSA"})
    public String alg;

    /** JDK, BC or BC_NATIVE_KEY; BC_LIGHTWEIGHT (ECDSA only) when named with {@code -p provider=BC_LIGHTWEIGHT}. */
    @Param({"JDK", "BC", "BC_NATIVE_KEY"})
    public String provider;

    private JWSVerifier verifier;
    private JWSHeader header;
    private String[] tokens;
    private int[] lastDot;

    private Signature edSignature;
    private PublicKey edKey;
    private byte[][] edMessages;
    private byte[][] edSignatures;

    private int next;

    /**
     * Builds the verifier and checks it accepts the tokens and refuses a tampered one.
     *
     * @throws Exception when a provider lacks the algorithm or a check fails
     */
    @Setup(Level.Trial)
    public void setUp() throws Exception {
        Provider bc = "JDK".equals(provider) ? null : new BouncyCastleProvider();
        boolean nativeKey = "BC_NATIVE_KEY".equals(provider) || "BC_LIGHTWEIGHT".equals(provider);
        if ("BC_LIGHTWEIGHT".equals(provider) && !alg.startsWith("ES")) {
            throw new UnsupportedOperationException("BC_LIGHTWEIGHT is measured for ECDSA only");
        }
        if ("EdDSA".equals(alg)) {
            setUpEd25519(bc, nativeKey);
            return;
        }
        TokenPool pool = TokenPool.load(TokenAlgorithm.valueOf(alg), TOKENS);
        tokens = pool.tokens();
        lastDot = new int[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            lastDot[i] = tokens[i].lastIndexOf('.');
        }
        header = JWSHeader.parse(Base64URL.from(tokens[0].substring(0, tokens[0].indexOf('.'))));
        verifier = "BC_LIGHTWEIGHT".equals(provider)
                ? new LightweightEcdsaVerifier(((ECKey) pool.jwkSet().getKeys().get(0)).toECPublicKey(), bc,
                        TokenAlgorithm.valueOf(alg) == TokenAlgorithm.ES384 ? "SHA-384" : "SHA-256")
                : verifier(pool.jwkSet().getKeys().get(0), bc, nativeKey);
        for (int i = 0; i < tokens.length; i++) {
            if (!verify(i)) {
                throw new IllegalStateException(provider + " refused a valid " + alg + " signature");
            }
        }
        String tampered = pool.tampered();
        if (verifier.verify(header, tampered.substring(0, tampered.lastIndexOf('.')).getBytes(StandardCharsets.US_ASCII),
                new Base64URL(tampered.substring(tampered.lastIndexOf('.') + 1)))) {
            throw new IllegalStateException(provider + " accepted a tampered " + alg + " signature");
        }
    }

    static JWSVerifier verifier(JWK key, Provider bc, boolean nativeKey) throws JOSEException, GeneralSecurityException {
        if (key instanceof ECKey) {
            ECPublicKey publicKey = ((ECKey) key).toECPublicKey();
            ECDSAVerifier ec = new ECDSAVerifier(nativeKey ? (ECPublicKey) toProvider(publicKey, "EC", bc) : publicKey);
            if (bc != null) {
                ec.getJCAContext().setProvider(bc);
            }
            return ec;
        }
        RSAPublicKey publicKey = ((RSAKey) key).toRSAPublicKey();
        RSASSAVerifier rsa = new RSASSAVerifier(nativeKey ? (RSAPublicKey) toProvider(publicKey, "RSA", bc) : publicKey);
        if (bc != null) {
            rsa.getJCAContext().setProvider(bc);
        }
        return rsa;
    }

    private static PublicKey toProvider(PublicKey key, String type, Provider provider) throws GeneralSecurityException {
        return KeyFactory.getInstance(type, provider).generatePublic(new X509EncodedKeySpec(key.getEncoded()));
    }

    private void setUpEd25519(Provider bc, boolean nativeKey) throws GeneralSecurityException {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        edKey = nativeKey ? toProvider(pair.getPublic(), "Ed25519", bc) : pair.getPublic();
        edSignature = bc == null ? Signature.getInstance("Ed25519") : Signature.getInstance("Ed25519", bc);
        SplittableRandom random = new SplittableRandom(7);
        edMessages = new byte[TOKENS][];
        edSignatures = new byte[TOKENS][];
        Signature signer = Signature.getInstance("Ed25519");
        for (int i = 0; i < TOKENS; i++) {
            byte[] message = new byte[400];
            for (int j = 0; j < message.length; j++) {
                message[j] = (byte) ('A' + random.nextInt(26));
            }
            signer.initSign(pair.getPrivate());
            signer.update(message);
            edMessages[i] = message;
            edSignatures[i] = signer.sign();
        }
        for (int i = 0; i < TOKENS; i++) {
            if (!verifyEd25519(i)) {
                throw new IllegalStateException(provider + " refused a valid Ed25519 signature");
            }
        }
        edMessages[0][0] ^= 1;
        if (verifyEd25519(0)) {
            throw new IllegalStateException(provider + " accepted a tampered Ed25519 signature");
        }
        edMessages[0][0] ^= 1;
    }

    /**
     * Verifies the next signature.
     *
     * @return whether it verified (always true), consumed by JMH
     * @throws Exception when the provider fails
     */
    @Benchmark
    public boolean verify() throws Exception {
        int i = next++ & (TOKENS - 1);
        return edSignature != null ? verifyEd25519(i) : verify(i);
    }

    private boolean verify(int i) throws JOSEException {
        // exactly what the core does per token
        String token = tokens[i];
        int last = lastDot[i];
        byte[] signingInput = token.substring(0, last).getBytes(StandardCharsets.US_ASCII);
        return verifier.verify(header, signingInput, new Base64URL(token.substring(last + 1)));
    }

    private boolean verifyEd25519(int i) throws GeneralSecurityException {
        edSignature.initVerify(edKey);
        edSignature.update(edMessages[i]);
        return edSignature.verify(edSignatures[i]);
    }
}
