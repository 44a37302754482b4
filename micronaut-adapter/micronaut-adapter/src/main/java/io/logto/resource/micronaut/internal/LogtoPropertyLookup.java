package io.logto.resource.micronaut.internal;

import io.logto.resource.core.LogtoConfig;
import io.logto.resource.micronaut.LogtoProperties;
import java.util.List;
import java.util.function.Function;

/**
 * Reads the bound {@link LogtoProperties} by core property name, as the text the core's one mapping
 * ({@link LogtoConfig#fromProperties(String, Function)}) parses: a value as written, a list joined with
 * commas (the core's list form). Nothing is parsed or checked here.
 */
final class LogtoPropertyLookup implements Function<String, String> {

    private final String prefix;
    private final LogtoProperties properties;

    LogtoPropertyLookup(String prefix, LogtoProperties properties) {
        this.prefix = prefix;
        this.properties = properties;
    }

    /**
     * Returns the text of a full property name such as {@code logto.clock-skew}, or null when it is not set
     * or not one of {@link LogtoConfig#PROPERTY_NAMES} (which a test keeps from happening).
     */
    @Override
    public String apply(String fullName) {
        if (!fullName.startsWith(prefix)) {
            return null;
        }
        LogtoProperties p = properties;
        return switch (fullName.substring(prefix.length())) {
            case "issuer" -> p.getIssuer();
            case "endpoint" -> p.getEndpoint();
            case "additional-issuers" -> joined(p.getAdditionalIssuers());
            case "audience" -> joined(p.getAudience());
            case "accept-organization-tokens" -> p.getAcceptOrganizationTokens();
            case "clock-skew" -> p.getClockSkew();
            case "jwks-uri" -> p.getJwksUri();
            case "discovery" -> p.getDiscovery();
            case "connect-timeout" -> p.getConnectTimeout();
            case "read-timeout" -> p.getReadTimeout();
            case "jwks-cache-ttl" -> p.getJwksCacheTtl();
            case "jwks-refresh-ahead" -> p.getJwksRefreshAhead();
            case "jwks-unknown-key-refetch-interval" -> p.getJwksUnknownKeyRefetchInterval();
            case "jwks-outage-tolerance" -> p.getJwksOutageTolerance();
            case "jwks-size-limit-bytes" -> p.getJwksSizeLimitBytes();
            case "require-access-token-type" -> p.getRequireAccessTokenType();
            case "token-cache-max-entries" -> p.getTokenCacheMaxEntries();
            case "max-token-length" -> p.getMaxTokenLength();
            case "signature-provider" -> p.getSignatureProvider();
            case "resource-metadata-uri" -> p.getResourceMetadataUri();
            case "realm" -> p.getRealm();
            case "scopes-supported" -> joined(p.getScopesSupported());
            case "proxy" -> p.getProxy();
            case "security-event-level" -> p.getSecurityEventLevel();
            case "security-events-per-second" -> p.getSecurityEventsPerSecond();
            case "allow-insecure-http" -> p.getAllowInsecureHttp();
            default -> null;
        };
    }

    private static String joined(List<String> values) {
        return values == null || values.isEmpty() ? null : String.join(",", values);
    }
}
