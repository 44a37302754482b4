package io.logto.resource.core;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import io.logto.resource.core.internal.NimbusKeys;
import io.logto.resource.core.internal.NimbusSignatures;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the {@link TokenCheck}s read besides the token: one per verifier, built from its configuration,
 * plus the formatting helpers their messages share. Immutable apart from the key source it points to.
 */
final class CheckContext {

    static final String ORGANIZATION_URN_PREFIX = "urn:logto:organization:";
    static final String ACCESS_TOKEN_TYPE = "at+jwt";
    static final String ACCESS_TOKEN_MEDIA_TYPE = "application/at+jwt";
    /** Largest accepted NumericDate: 9999-12-31T23:59:59Z. */
    static final long MAX_NUMERIC_DATE = 253_402_300_799L;
    static final String SUPPORTED_NAMES = NimbusSignatures.SUPPORTED.stream().map(JWSAlgorithm::getName)
            .sorted().collect(Collectors.joining(", ", "[", "]"));

    final LogtoConfig config;
    final Clock clock;
    final long skewMillis;
    final Set<String> issuers;
    final Set<String> audiences;
    final NimbusSignatures signatures;
    final NimbusKeys keys;
    final String expectedIssuer;
    final String expectedAudience;

    CheckContext(LogtoConfig config, NimbusSignatures signatures, NimbusKeys keys) {
        this.config = config;
        this.clock = config.clock();
        this.skewMillis = config.clockSkew().toMillis();
        this.issuers = Set.copyOf(config.issuers());
        this.audiences = Set.copyOf(config.audiences());
        this.signatures = signatures;
        this.keys = keys;
        this.expectedIssuer = String.join(" or ", config.issuers());
        this.expectedAudience = String.join(" or ", config.audiences())
                + (config.acceptOrganizationTokens() ? " or " + ORGANIZATION_URN_PREFIX + "<id>" : "");
    }

    Rejection expired(long expSeconds, long now) {
        return Rejection.of(RejectionReason.EXPIRED, "The token has expired.", "exp: " + Instant.ofEpochSecond(expSeconds)
                + " is before now " + Instant.ofEpochMilli(now) + " minus skew " + config.clockSkew());
    }

    /** The {@code kid}s of the keys held in memory (never fetches). */
    String knownKids() {
        List<String> kids = new ArrayList<>();
        for (JWK key : keys.currentKeys()) {
            kids.add(key.getKeyID());
        }
        return kids.toString();
    }

    String canonicalIssuer(String iss) {
        for (String issuer : config.issuers()) {
            if (issuer.equals(iss)) {
                return issuer;
            }
        }
        return iss;
    }

    List<String> canonicalAudiences(List<String> values) {
        if (values.size() == 1 && audiences.contains(values.get(0))) {
            for (String audience : config.audiences()) {
                if (audience.equals(values.get(0))) {
                    return List.of(audience);
                }
            }
        }
        return List.copyOf(values);
    }

    /** An integer NumericDate in [0, 9999-12-31], or null for floats, strings, huge or negative numbers. */
    static Long numericDate(Object value) {
        if (value instanceof Long) {
            long seconds = (Long) value;
            return seconds >= 0 && seconds <= MAX_NUMERIC_DATE ? seconds : null;
        }
        if (value instanceof Integer) {
            int seconds = (Integer) value;
            return seconds >= 0 ? (long) seconds : null;
        }
        return null;
    }

    static String describe(Object value) {
        if (value == null) {
            return "(missing)";
        }
        if (value instanceof String) {
            return quote((String) value);
        }
        return value.getClass().getSimpleName().replace("Linked", "").replace("Tree", "").replace("Array", "")
                .toLowerCase() + " " + truncate(String.valueOf(value));
    }

    static String timeOrValue(Object value) {
        Long seconds = value == null ? null : numericDate(value);
        return seconds != null ? Instant.ofEpochSecond(seconds).toString() : describe(value);
    }

    static String quote(String value) {
        return value == null ? "(missing)" : "'" + truncate(value) + "'";
    }

    static String truncate(String value) {
        return value.length() > 120 ? value.substring(0, 120) + "..." : value;
    }
}
