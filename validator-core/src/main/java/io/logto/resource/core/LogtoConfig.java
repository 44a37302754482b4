package io.logto.resource.core;

import io.logto.resource.core.internal.Urls;
import java.net.Proxy;
import java.net.URI;
import javax.net.ssl.SSLContext;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Immutable configuration of a Logto resource server: which issuer to trust, which API resource
 * indicators are this API, and how keys and tokens are cached.
 *
 * <p>Only the issuer (or the Logto endpoint) and one audience are required; everything else has a
 * default chosen for production use. Build it once at startup:
 *
 * <pre>{@code
 * LogtoConfig config = LogtoConfig.custom()
 *     .issuer("https://my-tenant.logto.app/oidc")
 *     .audience("https://api.example.com")
 *     .build();
 * }</pre>
 *
 * <p>{@link Builder#build()} refuses configuration that cannot work (a relative URL, {@code http} to a
 * host other than loopback, no audience) with an {@link IllegalArgumentException} whose message says
 * what to fix, so mistakes surface at startup rather than as 401s in production.
 */
public final class LogtoConfig {

    /** Default tolerance for clock differences between Logto and this server: 60 seconds. */
    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(60);
    /** Default TCP connect timeout for discovery and JWKS requests: 1 second. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(1);
    /** Default read timeout for discovery and JWKS requests: 2 seconds. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(2);
    /** Default time a fetched JWKS is used before it is fetched again: 5 minutes. */
    public static final Duration DEFAULT_JWKS_CACHE_TTL = Duration.ofMinutes(5);
    /** Default time before expiry at which the JWKS is refreshed in the background: 30 seconds. */
    public static final Duration DEFAULT_JWKS_REFRESH_AHEAD = Duration.ofSeconds(30);
    /** Default minimum interval between JWKS fetches caused by tokens with an unknown {@code kid}: 10 seconds. */
    public static final Duration DEFAULT_JWKS_UNKNOWN_KEY_REFETCH_INTERVAL = Duration.ofSeconds(10);
    /** Default time the last good JWKS keeps being used while the JWKS endpoint fails: 24 hours. */
    public static final Duration DEFAULT_JWKS_OUTAGE_TOLERANCE = Duration.ofHours(24);
    /** Default upper bound for a JWKS or discovery document: 50 KiB. */
    public static final int DEFAULT_JWKS_SIZE_LIMIT_BYTES = 50 * 1024;
    /** Default maximum number of verified tokens kept in the verified-token cache: 10,000. */
    public static final int DEFAULT_TOKEN_CACHE_MAX_ENTRIES = 10_000;
    /** Default maximum accepted token length, in characters: 16 KiB. */
    public static final int DEFAULT_MAX_TOKEN_LENGTH = 16 * 1024;
    /** Default for {@link Builder#securityEventsPerSecond(int)}: 20. */
    public static final int DEFAULT_SECURITY_EVENTS_PER_SECOND = 20;

    private static final String ORGANIZATION_URN_PREFIX = "urn:logto:organization:";

    private final List<String> issuers;
    private final List<String> audiences;
    private final boolean acceptOrganizationTokens;
    private final Duration clockSkew;
    private final URI jwksUri;
    private final boolean discovery;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Duration jwksCacheTtl;
    private final Duration jwksRefreshAhead;
    private final Duration jwksUnknownKeyRefetchInterval;
    private final Duration jwksOutageTolerance;
    private final int jwksSizeLimitBytes;
    private final boolean requireAccessTokenType;
    private final int tokenCacheMaxEntries;
    private final int maxTokenLength;
    private final SignatureProvider signatureProvider;
    private final Clock clock;
    private final URI resourceMetadataUri;
    private final String realm;
    private final Set<String> scopesSupported;
    private final boolean allowInsecureHttp;
    private final LogtoListener listener;
    private final SSLContext sslContext;
    private final Proxy proxy;
    private final SecurityEventLevel securityEventLevel;
    private final int securityEventsPerSecond;

    private LogtoConfig(Builder b, List<String> issuers, List<String> audiences, URI jwksUri, URI resourceMetadataUri) {
        this.issuers = List.copyOf(issuers);
        this.audiences = List.copyOf(audiences);
        this.acceptOrganizationTokens = b.acceptOrganizationTokens;
        this.clockSkew = b.clockSkew;
        this.jwksUri = jwksUri;
        this.discovery = b.discovery;
        this.connectTimeout = b.connectTimeout;
        this.readTimeout = b.readTimeout;
        this.jwksCacheTtl = b.jwksCacheTtl;
        this.jwksRefreshAhead = b.jwksRefreshAhead;
        this.jwksUnknownKeyRefetchInterval = b.jwksUnknownKeyRefetchInterval;
        this.jwksOutageTolerance = b.jwksOutageTolerance;
        this.jwksSizeLimitBytes = b.jwksSizeLimitBytes;
        this.requireAccessTokenType = b.requireAccessTokenType;
        this.tokenCacheMaxEntries = b.tokenCacheMaxEntries;
        this.maxTokenLength = b.maxTokenLength;
        this.signatureProvider = b.signatureProvider;
        this.clock = b.clock;
        this.resourceMetadataUri = resourceMetadataUri != null
                ? resourceMetadataUri
                : Urls.wellKnownMetadataUri(this.audiences.get(0)).orElse(null);
        this.realm = b.realm;
        this.scopesSupported = Set.copyOf(b.scopesSupported);
        this.allowInsecureHttp = b.allowInsecureHttp;
        this.listener = b.listener;
        this.sslContext = b.sslContext;
        this.proxy = b.proxy;
        this.securityEventLevel = b.securityEventLevel;
        this.securityEventsPerSecond = b.securityEventsPerSecond;
    }

