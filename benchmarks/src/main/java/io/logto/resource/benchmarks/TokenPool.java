package io.logto.resource.benchmarks;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.stream.IntStream;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * A set of distinct, really signed, Logto-shaped access tokens for one algorithm, plus the public JWKS
 * that verifies them and a few deliberately wrong tokens signed by the same key.
 *
 * <p>Signing thousands of tokens takes time (an RSA-4096 signature costs milliseconds), and JMH runs
 * every trial in a fresh JVM, so a pool is written once to {@code <dir>/<alg>.tokens} and reused by
 * every trial of a run: every library therefore sees exactly the same tokens. The directory is the
 * system property {@code bench.tokens.dir}, by default {@code logto-benchmark-tokens} under
 * {@code java.io.tmpdir}. A pool is regenerated when it is older than {@link #REUSE_FOR} or holds too
 * few tokens; its tokens live {@link #TOKEN_LIFETIME}, so a reused pool never contains an expired token.
 * The private key is never written; only the public JWKS is.
 */
public final class TokenPool {

    /** The issuer ({@code iss}) of every pool token: a Logto Cloud-shaped URL that is never contacted. */
    public static final String ISSUER = "https://benchmark.logto.app/oidc";
    /** The API resource indicator ({@code aud}) of every valid pool token. */
    public static final String AUDIENCE = "https://api.example.com";
    /** How long pool tokens are valid. Logto's default is one hour; the cost of verification does not depend on it. */
    public static final Duration TOKEN_LIFETIME = Duration.ofHours(48);
    /** How long a pool file is reused before it is regenerated. */
    public static final Duration REUSE_FOR = Duration.ofHours(24);

    private static final String MAGIC = "logto-benchmark-tokens v1";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TokenAlgorithm algorithm;
    private final String jwksJson;
    private final String[] tokens;
    private final String wrongAudience;
    private final String wrongIssuer;
    private final String wrongType;

    private TokenPool(TokenAlgorithm algorithm, String jwksJson, String[] tokens, String wrongAudience,
                      String wrongIssuer, String wrongType) {
        this.algorithm = algorithm;
        this.jwksJson = jwksJson;
        this.tokens = tokens;
        this.wrongAudience = wrongAudience;
        this.wrongIssuer = wrongIssuer;
        this.wrongType = wrongType;
    }

    /**
     * Loads a pool of at least {@code count} tokens from the pool directory, generating it when absent,
     * too small or too old.
     *
     * @param algorithm the signing algorithm
     * @param count     how many distinct valid tokens are needed
     * @return the pool, holding exactly {@code count} tokens
     * @throws UncheckedIOException when the pool file cannot be read or written
     */
    public static TokenPool load(TokenAlgorithm algorithm, int count) {
        Path dir = Path.of(System.getProperty("bench.tokens.dir",
                Path.of(System.getProperty("java.io.tmpdir"), "logto-benchmark-tokens").toString()));
        return load(dir, algorithm, count);
    }

    /**
     * Loads a pool from a given directory; see {@link #load(TokenAlgorithm, int)}.
     *
     * @param dir       the pool directory, created when missing
     * @param algorithm the signing algorithm
     * @param count     how many distinct valid tokens are needed
     * @return the pool, holding exactly {@code count} tokens
     * @throws UncheckedIOException when the pool file cannot be read or written
     */
    public static TokenPool load(Path dir, TokenAlgorithm algorithm, int count) {
        Path file = dir.resolve(algorithm.name() + ".tokens");
        try {
            TokenPool pool = Files.exists(file) ? read(file, algorithm) : null;
            if (pool == null || pool.tokens.length < count) {
                pool = generate(algorithm, count);
                Files.createDirectories(dir);
                Path tmp = Files.createTempFile(dir, algorithm.name(), ".tmp");
                Files.write(tmp, pool.lines(), StandardCharsets.UTF_8);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            return pool.first(count);
        } catch (IOException e) {
            throw new UncheckedIOException("token pool " + file, e);
        }
    }

    /** The algorithm every token is signed with. */
    public TokenAlgorithm algorithm() {
        return algorithm;
    }

    /** The public JWKS (one key) as JSON. */
    public String jwksJson() {
        return jwksJson;
    }

    /**
     * The public JWKS parsed by Nimbus.
     *
     * @return the key set
     * @throws IllegalStateException never for a pool this class wrote
     */
    public JWKSet jwkSet() {
        try {
            return JWKSet.parse(jwksJson);
        } catch (java.text.ParseException e) {
            throw new IllegalStateException("pool JWKS does not parse", e);
        }
    }

    /** The distinct valid tokens; the array is shared, do not modify it. */
    public String[] tokens() {
        return tokens;
    }

    /** A token identical to the first one except for one character of its signature. */
    public String tampered() {
        String token = tokens[0];
        int i = token.lastIndexOf('.') + 10;
        char replacement = token.charAt(i) == 'A' ? 'B' : 'A';
        return token.substring(0, i) + replacement + token.substring(i + 1);
    }

    /** A token signed by the right key for another API ({@code aud} = {@code https://other.example.com}). */
    public String wrongAudience() {
        return wrongAudience;
    }

    /** A token signed by the right key but naming another issuer. */
    public String wrongIssuer() {
        return wrongIssuer;
    }

    /** A token signed by the right key with header {@code typ} {@code JWT} (an ID-token-like type). */
    public String wrongType() {
        return wrongType;
    }

    private TokenPool first(int count) {
        if (tokens.length == count) {
            return this;
        }
        String[] subset = new String[count];
        System.arraycopy(tokens, 0, subset, 0, count);
        return new TokenPool(algorithm, jwksJson, subset, wrongAudience, wrongIssuer, wrongType);
    }

    private List<String> lines() {
        List<String> lines = new ArrayList<>(tokens.length + 6);
        lines.add(MAGIC);
        lines.add("created " + Instant.now().getEpochSecond());
        lines.add("jwks " + jwksJson);
        lines.add("wrong-audience " + wrongAudience);
        lines.add("wrong-issuer " + wrongIssuer);
        lines.add("wrong-type " + wrongType);
        for (String token : tokens) {
            lines.add("token " + token);
        }
        return lines;
    }

    private static TokenPool read(Path file, TokenAlgorithm algorithm) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.size() < 7 || !lines.get(0).equals(MAGIC)) {
            return null;
        }
        long created = Long.parseLong(value(lines.get(1), "created"));
        if (Instant.ofEpochSecond(created).plus(REUSE_FOR).isBefore(Instant.now())) {
            return null;
        }
        String[] tokens = new String[lines.size() - 6];
        for (int i = 6; i < lines.size(); i++) {
            tokens[i - 6] = value(lines.get(i), "token");
        }
        return new TokenPool(algorithm, value(lines.get(2), "jwks"), tokens, value(lines.get(3), "wrong-audience"),
                value(lines.get(4), "wrong-issuer"), value(lines.get(5), "wrong-type"));
    }

    private static String value(String line, String name) throws IOException {
        if (!line.startsWith(name + " ")) {
            throw new IOException("expected '" + name + "' line");
        }
        return line.substring(name.length() + 1);
    }

    /**
     * Generates a pool in memory, signing on all cores.
     *
     * @param algorithm the signing algorithm
     * @param count     how many valid tokens
     * @return the pool
     */
    static TokenPool generate(TokenAlgorithm algorithm, int count) {
        try {
            JWK key = algorithm.generateKey();
            JWSSigner signer = signer(key);
            Instant now = Instant.now();
            String[] tokens = IntStream.range(0, count).parallel()
                    .mapToObj(i -> sign(signer, key, "at+jwt", ISSUER, AUDIENCE, now))
                    .toArray(String[]::new);
            return new TokenPool(algorithm, new JWKSet(key.toPublicJWK()).toString(), tokens,
                    sign(signer, key, "at+jwt", ISSUER, "https://other.example.com", now),
                    sign(signer, key, "at+jwt", "https://attacker.example.com/oidc", AUDIENCE, now),
                    sign(signer, key, "JWT", ISSUER, AUDIENCE, now));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate a " + algorithm + " key", e);
        }
    }

    private static JWSSigner signer(JWK key) throws JOSEException {
        if (key instanceof ECKey) {
            // Bouncy Castle signs P-384 several times faster than the JDK; only pool generation uses it.
            ECDSASigner signer = new ECDSASigner((ECKey) key);
            signer.getJCAContext().setProvider(new BouncyCastleProvider());
            return signer;
        }
        return new RSASSASigner((RSAKey) key);
    }

    private static String sign(JWSSigner signer, JWK key, String type, String issuer, String audience, Instant now) {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.parse(key.getAlgorithm().getName()))
                .type(new JOSEObjectType(type))
                .keyID(key.getKeyID())
                .build();
        String clientId = randomId(12);
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .jwtID(randomId(21))
                .subject(randomId(12))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(TOKEN_LIFETIME)))
                .claim("client_id", clientId)
                .claim("scope", "read:report write:report")
                .issuer(issuer)
                .audience(audience)
                .build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("signing failed", e);
        }
        return jwt.serialize();
    }

    private static String randomId(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).substring(0, length).toLowerCase();
    }
}
