package io.logto.resource.benchmarks;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.interfaces.ECDSAKeyProvider;
import com.auth0.jwt.interfaces.RSAKeyProvider;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.logto.resource.core.LogtoConfig;
import io.logto.resource.core.LogtoTokenVerifier;
import io.logto.resource.core.VerificationResult;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.jose4j.lang.JoseException;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * The libraries under comparison, each configured the way its documentation configures a resource
 * server: expected issuer, expected audience, the one algorithm the keys are for, the default clock
 * skew, and the RFC 9068 {@code typ} check where the library has one ({@link #checksType()}).
 *
 * <p>Keys: every library except this SDK receives the pool's public JWKS as an in-memory object, parsed
 * once at setup (Nimbus {@code ImmutableJWKSet}, jose4j {@code JsonWebKeySet}, SmallRye's
 * {@code publicKeyContent}, a map of JDK public keys for auth0). This SDK only takes keys from a URL,
 * so it fetches them once at setup from a {@link LoopbackJwks} and then serves them from its own JWKS
 * cache; the benchmarks check that no request happens while measuring. Every library but this SDK
 * verifies with the JDK's default JCA providers, as it does out of the box.
 */
public enum Library {
    /** This SDK with its verified-token cache on (the default). */
    logtoCached(true),
    /** This SDK with the verified-token cache off ({@code tokenCacheMaxEntries(0)}). */
    logtoUncached(true),
    /**
     * This SDK as {@link #logtoCached}, through {@code verifyAsync}: an event loop's entry point. Not in the
     * default comparison; select it with {@code -p library=logtoCached,logtoCachedAsync}. Fails the run if a
     * stage is not already complete (with keys in memory, none may wait).
     */
    logtoCachedAsync(true),
    /** Spring Security's {@code NimbusJwtDecoder} with issuer, audience and {@code at+jwt} validators. */
    springNimbusJwtDecoder(true),
    /** Nimbus JOSE+JWT's {@code DefaultJWTProcessor} configured for access tokens. */
    nimbusDefaultJwtProcessor(true),
    /** SmallRye JWT's {@code DefaultJWTParser}, what Quarkus' {@code JWTParser} is (no {@code typ} check). */
    smallryeJwt(false),
    /** jose4j's {@code JwtConsumer}, the engine under SmallRye JWT. */
    jose4j(true),
    /** auth0 java-jwt's {@code JWTVerifier} (no {@code typ} check). */
    auth0(false);

    private final boolean checksType;

    Library(boolean checksType) {
        this.checksType = checksType;
    }

    /** Whether this is this SDK with its verified-token cache on (sync or async). */
    public boolean cachesTokens() {
        return this == logtoCached || this == logtoCachedAsync;
    }

    /** Whether this library is configured to refuse a token whose {@code typ} is not {@code at+jwt}. */
    public boolean checksType() {
        return checksType;
    }

    /**
     * Builds this library's validator for a pool's tokens.
     *
     * @param pool the tokens and their JWKS
     * @param jwks the loopback JWKS (used by this SDK only); must serve {@code pool.jwksJson()}
     * @return a validator that returns the library's verified-token object or throws
     * @throws Exception when the library refuses the configuration
     */
    public TokenValidator create(TokenPool pool, LoopbackJwks jwks) throws Exception {
        switch (this) {
            case logtoCached:
                return logto(jwks, LogtoConfig.DEFAULT_TOKEN_CACHE_MAX_ENTRIES);
            case logtoUncached:
                return logto(jwks, 0);
            case logtoCachedAsync:
                return logtoAsync(jwks, LogtoConfig.DEFAULT_TOKEN_CACHE_MAX_ENTRIES);
            case springNimbusJwtDecoder:
                return spring(pool);
            case nimbusDefaultJwtProcessor:
                return nimbus(pool);
            case smallryeJwt:
                return smallrye(pool);
            case jose4j:
                return jose4j(pool);
            default:
                return auth0(pool);
        }
    }

    /**
     * This SDK as its README configures it: issuer, audience, and here an explicit JWKS URL; everything
     * else at its default (cache on with 10,000 entries, {@code SignatureProvider.AUTO}, 60 s skew).
     */
    static TokenValidator logto(LoopbackJwks jwks, int tokenCacheMaxEntries) {
        LogtoTokenVerifier verifier = logtoVerifier(jwks, tokenCacheMaxEntries);
        return new TokenValidator() {
            @Override
            public Object validate(String token) {
                return verifier.verifyOrThrow(token);
            }

            @Override
            public void close() {
                verifier.close();
            }
        };
    }

    /**
     * This SDK's asynchronous entry point, configured as {@link #logto(LoopbackJwks, int)}: the stage must be
     * complete when returned (keys are in memory), and its result is unwrapped like {@code verifyOrThrow}.
     */
    static TokenValidator logtoAsync(LoopbackJwks jwks, int tokenCacheMaxEntries) {
        LogtoTokenVerifier verifier = logtoVerifier(jwks, tokenCacheMaxEntries);
        return new TokenValidator() {
            @Override
            public Object validate(String token) {
                VerificationResult result = verifier.verifyAsync(token).toCompletableFuture().getNow(null);
                if (result == null) {
                    throw new IllegalStateException("verifyAsync returned a pending stage with keys in memory");
                }
                return result.orThrow();
            }

            @Override
            public void close() {
                verifier.close();
            }
        };
    }

    private static LogtoTokenVerifier logtoVerifier(LoopbackJwks jwks, int tokenCacheMaxEntries) {
        LogtoTokenVerifier verifier = LogtoTokenVerifier.create(LogtoConfig.custom()
                .issuer(TokenPool.ISSUER)
                .audience(TokenPool.AUDIENCE)
                .jwksUri(jwks.uri())
                .tokenCacheMaxEntries(tokenCacheMaxEntries)
                .build());
        if (!verifier.prefetchKeys()) {
            verifier.close();
            throw new IllegalStateException("the SDK could not fetch the loopback JWKS");
        }
        return verifier;
    }

    /**
     * Spring Security 7's reference configuration for a JWT resource server: a {@code NimbusJwtDecoder}
     * restricted to the key's algorithm, and {@code JwtValidators.createDefaultWithValidators} with the
     * issuer, audience and type validators (the defaults add timestamps with 60 s skew). Logto's Spring
     * Boot guide sets the same algorithm, issuer, audience and {@code at+jwt} checks. The key source is
     * Nimbus' in-memory {@code ImmutableJWKSet} via {@code withJwkSource} instead of {@code withJwkSetUri}.
     */
    static TokenValidator spring(TokenPool pool) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(new ImmutableJWKSet<>(pool.jwkSet()))
                .jwsAlgorithm(SignatureAlgorithm.from(pool.algorithm().jws().getName()))
                .build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithValidators(List.of(
                new JwtIssuerValidator(TokenPool.ISSUER),
                new JwtAudienceValidator(TokenPool.AUDIENCE),
                new JwtTypeValidator("at+jwt", "application/at+jwt"))));
        return decoder::decode;
    }

    /**
     * Nimbus' own recipe for validating JWT access tokens: {@code DefaultJWTProcessor} with an
     * {@code at+jwt} type verifier, a key selector for the one algorithm, and a claims verifier requiring
     * the audience, the exact issuer and {@code sub}, {@code iat}, {@code exp}, {@code jti}.
     */
    static TokenValidator nimbus(TokenPool pool) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType("at+jwt"),
                new JOSEObjectType("application/at+jwt")));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(pool.algorithm().jws(),
                new ImmutableJWKSet<>(pool.jwkSet())));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(TokenPool.AUDIENCE,
                new JWTClaimsSet.Builder().issuer(TokenPool.ISSUER).build(),
                Set.of("sub", "iat", "exp", "jti")));
        return token -> processor.process(token, null);
    }

    /**
     * SmallRye JWT configured like {@code mp.jwt.verify.publickey} (the JWKS content),
     * {@code mp.jwt.verify.issuer}, {@code mp.jwt.verify.audiences} and
     * {@code smallrye.jwt.verify.algorithm}; its JWKS is parsed once and its key resolver reused.
     */
    static TokenValidator smallrye(TokenPool pool) {
        JWTAuthContextInfo info = new JWTAuthContextInfo();
        info.setPublicKeyContent(pool.jwksJson());
        info.setIssuedBy(TokenPool.ISSUER);
        info.setExpectedAudience(Set.of(TokenPool.AUDIENCE));
        info.setSignatureAlgorithm(Set.of(io.smallrye.jwt.algorithm.SignatureAlgorithm.fromAlgorithm(
                pool.algorithm().jws().getName())));
        DefaultJWTParser parser = new DefaultJWTParser(info);
        return parser::parse;
    }

    /**
     * jose4j's documented {@code JwtConsumerBuilder} recipe: require {@code exp} and {@code sub}, 60 s
     * skew, expected issuer and audience, the one algorithm, keys from the in-memory JWKS, and
     * {@code typ} {@code at+jwt}.
     */
    static TokenValidator jose4j(TokenPool pool) throws JoseException {
        JwtConsumer consumer = new JwtConsumerBuilder()
                .setRequireExpirationTime()
                .setRequireSubject()
                .setAllowedClockSkewInSeconds(60)
                .setExpectedIssuer(TokenPool.ISSUER)
                .setExpectedAudience(TokenPool.AUDIENCE)
                .setExpectedType(true, "at+jwt")
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                        pool.algorithm().jws().getName())
                .setVerificationKeyResolver(new JwksVerificationKeyResolver(
                        new JsonWebKeySet(pool.jwksJson()).getJsonWebKeys()))
                .build();
        return consumer::processToClaims;
    }

    /**
     * auth0 java-jwt's documented verifier: {@code JWT.require(algorithm).withIssuer(..).withAudience(..)}
     * with 60 s leeway; the key provider looks the {@code kid} up in a map of JDK public keys built once
     * from the JWKS (what auth0's jwks-rsa does after its cache is warm).
     */
    static TokenValidator auth0(TokenPool pool) throws JOSEException {
        Map<String, PublicKey> keys = new HashMap<>();
        for (JWK key : pool.jwkSet().getKeys()) {
            keys.put(key.getKeyID(), key instanceof ECKey ? ((ECKey) key).toECPublicKey()
                    : ((RSAKey) key).toRSAPublicKey());
        }
        com.auth0.jwt.algorithms.Algorithm algorithm;
        switch (pool.algorithm()) {
            case ES384:
                algorithm = com.auth0.jwt.algorithms.Algorithm.ECDSA384(ecKeys(keys));
                break;
            case ES256:
                algorithm = com.auth0.jwt.algorithms.Algorithm.ECDSA256(ecKeys(keys));
                break;
            default:
                algorithm = com.auth0.jwt.algorithms.Algorithm.RSA256(rsaKeys(keys));
                break;
        }
        JWTVerifier verifier = JWT.require(algorithm)
                .withIssuer(TokenPool.ISSUER)
                .withAudience(TokenPool.AUDIENCE)
                .acceptLeeway(60)
                .build();
        return verifier::verify;
    }

    private static ECDSAKeyProvider ecKeys(Map<String, PublicKey> keys) {
        return new ECDSAKeyProvider() {
            @Override
            public ECPublicKey getPublicKeyById(String keyId) {
                return (ECPublicKey) keys.get(keyId);
            }

            @Override
            public ECPrivateKey getPrivateKey() {
                return null;
            }

            @Override
            public String getPrivateKeyId() {
                return null;
            }
        };
    }

    private static RSAKeyProvider rsaKeys(Map<String, PublicKey> keys) {
        return new RSAKeyProvider() {
            @Override
            public RSAPublicKey getPublicKeyById(String keyId) {
                return (RSAPublicKey) keys.get(keyId);
            }

            @Override
            public RSAPrivateKey getPrivateKey() {
                return null;
            }

            @Override
            public String getPrivateKeyId() {
                return null;
            }
        };
    }

    /**
     * Checks that a validator accepts valid tokens and refuses a tampered token, a token for another
     * audience, one from another issuer and (when the library checks it) one of another type, so that no
     * benchmark measures an error path or a laxer configuration by mistake.
     *
     * @param validator the validator to check
     * @param pool      the pool it was built for
     * @param samples   how many pool tokens to check for acceptance
     * @throws IllegalStateException naming the first check that failed
     */
    public void check(TokenValidator validator, TokenPool pool, int samples) {
        String[] tokens = pool.tokens();
        for (int i = 0; i < Math.min(samples, tokens.length); i++) {
            try {
                if (validator.validate(tokens[i]) == null) {
                    throw new IllegalStateException(this + " returned null for a valid " + pool.algorithm() + " token");
                }
            } catch (Exception e) {
                throw new IllegalStateException(this + " refused a valid " + pool.algorithm() + " token: " + e, e);
            }
        }
        refuses(validator, pool.tampered(), "a tampered signature");
        refuses(validator, pool.wrongAudience(), "another audience");
        refuses(validator, pool.wrongIssuer(), "another issuer");
        if (checksType) {
            refuses(validator, pool.wrongType(), "typ JWT");
        }
    }

    private void refuses(TokenValidator validator, String token, String what) {
        boolean accepted;
        try {
            accepted = validator.validate(token) != null;
        } catch (Exception e) {
            accepted = false;
        }
        if (accepted) {
            throw new IllegalStateException(this + " accepted a token with " + what);
        }
    }
}
