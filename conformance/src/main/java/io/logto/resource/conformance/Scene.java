package io.logto.resource.conformance;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import io.logto.resource.test.KeyType;
import io.logto.resource.test.LogtoTokenMinter;
import io.logto.resource.test.TokenBuilder;
import java.net.URI;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One sample under test with everything around it: the WireMock issuer, the sample process, an HTTP
 * client for it, and the issuer's signing keys. The contract's tokens come from
 * {@link LogtoTokenMinter}s (ES384 by default; RS256 and ES256 keys sit in the same JWKS, as after a
 * Logto rotation), and one more published ES384 key signs hand-made header and payload texts.
 */
final class Scene implements AutoCloseable {

    /** The API resource indicator every sample is started with. */
    static final String AUDIENCE = "https://api.example.com";
    /** The organization in the paths of the organization routes. */
    static final String ORGANIZATION = "org_42";
    /** Another organization. */
    static final String OTHER_ORGANIZATION = "org_7";

    final WireMockIssuer issuer;
    final LogtoTokenMinter es384;
    final LogtoTokenMinter rs256;
    final LogtoTokenMinter es256;
    final ECKey crafted;
    private final boolean ownsIssuer;
    private SampleProcess sample;
    private SampleHttp http;
    private boolean closed;

    private Scene(WireMockIssuer issuer) {
        this.issuer = issuer;
        this.es384 = LogtoTokenMinter.create(issuer.issuer());
        this.rs256 = LogtoTokenMinter.create(issuer.issuer(), KeyType.RS256);
        this.es256 = LogtoTokenMinter.create(issuer.issuer(), KeyType.ES256);
        this.crafted = Jose.ecKey(Curve.P_384);
        this.ownsIssuer = true;
    }

    private Scene(Scene keys, URI base) {
        this.issuer = keys.issuer;
        this.es384 = keys.es384;
        this.rs256 = keys.rs256;
        this.es256 = keys.es256;
        this.crafted = keys.crafted;
        this.ownsIssuer = false;
        this.http = new SampleHttp(base);
    }

    /** Starts the issuer (serving discovery; the caller decides what the JWKS answers) but not the sample. */
    static Scene withIssuer() {
        return new Scene(WireMockIssuer.start());
    }

    /**
     * This scene's issuer and keys in front of an application someone else started at {@code base}; closing
     * the returned scene stops neither the application nor the issuer.
     */
    Scene attachedTo(URI base) {
        return new Scene(this, base);
    }

    /** The JWKS holding every key of this scene: ES384 (first), RS256, ES256 and the hand-made ES384 key. */
    String fullJwks() {
        List<JWK> keys = new ArrayList<>(keys(es384));
        keys.addAll(keys(rs256));
        keys.addAll(keys(es256));
        keys.add(crafted.toPublicJWK());
        return new JWKSet(keys).toString();
    }

    /** The public JWKS of {@code minters}, in order, as one set. */
    static String jwksOf(LogtoTokenMinter... minters) {
        List<JWK> keys = new ArrayList<>();
        for (LogtoTokenMinter minter : minters) {
            keys.addAll(keys(minter));
        }
        return new JWKSet(keys).toString();
    }

    /** The current public key of a minter. */
    static JWK publicKey(LogtoTokenMinter minter) {
        return keys(minter).get(0);
    }

    /** Starts the sample with this scene's issuer and waits until it answers; on failure closes the scene. */
    void startSample(List<String> command, Path log, Duration startupTimeout) {
        try {
            sample = SampleProcess.start(command, issuer.issuer(), AUDIENCE, log, startupTimeout);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        http = new SampleHttp(sample.baseUri());
    }

    SampleProcess sample() {
        return sample;
    }

    SampleHttp http() {
        return http;
    }

    /** A global API token with the ES384 key. */
    TokenBuilder global(String... scopes) {
        return es384.globalToken(AUDIENCE).scopes(scopes);
    }

    /** The JSON payload of a valid global API token with {@code read:report}, for hand-made tokens. */
    String payloadJson() {
        long now = System.currentTimeMillis() / 1000;
        return "{\"jti\":\"" + java.util.UUID.randomUUID() + "\",\"sub\":\"user-1\",\"iss\":\"" + issuer.issuer()
                + "\",\"aud\":\"" + AUDIENCE + "\",\"client_id\":\"test-client\",\"scope\":\"read:report\",\"iat\":" + now
                + ",\"exp\":" + (now + 3600) + "}";
    }

    /** The JSON header of a token signed by the hand-made key. */
    String headerJson() {
        return "{\"alg\":\"ES384\",\"typ\":\"at+jwt\",\"kid\":\"" + crafted.getKeyID() + "\"}";
    }

    /** Stops the sample and, unless this scene is attached to another's issuer, the issuer; calling it again does nothing. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (sample != null) {
                sample.close();
            }
        } finally {
            if (ownsIssuer) {
                issuer.close();
            }
        }
    }

    private static List<JWK> keys(LogtoTokenMinter minter) {
        try {
            return JWKSet.parse(minter.jwksJson()).getKeys();
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }
}