    /**
     * Every configuration option, described once (name, value form, default, meaning), in the order the
     * documentation lists them. Adapters bind these names under their prefix ({@code logto.} in Spring and
     * Micronaut, {@code quarkus.logto.} in Quarkus, none for servlet init parameters) and derive their IDE
     * metadata from this list; {@link Builder#property(String, String)} sets an option by name.
     */
    public static final List<LogtoOption> OPTIONS = List.of(
            LogtoOption.of("issuer", LogtoOption.ValueType.URL, null,
                    "The iss of your tokens, e.g. https://my-tenant.logto.app/oidc; https (http only for loopback),"
                            + " no trailing slash. Required unless endpoint is set.",
                    (b, p, v) -> b.issuer(v)),
            LogtoOption.of("endpoint", LogtoOption.ValueType.URL, null,
                    "The Logto endpoint, e.g. https://my-tenant.logto.app; the issuer is <endpoint>/oidc."
                            + " Set either this or issuer.",
                    (b, p, v) -> b.endpoint(v)),
            LogtoOption.of("audience", LogtoOption.ValueType.LIST, null,
                    "The API resource indicator(s) of this API (API identifier in Logto Console), e.g."
                            + " https://api.example.com; the first is the primary one. Required.",
                    (b, p, v) -> b.audiences(PropertyValues.list(v))),
            LogtoOption.of("additional-issuers", LogtoOption.ValueType.LIST, null,
                    "Further accepted issuers, e.g. a custom domain's https://auth.example.com/oidc; keys still"
                            + " come from the primary issuer.",
                    (b, p, v) -> b.additionalIssuers(PropertyValues.list(v).toArray(new String[0]))),
            LogtoOption.of("accept-organization-tokens", LogtoOption.ValueType.BOOLEAN, "true",
                    "Whether organization tokens (aud urn:logto:organization:<id>) pass verification; they can"
                            + " only satisfy organization requirements.",
                    (b, p, v) -> b.acceptOrganizationTokens(PropertyValues.bool(p, v))),
            LogtoOption.of("clock-skew", LogtoOption.ValueType.DURATION, "60s",
                    "Tolerance for exp, nbf and iat (0 to 5 minutes).",
                    (b, p, v) -> b.clockSkew(PropertyValues.duration(p, v))),
            LogtoOption.of("jwks-uri", LogtoOption.ValueType.URL, null,
                    "An explicit JWKS URL; by default it is discovered from the issuer.",
                    (b, p, v) -> b.jwksUri(v)),
            LogtoOption.of("discovery", LogtoOption.ValueType.BOOLEAN, "true",
                    "Read jwks_uri from <issuer>/.well-known/openid-configuration (its issuer must match);"
                            + " falls back to <issuer>/jwks.",
                    (b, p, v) -> b.discovery(PropertyValues.bool(p, v))),
            LogtoOption.of("connect-timeout", LogtoOption.ValueType.DURATION, "1s",
                    "Connect timeout of discovery and JWKS requests (10 ms to 30 s).",
                    (b, p, v) -> b.connectTimeout(PropertyValues.duration(p, v))),
            LogtoOption.of("read-timeout", LogtoOption.ValueType.DURATION, "2s",
                    "Read timeout of discovery and JWKS requests (10 ms to 30 s).",
                    (b, p, v) -> b.readTimeout(PropertyValues.duration(p, v))),
            LogtoOption.of("jwks-cache-ttl", LogtoOption.ValueType.DURATION, "5m",
                    "How long a fetched JWKS is used (Logto serves it no-cache).",
                    (b, p, v) -> b.jwksCacheTtl(PropertyValues.duration(p, v))),
            LogtoOption.of("jwks-refresh-ahead", LogtoOption.ValueType.DURATION, "30s",
                    "Background refresh this long before the cached JWKS expires.",
                    (b, p, v) -> b.jwksRefreshAhead(PropertyValues.duration(p, v))),
            LogtoOption.of("jwks-unknown-key-refetch-interval", LogtoOption.ValueType.DURATION, "10s",
                    "At most one JWKS refetch per interval for tokens with an unknown kid.",
                    (b, p, v) -> b.jwksUnknownKeyRefetchInterval(PropertyValues.duration(p, v))),
            LogtoOption.of("jwks-outage-tolerance", LogtoOption.ValueType.DURATION, "24h",
                    "How long the last good JWKS serves while the JWKS endpoint fails.",
                    (b, p, v) -> b.jwksOutageTolerance(PropertyValues.duration(p, v))),
            LogtoOption.of("jwks-size-limit-bytes", LogtoOption.ValueType.INTEGER, "51200",
                    "Larger JWKS or discovery documents are treated as failures (1024 to 1048576).",
                    (b, p, v) -> b.jwksSizeLimitBytes(PropertyValues.integer(p, v))),
            LogtoOption.of("require-access-token-type", LogtoOption.ValueType.BOOLEAN, "true",
                    "Require the header typ at+jwt (RFC 9068); refuses ID tokens signed by the same keys.",
                    (b, p, v) -> b.requireAccessTokenType(PropertyValues.bool(p, v))),
            LogtoOption.of("token-cache-max-entries", LogtoOption.ValueType.INTEGER, "10000",
                    "Size of the verified-token cache; 0 turns it off.",
                    (b, p, v) -> b.tokenCacheMaxEntries(PropertyValues.integer(p, v))),
            LogtoOption.of("max-token-length", LogtoOption.ValueType.INTEGER, "16384",
                    "Longer tokens are refused before parsing (512 to 1048576 characters).",
                    (b, p, v) -> b.maxTokenLength(PropertyValues.integer(p, v))),
            LogtoOption.ofEnum("signature-provider", List.of("auto", "jdk", "bouncy-castle"), "auto",
                    "Which JCA provider verifies signatures: auto (Bouncy Castle for ECDSA if present, the JDK for"
                            + " RSA), jdk, or bouncy-castle.",
                    (b, p, v) -> b.signatureProvider(PropertyValues.enumValue(p, v, SignatureProvider.class))),
            LogtoOption.of("resource-metadata-uri", LogtoOption.ValueType.URL, null,
                    "The RFC 9728 metadata URL announced in challenges; by default derived from the primary"
                            + " audience (<scheme>://<host>/.well-known/oauth-protected-resource<path>).",
                    (b, p, v) -> b.resourceMetadataUri(v)),
            LogtoOption.of("realm", LogtoOption.ValueType.TEXT, null,
                    "The realm announced in WWW-Authenticate challenges; none by default.",
                    (b, p, v) -> b.realm(v)),
            LogtoOption.of("scopes-supported", LogtoOption.ValueType.LIST, null,
                    "scopes_supported of the RFC 9728 metadata document; adapters add the scopes they find on"
                            + " endpoints.",
                    (b, p, v) -> b.scopesSupported(PropertyValues.list(v))),
            LogtoOption.of("proxy", LogtoOption.ValueType.TEXT, null,
                    "An HTTP proxy for discovery and JWKS requests as host:port; by default the JDK's proxy settings"
                            + " (https.proxyHost, https.proxyPort, http.nonProxyHosts) apply.",
                    (b, p, v) -> b.proxy(PropertyValues.proxy(p, v))),
            LogtoOption.ofEnum("security-event-level", List.of("off", "error", "warn", "info", "debug", "trace"), "debug",
                    "The log level of the security event written per refused token (logger io.logto.resource.security:"
                            + " reason, token kind, client_id and sub; never the token); off for none.",
                    (b, p, v) -> b.securityEventLevel(PropertyValues.enumValue(p, v, SecurityEventLevel.class))),
            LogtoOption.of("security-events-per-second", LogtoOption.ValueType.INTEGER, "20",
                    "At most this many security events are logged per second (1 to 100000); the next one says how"
                            + " many were left out.",
                    (b, p, v) -> b.securityEventsPerSecond(PropertyValues.integer(p, v))),
            LogtoOption.of("allow-insecure-http", LogtoOption.ValueType.BOOLEAN, "false",
                    "Allow http to non-loopback hosts (e.g. http://logto:3001 in a private network).",
                    (b, p, v) -> b.allowInsecureHttp(PropertyValues.bool(p, v))));

