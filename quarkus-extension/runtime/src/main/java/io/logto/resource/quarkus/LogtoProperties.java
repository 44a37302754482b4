package io.logto.resource.quarkus;

import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import java.util.List;
import java.util.Optional;

/**
 * The {@code quarkus.logto.*} settings: which Logto issuer to trust and which API resource indicators are this
 * API. Only {@code issuer} (or {@code endpoint}) and {@code audience} are required.
 *
 * <p>Values are read as text and handed to validator-core's shared property mapping
 * ({@code LogtoConfig.fromProperties("quarkus.logto.", ...)}), so every adapter parses them alike: durations take a
 * unit ({@code 500ms}, {@code 60s}, {@code 5m}, {@code 24h}, {@code 1d}) or ISO-8601 ({@code PT60S}); booleans are
 * {@code true} or {@code false}; lists are comma-separated. An invalid value fails application startup with a
 * message naming the property. This interface documents the settings and lets Quarkus recognise them.
 */
@ConfigMapping(prefix = "quarkus.logto")
@ConfigRoot(phase = ConfigPhase.RUN_TIME)
public interface LogtoProperties {

    /**
     * The Logto issuer, e.g. {@code https://my-tenant.logto.app/oidc} (self-hosted: {@code <endpoint>/oidc}).
     * Tokens must carry exactly this {@code iss}; discovery and the JWKS location derive from it. Required unless
     * {@code endpoint} is set.
     */
    Optional<String> issuer();

    /**
     * The Logto endpoint, e.g. {@code https://my-tenant.logto.app}; the issuer is {@code <endpoint>/oidc}. Set
     * either this or {@code issuer}.
     */
    Optional<String> endpoint();

    /** Further accepted issuers, e.g. {@code https://auth.example.com/oidc} for a custom domain. */
    Optional<List<String>> additionalIssuers();

    /**
     * The API resource indicator(s) of this API (Logto Console, API resources), e.g.
     * {@code https://api.example.com}; the first one is the primary identifier announced in the RFC 9728
     * metadata. Required.
     */
    Optional<List<String>> audience();

    /** Whether organization tokens ({@code aud} = {@code urn:logto:organization:<id>}) are accepted. Default {@code true}. */
    Optional<String> acceptOrganizationTokens();

    /** Tolerance for clock differences applied to {@code exp}, {@code nbf} and {@code iat}; 0 to 5 minutes. Default {@code 60s}. */
    Optional<String> clockSkew();

    /** An explicit JWKS URL; by default it is read from the issuer's discovery document, else {@code <issuer>/jwks}. */
    Optional<String> jwksUri();

    /** Whether the JWKS URL is read from {@code <issuer>/.well-known/openid-configuration}. Default {@code true}. */
    Optional<String> discovery();

    /** Connect timeout for discovery and JWKS requests. Default {@code 1s}. */
    Optional<String> connectTimeout();

    /** Read timeout for discovery and JWKS requests. Default {@code 2s}. */
    Optional<String> readTimeout();

    /** How long a fetched JWKS is used before it is fetched again. Default {@code 5m}. */
    Optional<String> jwksCacheTtl();

    /** How long before the JWKS cache expires it is refreshed in the background. Default {@code 30s}. */
    Optional<String> jwksRefreshAhead();

    /** Minimum interval between JWKS fetches caused by tokens with an unknown {@code kid}. Default {@code 10s}. */
    Optional<String> jwksUnknownKeyRefetchInterval();

    /** How long the last good JWKS keeps being used while the JWKS endpoint fails. Default {@code 24h}. */
    Optional<String> jwksOutageTolerance();

    /** Largest accepted JWKS or discovery document, in bytes. Default {@code 51200}. */
    Optional<String> jwksSizeLimitBytes();

    /** Whether the token header {@code typ} must be {@code at+jwt} (RFC 9068). Default {@code true}. */
    Optional<String> requireAccessTokenType();

    /** Maximum entries of the verified-token cache; {@code 0} turns it off. Default {@code 10000}. */
    Optional<String> tokenCacheMaxEntries();

    /** Longest accepted token, in characters; longer tokens are refused unparsed. Default {@code 16384}. */
    Optional<String> maxTokenLength();

    /** Which JCA provider verifies signatures: {@code auto}, {@code jdk} or {@code bouncy-castle}. Default {@code auto}. */
    Optional<String> signatureProvider();

    /**
     * The RFC 9728 metadata URL announced as {@code resource_metadata} in challenges. Default: derived from the
     * primary audience ({@code <audience origin>/.well-known/oauth-protected-resource<audience path>}).
     */
    Optional<String> resourceMetadataUri();

    /** A {@code realm} announced in {@code WWW-Authenticate} challenges. Default: none. */
    Optional<String> realm();

    /**
     * Scopes listed as {@code scopes_supported} in the RFC 9728 metadata, in addition to those the build found on
     * {@code @RequireScopes}, {@code @RequireOrganizationScopes} and {@code @RequireOrganizationApiScopes}.
     */
    Optional<List<String>> scopesSupported();

    /**
     * An HTTP proxy for discovery and JWKS requests, as {@code host:port}. Default: the JDK's proxy settings
     * ({@code https.proxyHost}, {@code https.proxyPort}, {@code http.nonProxyHosts}).
     */
    Optional<String> proxy();

    /**
     * The log level of the security event written per refused token (logger {@code io.logto.resource.security}:
     * reason, token kind, {@code client_id} and {@code sub}; never the token): {@code off}, {@code error},
     * {@code warn}, {@code info}, {@code debug} or {@code trace}. Default {@code debug}.
     */
    Optional<String> securityEventLevel();

    /** At most this many security events are logged per second (1 to 100000). Default {@code 20}. */
    Optional<String> securityEventsPerSecond();

    /**
     * Whether plain {@code http} URLs to hosts other than loopback are allowed (a self-hosted Logto inside a
     * private network). Default {@code false}.
     */
    Optional<String> allowInsecureHttp();

    /**
     * The name of a Quarkus TLS registry configuration ({@code quarkus.tls.<name>.*}) whose trust store discovery and
     * JWKS requests use, e.g. for a self-hosted Logto whose certificate comes from a private CA. Not set: the JDK's
     * default trust store. Not a core option: the extension turns it into the core's {@code SSLContext}.
     */
    Optional<String> tlsConfigurationName();
}
