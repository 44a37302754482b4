package io.logto.resource.micronaut;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.util.List;

/**
 * The {@code logto.*} settings as Micronaut binds them from {@code application.yml}, environment variables
 * and its other property sources: one getter per name of {@link io.logto.resource.core.LogtoConfig#PROPERTY_NAMES}
 * ({@code clock-skew} is {@link #getClockSkew()}), documented in the configuration metadata IDEs read.
 *
 * <p>Values stay text: at startup the adapter hands them to the core's one mapping,
 * {@link io.logto.resource.core.LogtoConfig#fromProperties(String, java.util.function.Function)}, which parses
 * and checks durations ({@code 30s}, {@code 5m}, ISO-8601), booleans and numbers, so invalid configuration
 * stops the application with the core's message naming the property. Lists may be YAML sequences or
 * comma-separated text. An unset or blank value keeps the core's default. The checked configuration is the
 * {@code LogtoConfig} bean; replace that bean to configure the core in code.
 *
 * <pre>{@code
 * logto:
 *   issuer: https://my-tenant.logto.app/oidc
 *   audience: https://api.example.com
 *   clock-skew: 30s
 * }</pre>
 */
@ConfigurationProperties("logto")
public interface LogtoProperties {

    /**
     * The iss of your tokens, e.g. https://my-tenant.logto.app/oidc: https (http only for loopback), no
     * trailing slash. Required unless logto.endpoint is set.
     *
     * @return the issuer, or null when not set
     */
    @Nullable
    String getIssuer();

    /**
     * The Logto endpoint, e.g. https://my-tenant.logto.app; the issuer is this endpoint followed by /oidc. No
     * default: set it or logto.issuer, not both.
     *
     * @return the endpoint, or null when not set
     */
    @Nullable
    String getEndpoint();

    /**
     * Further accepted issuers, e.g. a custom domain's https://auth.example.com/oidc; keys still come from the
     * primary issuer. A YAML list or comma-separated. Default: none.
     *
     * @return the additional issuers, or null when not set
     */
    @Nullable
    List<String> getAdditionalIssuers();

    /**
     * The API resource indicators (the API identifier in Logto Console); the first is the primary one. A YAML
     * list or comma-separated. Required.
     *
     * @return the audiences, or null when not set
     */
    @Nullable
    List<String> getAudience();

    /**
     * Whether organization tokens (aud urn:logto:organization:ID) pass verification; they can only satisfy
     * organization requirements. Default: true.
     *
     * @return true or false, or null when not set
     */
    @Nullable
    String getAcceptOrganizationTokens();

    /**
     * Tolerance for exp, nbf and iat, from 0 to 5 minutes; a duration with a unit (30s, 2m) or ISO-8601.
     * Default: 60s.
     *
     * @return the duration, or null when not set
     */
    @Nullable
    String getClockSkew();

    /**
     * An explicit JWKS URL. Default: found by discovery.
     *
     * @return the JWKS URL, or null when not set
     */
    @Nullable
    String getJwksUri();

    /**
     * Whether the JWKS URL is read from the issuer's /.well-known/openid-configuration (whose issuer must
     * match), falling back to the issuer's /jwks. Default: true.
     *
     * @return true or false, or null when not set
     */
    @Nullable
    String getDiscovery();

    /**
     * Connect timeout of discovery and JWKS requests, a duration with a unit. Default: 1s.
     *
     * @return the duration, or null when not set
     */
    @Nullable
    String getConnectTimeout();

    /**
     * Read timeout of discovery and JWKS requests, a duration with a unit. Default: 2s.
     *
     * @return the duration, or null when not set
     */
    @Nullable
    String getReadTimeout();

    /**
     * How long a fetched JWKS is used (Logto serves it no-cache), a duration with a unit. Default: 5m.
     *
     * @return the duration, or null when not set
     */
    @Nullable
    String getJwksCacheTtl();

    /**
     * How long before the cached JWKS expires it is refreshed in the background, a duration with a unit.
     * Default: 30s.
     *
     * @return the duration, or null when not set
     */
    @Nullable
    String getJwksRefreshAhead();

    /**
     * At most one JWKS refetch per this interval for tokens with an unknown kid, a duration with a unit.
     * Default: 10s.
     *
     * @return the duration, or null when not set
     */
    @Nullable
    String getJwksUnknownKeyRefetchInterval();

    /**
     * How long the last good JWKS serves while the JWKS endpoint fails, a duration with a unit. Default: 24h.
     *
     * @return the duration, or null when not set
     */
    @Nullable
    String getJwksOutageTolerance();

    /**
     * Larger JWKS or discovery documents are treated as failures. Default: 51200.
     *
     * @return the number of bytes, or null when not set
     */
    @Nullable
    String getJwksSizeLimitBytes();

    /**
     * Whether tokens must have the typ at+jwt, which refuses ID tokens signed by the same keys. Default: true.
     *
     * @return true or false, or null when not set
     */
    @Nullable
    String getRequireAccessTokenType();

    /**
     * Size of the verified-token cache; 0 turns it off. Default: 10000.
     *
     * @return the number of entries, or null when not set
     */
    @Nullable
    String getTokenCacheMaxEntries();

    /**
     * Longer tokens are refused before parsing. Default: 16384.
     *
     * @return the number of characters, or null when not set
     */
    @Nullable
    String getMaxTokenLength();

    /**
     * The signature implementation: auto (Bouncy Castle for ECDSA if present, the JDK for RSA), jdk or bouncy-
     * castle. Default: auto.
     *
     * @return the provider, or null when not set
     */
    @Nullable
    String getSignatureProvider();

    /**
     * The RFC 9728 metadata URL named in challenges. Default: derived from the primary audience, its scheme
     * and host followed by /.well-known/oauth-protected-resource and its path.
     *
     * @return the URL, or null when not set
     */
    @Nullable
    String getResourceMetadataUri();

    /**
     * The realm of challenges. Default: none.
     *
     * @return the realm, or null when not set
     */
    @Nullable
    String getRealm();

    /**
     * The scopes_supported of the metadata document, to which the adapter adds the scopes named by endpoint
     * annotations. A YAML list or comma-separated. Default: none.
     *
     * @return the scopes, or null when not set
     */
    @Nullable
    List<String> getScopesSupported();

    /**
     * An HTTP proxy for discovery and JWKS requests, as host:port. Default: the JDK's proxy settings
     * (https.proxyHost, https.proxyPort, http.nonProxyHosts).
     *
     * @return the proxy, or null when not set
     */
    @Nullable
    String getProxy();

    /**
     * The log level of the security event written per refused token (logger io.logto.resource.security: reason,
     * token kind, client_id and sub; never the token): off, error, warn, info, debug or trace. Default: debug.
     *
     * @return the level, or null when not set
     */
    @Nullable
    String getSecurityEventLevel();

    /**
     * At most this many security events are logged per second (1 to 100000); the next one says how many were
     * left out. Default: 20.
     *
     * @return the number of events, or null when not set
     */
    @Nullable
    String getSecurityEventsPerSecond();

    /**
     * Whether http URLs to hosts other than loopback are allowed, e.g. http://logto:3001 in a private network.
     * Default: false.
     *
     * @return true or false, or null when not set
     */
    @Nullable
    String getAllowInsecureHttp();
}