    /**
     * The property names of every option, without prefix, in kebab case: the names of {@link #OPTIONS}.
     */
    public static final List<String> PROPERTY_NAMES = OPTIONS.stream().map(LogtoOption::name)
            .collect(java.util.stream.Collectors.toUnmodifiableList());

    private static final Map<String, LogtoOption> OPTIONS_BY_NAME = OPTIONS.stream()
            .collect(java.util.stream.Collectors.toUnmodifiableMap(LogtoOption::name, o -> o));

    /**
     * The option of a property name.
     *
     * @param name the property name without prefix, e.g. {@code clock-skew}
     * @return the option, or empty for an unknown name
     */
    public static Optional<LogtoOption> option(String name) {
        return Optional.ofNullable(OPTIONS_BY_NAME.get(name));
    }

    /**
     * Builds a configuration from string properties, the one mapping from framework configuration to
     * this class that every adapter shares. Each name of {@link #PROPERTY_NAMES} is looked up as
     * {@code prefix + name}; missing or blank values keep their defaults. Lists are comma-separated;
     * durations take a unit ({@code 500ms}, {@code 60s}, {@code 5m}, {@code 24h}, {@code 1d}) or ISO-8601
     * ({@code PT60S}); booleans are {@code true} or {@code false}.
     *
     * <pre>{@code
     * LogtoConfig config = LogtoConfig.fromProperties("logto.", System::getProperty);
     * }</pre>
     *
     * @param prefix the prefix of every property, e.g. {@code logto.}; used in error messages too
     * @param lookup returns the value of a full property name, or null when it is not set
     * @return the configuration
     * @throws IllegalArgumentException naming the property to fix
     */
    public static LogtoConfig fromProperties(String prefix, Function<String, String> lookup) {
        Objects.requireNonNull(prefix, "prefix");
        Builder builder = custom().propertyPrefix(prefix);
        for (String name : PROPERTY_NAMES) {
            String value = lookup.apply(prefix + name);
            if (value != null && !value.isBlank()) {
                builder.property(name, value.strip());
            }
        }
        return builder.build();
    }

    /**
     * Starts a builder with every option at its default.
     *
     * @return a new builder; set at least an issuer (or endpoint) and an audience
     */
    public static Builder custom() {
        return new Builder();
    }

    /**
     * Starts a builder holding the values of an existing configuration, to derive a variant of it.
     *
     * @param base the configuration to copy
     * @return a new builder pre-filled from {@code base}
     */
    public static Builder from(LogtoConfig base) {
        return new Builder(base);
    }

    /** The primary issuer ({@code iss}); discovery and the default JWKS location derive from it. */
    public String issuer() {
        return issuers.get(0);
    }

    /** Every accepted {@code iss} value: the primary issuer first, then custom-domain issuers. */
    public List<String> issuers() {
        return issuers;
    }

    /** The accepted API resource indicators (RFC 8707), the first being this API's primary identifier. */
    public List<String> audiences() {
        return audiences;
    }

    /** Whether organization tokens ({@code aud} = {@code urn:logto:organization:<id>}) are accepted; default true. */
    public boolean acceptOrganizationTokens() {
        return acceptOrganizationTokens;
    }

    /** Tolerance applied to {@code exp}, {@code nbf} and {@code iat}; default {@link #DEFAULT_CLOCK_SKEW}. */
    public Duration clockSkew() {
        return clockSkew;
    }

    /** The explicitly configured JWKS URL, if any; otherwise discovery (or {@code <issuer>/jwks}) is used. */
    public Optional<URI> jwksUri() {
        return Optional.ofNullable(jwksUri);
    }

    /** The JWKS URL used when discovery is off or fails: {@code <issuer>/jwks}. */
    public URI fallbackJwksUri() {
        return URI.create(issuer() + "/jwks");
    }

    /** The OpenID discovery document of the primary issuer. */
    public URI discoveryUri() {
        return URI.create(issuer() + "/.well-known/openid-configuration");
    }

    /** Whether the JWKS URL is read from the issuer's discovery document when none is configured; default true. */
    public boolean discovery() {
        return discovery;
    }

    /** Connect timeout for discovery and JWKS requests; default {@link #DEFAULT_CONNECT_TIMEOUT}. */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** Read timeout for discovery and JWKS requests; default {@link #DEFAULT_READ_TIMEOUT}. */
    public Duration readTimeout() {
        return readTimeout;
    }

    /** How long a fetched JWKS is used before it is fetched again; default {@link #DEFAULT_JWKS_CACHE_TTL}. */
    public Duration jwksCacheTtl() {
        return jwksCacheTtl;
    }

    /** How long before expiry the JWKS is refreshed in the background; default {@link #DEFAULT_JWKS_REFRESH_AHEAD}. */
    public Duration jwksRefreshAhead() {
        return jwksRefreshAhead;
    }

    /**
     * The minimum interval between JWKS fetches triggered by tokens whose {@code kid} is unknown; default
     * {@link #DEFAULT_JWKS_UNKNOWN_KEY_REFETCH_INTERVAL}. Bounds what a flood of forged {@code kid}s can cost.
     */
    public Duration jwksUnknownKeyRefetchInterval() {
        return jwksUnknownKeyRefetchInterval;
    }

    /** How long the last good JWKS keeps being used while the endpoint fails; default {@link #DEFAULT_JWKS_OUTAGE_TOLERANCE}. */
    public Duration jwksOutageTolerance() {
        return jwksOutageTolerance;
    }

    /** Largest accepted JWKS or discovery document in bytes; default {@link #DEFAULT_JWKS_SIZE_LIMIT_BYTES}. */
    public int jwksSizeLimitBytes() {
        return jwksSizeLimitBytes;
    }

    /** Whether the header {@code typ} must be {@code at+jwt} (RFC 9068); default true. */
    public boolean requireAccessTokenType() {
        return requireAccessTokenType;
    }

    /** Maximum entries of the verified-token cache; 0 means the cache is off. Default {@link #DEFAULT_TOKEN_CACHE_MAX_ENTRIES}. */
    public int tokenCacheMaxEntries() {
        return tokenCacheMaxEntries;
    }

    /** Whether verified tokens are cached (keyed by their SHA-256 digest). */
    public boolean tokenCacheEnabled() {
        return tokenCacheMaxEntries > 0;
    }

    /** Longest accepted token in characters; longer ones are refused unparsed. Default {@link #DEFAULT_MAX_TOKEN_LENGTH}. */
    public int maxTokenLength() {
        return maxTokenLength;
    }

    /** Which JCA provider verifies signatures; default {@link SignatureProvider#AUTO}. */
    public SignatureProvider signatureProvider() {
        return signatureProvider;
    }

    /** The clock used for time-based claims; default {@link Clock#systemUTC()}. */
    public Clock clock() {
        return clock;
    }

    /**
     * The RFC 9728 metadata URL announced in challenges as {@code resource_metadata}: the configured
     * one, or else derived from the primary audience as RFC 9728 section 3.1 describes (empty when the
     * audience is not an {@code http(s)} URL).
     */
    public Optional<URI> resourceMetadataUri() {
        return Optional.ofNullable(resourceMetadataUri);
    }

    /** The optional {@code realm} announced in {@code WWW-Authenticate} challenges. */
    public Optional<String> realm() {
        return Optional.ofNullable(realm);
    }

    /** Scopes listed as {@code scopes_supported} in the RFC 9728 metadata; may be empty. */
    public Set<String> scopesSupported() {
        return scopesSupported;
    }

    /** Whether plain {@code http} URLs to hosts other than loopback are allowed; default false. */
    public boolean allowInsecureHttp() {
        return allowInsecureHttp;
    }

    /** The listener told of every verification and key fetch, if one was set (metrics, operations). */
    public Optional<LogtoListener> listener() {
        return Optional.ofNullable(listener);
    }

    /**
     * The TLS context for discovery and JWKS requests, if one was set (to trust a private CA); otherwise
     * the JDK's default trust store is used.
     */
    public Optional<SSLContext> sslContext() {
        return Optional.ofNullable(sslContext);
    }

    /**
     * The outbound proxy for discovery and JWKS requests, if one was set; otherwise the JDK's proxy settings
     * apply ({@code https.proxyHost}, {@code https.proxyPort}, {@code http.nonProxyHosts}, or the system
     * proxies with {@code java.net.useSystemProxies}).
     */
    public Optional<Proxy> proxy() {
        return Optional.ofNullable(proxy);
    }

    /** The level of the security event logged per refused token; default {@link SecurityEventLevel#DEBUG}. */
    public SecurityEventLevel securityEventLevel() {
        return securityEventLevel;
    }

    /** At most this many security events are logged per second; default {@link #DEFAULT_SECURITY_EVENTS_PER_SECOND}. */
    public int securityEventsPerSecond() {
        return securityEventsPerSecond;
    }

    /** Describes the configuration without anything secret (there is nothing secret in it). */
    @Override
    public String toString() {
        return "LogtoConfig[issuers=" + issuers + ", audiences=" + audiences
                + ", acceptOrganizationTokens=" + acceptOrganizationTokens + ", clockSkew=" + clockSkew
                + ", jwksUri=" + (jwksUri == null ? (discovery ? "discovery" : fallbackJwksUri()) : jwksUri)
                + ", tokenCacheMaxEntries=" + tokenCacheMaxEntries + ", signatureProvider=" + signatureProvider + "]";
    }

    /**
     * Collects configuration values and checks them in {@link #build()}. Not thread-safe; the
     * {@link LogtoConfig} it builds is immutable.
     */
    public static final class Builder {
        private String primaryIssuer;
        private String endpoint;
        private final List<String> additionalIssuers = new ArrayList<>();
        private final List<String> audiences = new ArrayList<>();
        private boolean acceptOrganizationTokens = true;
        private Duration clockSkew = DEFAULT_CLOCK_SKEW;
        private String jwksUriText;
        private boolean discovery = true;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration readTimeout = DEFAULT_READ_TIMEOUT;
        private Duration jwksCacheTtl = DEFAULT_JWKS_CACHE_TTL;
        private Duration jwksRefreshAhead = DEFAULT_JWKS_REFRESH_AHEAD;
        private Duration jwksUnknownKeyRefetchInterval = DEFAULT_JWKS_UNKNOWN_KEY_REFETCH_INTERVAL;
        private Duration jwksOutageTolerance = DEFAULT_JWKS_OUTAGE_TOLERANCE;
        private int jwksSizeLimitBytes = DEFAULT_JWKS_SIZE_LIMIT_BYTES;
        private boolean requireAccessTokenType = true;
        private int tokenCacheMaxEntries = DEFAULT_TOKEN_CACHE_MAX_ENTRIES;
        private int maxTokenLength = DEFAULT_MAX_TOKEN_LENGTH;
        private SignatureProvider signatureProvider = SignatureProvider.AUTO;
        private Clock clock = Clock.systemUTC();
        private String resourceMetadataUriText;
        private String realm;
        private final Set<String> scopesSupported = new LinkedHashSet<>();
        private boolean allowInsecureHttp;
        private LogtoListener listener;
        private SSLContext sslContext;
        private Proxy proxy;
        private SecurityEventLevel securityEventLevel = SecurityEventLevel.DEBUG;
        private int securityEventsPerSecond = DEFAULT_SECURITY_EVENTS_PER_SECOND;

        private String prefix = "logto.";

        private Builder() {
        }

        private Builder(LogtoConfig base) {
            this.primaryIssuer = base.issuer();
            this.additionalIssuers.addAll(base.issuers.subList(1, base.issuers.size()));
            this.audiences.addAll(base.audiences);
            this.acceptOrganizationTokens = base.acceptOrganizationTokens;
            this.clockSkew = base.clockSkew;
            this.jwksUriText = base.jwksUri == null ? null : base.jwksUri.toString();
            this.discovery = base.discovery;
            this.connectTimeout = base.connectTimeout;
            this.readTimeout = base.readTimeout;
            this.jwksCacheTtl = base.jwksCacheTtl;
            this.jwksRefreshAhead = base.jwksRefreshAhead;
            this.jwksUnknownKeyRefetchInterval = base.jwksUnknownKeyRefetchInterval;
            this.jwksOutageTolerance = base.jwksOutageTolerance;
            this.jwksSizeLimitBytes = base.jwksSizeLimitBytes;
            this.requireAccessTokenType = base.requireAccessTokenType;
            this.tokenCacheMaxEntries = base.tokenCacheMaxEntries;
            this.maxTokenLength = base.maxTokenLength;
            this.signatureProvider = base.signatureProvider;
            this.clock = base.clock;
            this.resourceMetadataUriText = base.resourceMetadataUri == null ? null : base.resourceMetadataUri.toString();
            this.realm = base.realm;
            this.scopesSupported.addAll(base.scopesSupported);
            this.allowInsecureHttp = base.allowInsecureHttp;
            this.listener = base.listener;
            this.sslContext = base.sslContext;
            this.proxy = base.proxy;
            this.securityEventLevel = base.securityEventLevel;
            this.securityEventsPerSecond = base.securityEventsPerSecond;
        }

        /**
         * Sets the issuer exactly as it appears in the tokens' {@code iss} claim, e.g.
         * {@code https://my-tenant.logto.app/oidc}. Use either this or {@link #endpoint(String)}.
         *
         * @param issuer an absolute {@code https} URL without trailing slash ({@code http} only for loopback hosts)
         * @return this builder
         */
        public Builder issuer(String issuer) {
            this.primaryIssuer = issuer;
            return this;
        }

        /**
         * Sets the Logto endpoint, e.g. {@code https://my-tenant.logto.app}; the issuer is
         * {@code <endpoint>/oidc}. Use either this or {@link #issuer(String)}.
         *
         * @param endpoint the Logto endpoint URL
         * @return this builder
         */
        public Builder endpoint(String endpoint) {
            this.endpoint = endpoint;
            return this;
        }

        /**
         * Adds issuers accepted besides the primary one, for tenants with a custom domain whose tokens
         * carry {@code https://<custom-domain>/oidc}. Keys are still fetched from the primary issuer.
         *
         * @param issuers further accepted {@code iss} values
         * @return this builder
         */
        public Builder additionalIssuers(String... issuers) {
            this.additionalIssuers.addAll(List.of(issuers));
            return this;
        }

        /**
         * Adds an accepted API resource indicator (the API identifier in Logto Console, RFC 8707). Tokens
         * whose {@code aud} does not contain one of these (or an organization URN, see
         * {@link #acceptOrganizationTokens(boolean)}) are refused.
         *
         * @param audience an absolute URI such as {@code https://api.example.com}
         * @return this builder
         */
        public Builder audience(String audience) {
            this.audiences.add(audience);
            return this;
        }

        /**
         * Adds several accepted API resource indicators; the first one added overall is the primary one,
         * named as {@code resource} in the RFC 9728 metadata.
         *
         * @param audiences absolute URIs
         * @return this builder
         */
        public Builder audiences(Collection<String> audiences) {
            this.audiences.addAll(audiences);
            return this;
        }

        /**
         * Whether organization tokens ({@code aud} = {@code urn:logto:organization:<id>}) pass
         * verification. They can only ever satisfy organization requirements. Default true.
         *
         * @param accept false to refuse organization tokens at verification
         * @return this builder
         */
        public Builder acceptOrganizationTokens(boolean accept) {
            this.acceptOrganizationTokens = accept;
            return this;
        }

        /**
         * Sets the tolerance for clock differences applied to {@code exp}, {@code nbf} and {@code iat}.
         *
         * @param clockSkew between 0 and 5 minutes; default 60 seconds
         * @return this builder
         */
        public Builder clockSkew(Duration clockSkew) {
            this.clockSkew = clockSkew;
            return this;
        }

        /**
         * Sets the JWKS URL explicitly, which turns discovery off.
         *
         * @param jwksUri an absolute {@code https} URL ({@code http} only for loopback hosts)
         * @return this builder
         */
        public Builder jwksUri(String jwksUri) {
            this.jwksUriText = jwksUri;
            return this;
        }

        /**
         * Whether to read {@code jwks_uri} from {@code <issuer>/.well-known/openid-configuration} when no
         * JWKS URL is configured. When off, or when discovery fails, {@code <issuer>/jwks} is used.
         *
         * @param discovery default true
         * @return this builder
         */
        public Builder discovery(boolean discovery) {
            this.discovery = discovery;
            return this;
        }

        /**
         * Sets the connect timeout of discovery and JWKS requests.
         *
         * @param timeout between 10 ms and 30 s; default 1 s
         * @return this builder
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        /**
         * Sets the read timeout of discovery and JWKS requests.
         *
         * @param timeout between 10 ms and 30 s; default 2 s
         * @return this builder
         */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = timeout;
            return this;
        }

        /**
         * Sets how long a fetched JWKS is used before it is fetched again. Logto serves its JWKS with
         * {@code Cache-Control: no-cache}, so the time is ours to choose.
         *
         * @param ttl at least 1 s and longer than refresh-ahead plus connect and read timeouts; default 5 min
         * @return this builder
         */
        public Builder jwksCacheTtl(Duration ttl) {
            this.jwksCacheTtl = ttl;
            return this;
        }

        /**
         * Sets how long before the cached JWKS expires a background refresh starts, so requests never
         * wait for a scheduled refresh.
         *
         * @param refreshAhead positive; default 30 s
         * @return this builder
         */
        public Builder jwksRefreshAhead(Duration refreshAhead) {
            this.jwksRefreshAhead = refreshAhead;
            return this;
        }

        /**
         * Sets the minimum interval between JWKS fetches triggered by tokens with an unknown {@code kid}
         * (a key rotation, or forged tokens). Tokens with an unknown {@code kid} arriving within the
         * interval after such a fetch are refused without another request.
         *
         * @param interval at least 100 ms and shorter than the cache TTL; default 10 s
         * @return this builder
         */
        public Builder jwksUnknownKeyRefetchInterval(Duration interval) {
            this.jwksUnknownKeyRefetchInterval = interval;
            return this;
        }

        /**
         * Sets how long the last good JWKS keeps being used while the JWKS endpoint is down, slow or
         * answers garbage.
         *
         * @param tolerance positive; default 24 h
         * @return this builder
         */
        public Builder jwksOutageTolerance(Duration tolerance) {
            this.jwksOutageTolerance = tolerance;
            return this;
        }

        /**
         * Sets the largest accepted JWKS (and discovery) document; a larger one is treated as a failed fetch.
         *
         * @param bytes between 1 KiB and 1 MiB; default 50 KiB
         * @return this builder
         */
        public Builder jwksSizeLimitBytes(int bytes) {
            this.jwksSizeLimitBytes = bytes;
            return this;
        }

        /**
         * Whether the token header must carry {@code typ} {@code at+jwt} (RFC 9068). Logto sets it on
         * every access token; ID tokens (same keys, same issuer) lack it, which is why the check is on
         * by default. Turn it off only for an issuer that omits it.
         *
         * @param require default true
         * @return this builder
         */
        public Builder requireAccessTokenType(boolean require) {
            this.requireAccessTokenType = require;
            return this;
        }

        /**
         * Sets the size of the verified-token cache, which skips signature verification for tokens seen
         * before (keyed by their SHA-256 digest, expiring with the token and with its key).
         *
         * @param maxEntries 0 to turn the cache off; default 10,000
         * @return this builder
         */
        public Builder tokenCacheMaxEntries(int maxEntries) {
            this.tokenCacheMaxEntries = maxEntries;
            return this;
        }

        /**
         * Sets the longest accepted token; longer ones are refused before any parsing.
         *
         * @param maxLength between 512 and 1 MiB characters; default 16 KiB
         * @return this builder
         */
        public Builder maxTokenLength(int maxLength) {
            this.maxTokenLength = maxLength;
            return this;
        }

        /**
         * Chooses the JCA provider that verifies signatures.
         *
         * @param provider default {@link SignatureProvider#AUTO}
         * @return this builder
         */
        public Builder signatureProvider(SignatureProvider provider) {
            this.signatureProvider = provider;
            return this;
        }

        /**
         * Sets the clock used for {@code exp}, {@code nbf} and {@code iat}; tests pass a fixed clock.
         *
         * @param clock default {@link Clock#systemUTC()}
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * Sets the RFC 9728 metadata URL announced in challenges, overriding the one derived from the
         * primary audience.
         *
         * @param uri an absolute {@code http(s)} URL
         * @return this builder
         */
        public Builder resourceMetadataUri(String uri) {
            this.resourceMetadataUriText = uri;
            return this;
        }

        /**
         * Sets the {@code realm} announced in {@code WWW-Authenticate} challenges.
         *
         * @param realm printable ASCII without quotes or backslashes; default none
         * @return this builder
         */
        public Builder realm(String realm) {
            this.realm = realm;
            return this;
        }

        /**
         * Adds scopes to list as {@code scopes_supported} in the RFC 9728 metadata document.
         *
         * @param scopes scope names
         * @return this builder
         */
        public Builder scopesSupported(Collection<String> scopes) {
            this.scopesSupported.addAll(scopes);
            return this;
        }

        /**
         * Allows plain {@code http} to hosts other than loopback, e.g. a self-hosted Logto reached as
         * {@code http://logto:3001} inside a private network. Tokens and keys then travel unprotected;
         * never enable this across networks you do not control.
         *
         * @param allow default false
         * @return this builder
         */
        public Builder allowInsecureHttp(boolean allow) {
            this.allowInsecureHttp = allow;
            return this;
        }

        /**
         * Sets the listener told of every verification outcome and key fetch (metrics, health). With
         * none, nothing is called.
         *
         * @param listener the listener, or null for none (the default)
         * @return this builder
         */
        public Builder listener(LogtoListener listener) {
            this.listener = listener;
            return this;
        }

        /**
         * Sets the TLS context for discovery and JWKS requests, e.g. one that trusts a private CA. Adapters
         * map their framework's TLS configuration to it (a Spring Boot SSL bundle, the Quarkus TLS registry,
         * Micronaut's SSL configuration).
         *
         * @param sslContext the context, or null for the JDK's default (the default)
         * @return this builder
         */
        public Builder sslContext(SSLContext sslContext) {
            this.sslContext = sslContext;
            return this;
        }

        /**
         * Sets an outbound proxy for discovery and JWKS requests. Without one, the JDK's standard proxy
         * properties apply.
         *
         * @param proxy the proxy, or null for the JDK's settings (the default)
         * @return this builder
         */
        public Builder proxy(Proxy proxy) {
            this.proxy = proxy;
            return this;
        }

        /**
         * Sets the level of the security event logged per refused token (logger
         * {@code io.logto.resource.security}).
         *
         * @param level default {@link SecurityEventLevel#DEBUG}; {@link SecurityEventLevel#OFF} for none
         * @return this builder
         */
        public Builder securityEventLevel(SecurityEventLevel level) {
            this.securityEventLevel = level;
            return this;
        }

        /**
         * Sets how many security events may be logged per second; the rest are counted and the count is
         * logged with the next event, so a flood of bad tokens cannot flood the log.
         *
         * @param perSecond 1 to 100000; default {@link #DEFAULT_SECURITY_EVENTS_PER_SECOND}
         * @return this builder
         */
        public Builder securityEventsPerSecond(int perSecond) {
            this.securityEventsPerSecond = perSecond;
            return this;
        }

        /**
         * Sets the prefix used to name settings in error messages, e.g. {@code quarkus.logto.}.
         *
         * @param prefix default {@code logto.}
         * @return this builder
         */
        public Builder propertyPrefix(String prefix) {
            this.prefix = Objects.requireNonNull(prefix, "prefix");
            return this;
        }

        /**
         * Sets one option from its property name (one of {@link #PROPERTY_NAMES}) and text value.
         *
         * @param name  the property name without prefix, e.g. {@code clock-skew}
         * @param value the text value, e.g. {@code 30s}
         * @return this builder
         * @throws IllegalArgumentException for an unknown name or a value of the wrong form
         */
        public Builder property(String name, String value) {
            Objects.requireNonNull(value, "value");
            LogtoOption option = OPTIONS_BY_NAME.get(name);
            if (option == null) {
                throw new IllegalArgumentException("unknown Logto setting " + name(name) + "; known: " + PROPERTY_NAMES);
            }
            option.apply(this, name(name), value);
            return this;
        }

        private String name(String property) {
            return prefix + property;
        }

        /**
         * Checks every value and builds the immutable configuration. The builder is left as it was, so it
         * can build again or be changed further.
         *
         * @return the configuration
         * @throws IllegalArgumentException naming the setting to fix when a value is missing or cannot work
         */
        public LogtoConfig build() {
            List<String> issuers = new ArrayList<>();
            issuers.add(resolvePrimaryIssuer());
            for (String extra : additionalIssuers) {
                String issuer = Urls.requireBaseUrl(name("additional-issuers"), extra, allowInsecureHttp);
                if (!issuers.contains(issuer)) {
                    issuers.add(issuer);
                }
            }
            List<String> uniqueAudiences = checkAudiences();
            requireBetween("clock-skew", clockSkew, Duration.ZERO, Duration.ofMinutes(5));
            requireBetween("connect-timeout", connectTimeout, Duration.ofMillis(10), Duration.ofSeconds(30));
            requireBetween("read-timeout", readTimeout, Duration.ofMillis(10), Duration.ofSeconds(30));
            requireBetween("jwks-refresh-ahead", jwksRefreshAhead, Duration.ofMillis(1), Duration.ofDays(1));
            requireBetween("jwks-unknown-key-refetch-interval", jwksUnknownKeyRefetchInterval,
                    Duration.ofMillis(100), Duration.ofDays(1));
            requireBetween("jwks-outage-tolerance", jwksOutageTolerance, Duration.ofSeconds(1), Duration.ofDays(365));
            requireBetween("jwks-cache-ttl", jwksCacheTtl, Duration.ofSeconds(1), Duration.ofDays(7));
            Duration fetchBudget = jwksRefreshAhead.plus(connectTimeout).plus(readTimeout);
            if (jwksCacheTtl.compareTo(fetchBudget) <= 0) {
                throw new IllegalArgumentException(name("jwks-cache-ttl") + " (" + jwksCacheTtl + ") must be longer than " + name("jwks-refresh-ahead")
                        + " + " + name("connect-timeout") + " + " + name("read-timeout") + " (" + fetchBudget + ")");
            }
            if (jwksCacheTtl.compareTo(jwksUnknownKeyRefetchInterval) <= 0) {
                throw new IllegalArgumentException(name("jwks-unknown-key-refetch-interval") + " (" + jwksUnknownKeyRefetchInterval
                        + ") must be shorter than " + name("jwks-cache-ttl") + " (" + jwksCacheTtl + ")");
            }
            requireIntBetween("jwks-size-limit-bytes", jwksSizeLimitBytes, 1024, 1024 * 1024);
            requireIntBetween("token-cache-max-entries", tokenCacheMaxEntries, 0, 10_000_000);
            requireIntBetween("max-token-length", maxTokenLength, 512, 1024 * 1024);
            requireIntBetween("security-events-per-second", securityEventsPerSecond, 1, 100_000);
            Objects.requireNonNull(securityEventLevel, name("security-event-level") + " must not be null");
            Objects.requireNonNull(signatureProvider, name("signature-provider") + " must not be null");
            Objects.requireNonNull(clock, "clock must not be null");
            URI jwksUri = jwksUriText == null ? null
                    : URI.create(Urls.requireBaseUrl(name("jwks-uri"), jwksUriText, allowInsecureHttp));
            URI resourceMetadataUri = resourceMetadataUriText == null ? null
                    : URI.create(Urls.requireBaseUrl(name("resource-metadata-uri"), resourceMetadataUriText, true));
            if (realm != null && !Urls.isQuotableParameter(realm)) {
                throw new IllegalArgumentException(name("realm") + " must be printable ASCII without '\"' or '\\'");
            }
            for (String scope : scopesSupported) {
                if (scope == null || !Urls.isScopeToken(scope)) {
                    throw new IllegalArgumentException(name("scopes-supported") + " contains an invalid scope name; "
                            + "scope names are printable ASCII without spaces, '\"' or '\\'");
                }
            }
            return new LogtoConfig(this, issuers, uniqueAudiences, jwksUri, resourceMetadataUri);
        }

        private String resolvePrimaryIssuer() {
            if (primaryIssuer != null && endpoint != null) {
                throw new IllegalArgumentException("set either " + name("issuer") + " or " + name("endpoint") + ", not both "
                        + "(the issuer is <endpoint>/oidc)");
            }
            if (endpoint != null) {
                String base = Urls.requireBaseUrl(name("endpoint"), endpoint.endsWith("/")
                        ? endpoint.substring(0, endpoint.length() - 1) : endpoint, allowInsecureHttp);
                return base + "/oidc";
            }
            if (primaryIssuer == null || primaryIssuer.isBlank()) {
                throw new IllegalArgumentException(name("issuer") + " is required, e.g. https://<tenant>.logto.app/oidc "
                        + "(or set " + name("endpoint") + ", e.g. https://<tenant>.logto.app)");
            }
            return Urls.requireBaseUrl(name("issuer"), primaryIssuer, allowInsecureHttp);
        }

        private List<String> checkAudiences() {
            if (audiences.isEmpty()) {
                throw new IllegalArgumentException(name("audience") + " is required: the API identifier (resource "
                        + "indicator) from Logto Console > API resources, e.g. https://api.example.com");
            }
            Set<String> unique = new LinkedHashSet<>();
            for (String audience : audiences) {
                if (audience == null || audience.isBlank()) {
                    throw new IllegalArgumentException(name("audience") + " must not be blank");
                }
                if (audience.startsWith(ORGANIZATION_URN_PREFIX)) {
                    throw new IllegalArgumentException(name("audience") + " '" + audience + "' is an organization URN; organization tokens are "
                            + "accepted through " + name("accept-organization-tokens") + ", not as an audience");
                }
                if (!Urls.isAbsoluteUri(audience)) {
                    throw new IllegalArgumentException(name("audience") + " '" + audience + "' is not an absolute URI; "
                            + "Logto API identifiers (RFC 8707 resource indicators) look like https://api.example.com");
                }
                unique.add(audience);
            }
            return List.copyOf(unique);
        }

        private void requireBetween(String setting, Duration value, Duration min, Duration max) {
            if (value == null) {
                throw new IllegalArgumentException(name(setting) + " must not be null");
            }
            if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
                throw new IllegalArgumentException(name(setting) + " must be between " + min + " and " + max
                        + ", got " + value);
            }
        }

        private void requireIntBetween(String setting, int value, int min, int max) {
            if (value < min || value > max) {
                throw new IllegalArgumentException(name(setting) + " must be between " + min + " and " + max
                        + ", got " + value);
            }
        }
    }
}
