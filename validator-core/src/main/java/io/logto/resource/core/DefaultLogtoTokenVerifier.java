package io.logto.resource.core;

import com.nimbusds.jose.Header;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import io.logto.resource.core.internal.FastBase64;
import io.logto.resource.core.internal.LibraryVersions;
import io.logto.resource.core.internal.NimbusKeys;
import io.logto.resource.core.internal.NimbusSignatures;
import io.logto.resource.core.internal.VerifiedTokenCache;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The verifier behind {@link LogtoTokenVerifier#create(LogtoConfig)}: Logto's checks, in order, on
 * Nimbus JOSE+JWT primitives, with a verified-token cache in front.
 *
 * <p>The same pipeline serves {@link #verify(String)} and {@link #explain(String)}: with a {@link Trace}
 * every check is recorded and verification goes on after a failed claim check; without one it stops at
 * the first failure and builds no description strings.
 */
final class DefaultLogtoTokenVerifier implements LogtoTokenVerifier {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultLogtoTokenVerifier.class);

    static final String ORGANIZATION_URN_PREFIX = "urn:logto:organization:";
    private static final String ACCESS_TOKEN_TYPE = "at+jwt";
    private static final String ACCESS_TOKEN_MEDIA_TYPE = "application/at+jwt";
    /** Largest accepted NumericDate: 9999-12-31T23:59:59Z. */
    private static final long MAX_NUMERIC_DATE = 253_402_300_799L;
    private static final String SUPPORTED_NAMES = NimbusSignatures.SUPPORTED.stream().map(JWSAlgorithm::getName)
            .sorted().collect(java.util.stream.Collectors.joining(", ", "[", "]"));

    private final LogtoConfig config;
    private final Clock clock;
    private final long skewMillis;
    private final Set<String> issuers;
    private final Set<String> audiences;
    private final NimbusSignatures signatures;
    private final NimbusKeys keys;
    private final VerifiedTokenCache<VerificationResult> cache;
    private volatile Set<String> currentKids;

    DefaultLogtoTokenVerifier(LogtoConfig config) {
        LibraryVersions.requireSupported();
        this.config = config;
        this.clock = config.clock();
        this.skewMillis = config.clockSkew().toMillis();
        this.issuers = Set.copyOf(config.issuers());
        this.audiences = Set.copyOf(config.audiences());
        this.signatures = new NimbusSignatures(config.signatureProvider());
        this.cache = config.tokenCacheEnabled()
                ? new VerifiedTokenCache<>(config.tokenCacheMaxEntries(), clock,
                        r -> r.tokenOrNull().expiresAtEpochSecond() * 1000 + skewMillis,
                        r -> r.tokenOrNull().keyId())
                : null;
        this.keys = new NimbusKeys(config, this::onKeysFetched);
        LOG.info("Logto token verifier for issuer {} and audience {} (signatures: {}, token cache: {})",
                config.issuer(), config.audiences(), signatures.describe(),
                cache == null ? "off" : config.tokenCacheMaxEntries() + " entries");
    }

    private void onKeysFetched(Set<String> kids) {
        currentKids = kids;
        if (cache != null) {
            cache.retainKeys(kids);
        }
    }

    @Override
    public VerificationResult verify(String token) {
        try {
            Rejection shape = checkShape(token);
            if (shape != null) {
                return VerificationResult.rejected(shape);
            }
            if (cache == null) {
                return run(token, null);
            }
            VerifiedTokenCache.Digest digest = VerifiedTokenCache.digest(token);
            VerificationResult hit = cache.get(digest);
            if (hit != null) {
                VerifiedToken verified = hit.tokenOrNull();
                long now = clock.millis();
                if (now < verified.expiresAtEpochSecond() * 1000 + skewMillis) {
                    return hit;
                }
                cache.invalidate(digest);
                return VerificationResult.rejected(expired(verified.expiresAtEpochSecond(), now));
            }
            VerificationResult result = run(token, null);
            if (result.isVerified()) {
                cache.put(digest, result, () -> currentKids);
            }
            return result;
        } catch (RuntimeException | StackOverflowError e) {
            // Defensive: a parser bug must never become a 500 or an accepted token.
            LOG.warn("Logto token verification failed unexpectedly ({}); token refused", e.getClass().getName());
            LOG.debug("Unexpected verification failure", e);
            return VerificationResult.rejected(Rejection.of(RejectionReason.MALFORMED,
                    "The token could not be processed.", e.getClass().getName()));
        }
    }

    @Override
    public java.util.concurrent.CompletionStage<VerificationResult> verifyAsync(String token) {
        // TODO(issue 13): placeholder with the final signature; must not block on a key fetch.
        return java.util.concurrent.CompletableFuture.completedFuture(verify(token));
    }

    @Override
    public TokenExplanation explain(String token) {
        Trace trace = new Trace();
        VerificationResult result;
        try {
            Rejection shape = checkShape(token);
            trace.check("format", shape == null, "compact JWS (three base64url parts), at most "
                    + config.maxTokenLength() + " characters", shape == null ? "ok" : shape.detail());
            result = shape != null ? VerificationResult.rejected(shape) : run(token, trace);
        } catch (RuntimeException | StackOverflowError e) {
            Rejection rejection = Rejection.of(RejectionReason.MALFORMED, "The token could not be processed.",
                    e.getClass().getName());
            trace.check("format", false, "a processable token", e.getClass().getName());
            result = VerificationResult.rejected(rejection);
        }
        return new TokenExplanation(trace.checks, result);
    }

    @Override
    public boolean prefetchKeys() {
        return keys.prefetch();
    }

    @Override
    public LogtoConfig config() {
        return config;
    }

    @Override
    public void close() {
        keys.close();
    }

    /** The number of cached verifications; for tests. */
    long cachedTokens() {
        return cache == null ? 0 : cache.size();
    }

    /** Length, alphabet and part count: the checks that need no parsing. */
    private Rejection checkShape(String token) {
        if (token == null || token.isEmpty()) {
            return Rejection.of(RejectionReason.MALFORMED, "The token is empty.", null);
        }
        int length = token.length();
        if (length > config.maxTokenLength()) {
            return Rejection.of(RejectionReason.MALFORMED, "The token is longer than the maximum length.",
                    "length " + length + " > maxTokenLength " + config.maxTokenLength());
        }
        int dots = 0;
        for (int i = 0; i < length; i++) {
            char c = token.charAt(i);
            if (c == '.') {
                dots++;
            } else if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_')) {
                return Rejection.of(RejectionReason.MALFORMED, "The token contains characters outside base64url.",
                        "illegal character at index " + i);
            }
        }
        if (dots == 4) {
            return Rejection.of(RejectionReason.ENCRYPTED, "The token is a JWE (five parts).", null);
        }
        if (dots != 2) {
            return Rejection.of(RejectionReason.MALFORMED, "The token does not have three parts.",
                    (dots + 1) + " parts");
        }
        int first = token.indexOf('.');
        int last = token.lastIndexOf('.');
        if (first == 0 || last == first + 1 || last == length - 1) {
            return Rejection.of(RejectionReason.MALFORMED, "The token has an empty part.", null);
        }
        return null;
    }

    /** The verification pipeline on a well-shaped token; {@code trace} is null outside diagnostics. */
    private VerificationResult run(String token, Trace trace) {
        int first = token.indexOf('.');
        int last = token.lastIndexOf('.');

        // 1. header: a JWS, not JWE or unsecured
        Header parsedHeader;
        try {
            String headerPart = token.substring(0, first);
            Map<String, Object> headerJson = JSONObjectUtils.parse(FastBase64.decodeToString(headerPart),
                    Header.MAX_HEADER_STRING_LENGTH);
            parsedHeader = Header.parse(headerJson, new Base64URL(headerPart));
        } catch (ParseException | IllegalArgumentException e) {
            return stop(trace, "header", "a JSON JWS header", "unparseable",
                    Rejection.of(RejectionReason.MALFORMED, "The token header is not a valid JOSE header.", null));
        }
        if (parsedHeader instanceof PlainHeader) {
            return stop(trace, "alg", "an asymmetric JWS algorithm", "none",
                    Rejection.of(RejectionReason.UNSECURED, "The token is unsecured (alg none).", "alg: none"));
        }
        if (parsedHeader instanceof JWEHeader || !(parsedHeader instanceof JWSHeader)) {
            return stop(trace, "header", "a JWS header", "a JWE header",
                    Rejection.of(RejectionReason.ENCRYPTED, "The token is a JWE.", null));
        }
        JWSHeader header = (JWSHeader) parsedHeader;
        Rejection first0 = null;

        // 2. algorithm family: asymmetric only, never chosen by the token
        JWSAlgorithm alg = header.getAlgorithm();
        if (!NimbusSignatures.SUPPORTED.contains(alg)) {
            return stop(trace, "alg", "one of " + SUPPORTED_NAMES, alg.getName(),
                    Rejection.of(RejectionReason.DISALLOWED_ALGORITHM, "The token algorithm is not accepted.",
                            "alg: " + alg.getName()));
        }
        pass(trace, "alg", "asymmetric JWS algorithm", alg.getName());

        // 3. typ at+jwt (RFC 9068)
        if (config.requireAccessTokenType()) {
            String typ = header.getType() == null ? null : header.getType().getType();
            boolean ok = typ != null && (typ.equalsIgnoreCase(ACCESS_TOKEN_TYPE) || typ.equalsIgnoreCase(ACCESS_TOKEN_MEDIA_TYPE));
            if (!ok) {
                Rejection r = Rejection.of(RejectionReason.WRONG_TYPE, "The token type is not at+jwt.",
                        "typ: expected at+jwt, found " + quote(typ));
                if (trace == null) {
                    return VerificationResult.rejected(r);
                }
                first0 = record(trace, "typ", "at+jwt", quote(typ), r, first0);
            } else {
                pass(trace, "typ", "at+jwt", typ);
            }
        }

        // 4. crit: no extension is understood, so any is refused
        if ((header.getCriticalParams() != null && !header.getCriticalParams().isEmpty())
                || !header.isBase64URLEncodePayload()) {
            Rejection r = Rejection.of(RejectionReason.UNSUPPORTED_CRITICAL_HEADER,
                    "The token header has critical parameters.", "crit: " + header.getCriticalParams());
            if (trace == null) {
                return VerificationResult.rejected(r);
            }
            first0 = record(trace, "crit", "absent", String.valueOf(header.getCriticalParams()), r, first0);
        }

        // 5. key by kid, from the JWKS only (jwk, jku, x5u, x5c headers are never used)
        String kid = header.getKeyID();
        if (kid == null || kid.isEmpty()) {
            return stopAfter(trace, first0, "kid", "a key id from " + keys.jwksLocation(), null,
                    Rejection.of(RejectionReason.UNKNOWN_KEY, "The token has no key id.", "kid: missing"));
        }
        NimbusKeys.Lookup lookup = keys.find(kid);
        if (lookup.unavailable()) {
            return stopAfter(trace, first0, "kid", "a key from " + keys.jwksLocation(), kid + " (JWKS unavailable)",
                    Rejection.of(RejectionReason.KEYS_UNAVAILABLE, "The JWKS could not be fetched.",
                            "kid " + kid + ": JWKS at " + keys.jwksLocation() + " unavailable"));
        }
        JWK key = lookup.key();
        if (key == null) {
            return stopAfter(trace, first0, "kid", "one of " + knownKids(), kid,
                    Rejection.of(RejectionReason.UNKNOWN_KEY, "The token key id is not in the JWKS.",
                            "kid: found " + quote(kid) + ", JWKS has " + knownKids()));
        }
        pass(trace, "kid", "a key in the JWKS", kid);
        Set<JWSAlgorithm> keyAlgorithms = NimbusSignatures.algorithmsFor(key);
        if (!keyAlgorithms.contains(alg)) {
            return stopAfter(trace, first0, "alg matches key", String.valueOf(keyAlgorithms), alg.getName(),
                    Rejection.of(RejectionReason.DISALLOWED_ALGORITHM, "The token algorithm does not match its key.",
                            "alg: key " + kid + " verifies " + keyAlgorithms + ", token says " + alg.getName()));
        }
        pass(trace, "alg matches key", String.valueOf(keyAlgorithms), alg.getName());

        // 6. signature
        boolean signatureValid;
        try {
            JWSVerifier verifier = signatures.verifierFor(key);
            byte[] signingInput = token.substring(0, last).getBytes(StandardCharsets.US_ASCII);
            signatureValid = verifier.verify(header, signingInput, FastBase64.signature(token.substring(last + 1)));
        } catch (JOSEException | IllegalArgumentException e) {
            signatureValid = false;
        }
        if (!signatureValid) {
            Rejection r = Rejection.of(RejectionReason.INVALID_SIGNATURE, "The token signature does not verify.",
                    "signature: invalid for key " + kid + " (" + alg.getName() + ")");
            if (trace == null) {
                return VerificationResult.rejected(r);
            }
            first0 = record(trace, "signature", "valid for key " + kid, "invalid", r, first0);
        } else {
            pass(trace, "signature", "valid for key " + kid, "valid");
        }

        // Payload: parsed only now, after the signature
        Map<String, Object> claims;
        try {
            claims = JSONObjectUtils.parse(FastBase64.decodeToString(token.substring(first + 1, last)));
        } catch (ParseException | IllegalArgumentException e) {
            return stopAfter(trace, first0, "payload", "a JSON object", "unparseable",
                    Rejection.of(RejectionReason.MALFORMED, "The token payload is not a JSON object.", null));
        }
        return checkClaims(claims, kid, alg, trace, first0);
    }

    /** Steps 7 to 10 and the claim types: issuer, expiry, not-before, issued-at, audience. */
    private VerificationResult checkClaims(Map<String, Object> claims, String kid, JWSAlgorithm alg, Trace trace,
                                           Rejection first0) {
        long now = clock.millis();

        // 7. iss: exact string match
        Object iss = claims.get("iss");
        if (!(iss instanceof String) || !issuers.contains(iss)) {
            Rejection r = Rejection.of(RejectionReason.WRONG_ISSUER, "The token issuer is not accepted.",
                    "iss: expected one of " + config.issuers() + ", found " + describe(iss));
            if (trace == null) {
                return VerificationResult.rejected(r);
            }
            first0 = record(trace, "issuer", String.join(" or ", config.issuers()), describe(iss), r, first0);
        } else {
            pass(trace, "issuer", String.join(" or ", config.issuers()), (String) iss);
        }

        // 8. exp: present, an integer NumericDate, in the future (with skew)
        Object exp = claims.get("exp");
        Long expSeconds = null;
        Rejection expRejection = null;
        if (exp == null) {
            expRejection = Rejection.of(RejectionReason.MISSING_EXPIRY, "The token has no exp claim.", "exp: missing");
        } else if ((expSeconds = numericDate(exp)) == null) {
            expRejection = Rejection.of(RejectionReason.INVALID_CLAIM, "The exp claim is not an integer NumericDate.",
                    "exp: " + describe(exp));
        } else if (now >= expSeconds * 1000 + skewMillis) {
            expRejection = expired(expSeconds, now);
        }
        if (expRejection != null) {
            if (trace == null) {
                return VerificationResult.rejected(expRejection);
            }
            first0 = record(trace, "expiry", "after " + Instant.ofEpochMilli(now - skewMillis) + " (now minus skew "
                    + config.clockSkew() + ")", exp == null ? null : timeOrValue(exp), expRejection, first0);
        } else {
            pass(trace, "expiry", "after " + Instant.ofEpochMilli(now - skewMillis), timeOrValue(exp));
        }

        // 9. nbf and iat: not in the future beyond the skew
        Rejection r = checkNotAfterNow(claims, "nbf", RejectionReason.NOT_YET_VALID, now, trace);
        if (r != null) {
            if (trace == null) {
                return VerificationResult.rejected(r);
            }
            first0 = first0 == null ? r : first0;
        }
        r = checkNotAfterNow(claims, "iat", RejectionReason.ISSUED_IN_FUTURE, now, trace);
        if (r != null) {
            if (trace == null) {
                return VerificationResult.rejected(r);
            }
            first0 = first0 == null ? r : first0;
        }

        // 10. aud, and the token kind it implies
        return checkAudienceAndBuild(claims, kid, alg, expSeconds, trace, first0);
    }

    private VerificationResult checkAudienceAndBuild(Map<String, Object> claims, String kid, JWSAlgorithm alg,
                                                     Long expSeconds, Trace trace, Rejection first0) {
        Object aud = claims.get("aud");
        List<String> audienceValues = stringOrStringList(aud);
        String expectedAudience = String.join(" or ", config.audiences())
                + (config.acceptOrganizationTokens() ? " or " + ORGANIZATION_URN_PREFIX + "<id>" : "");
        if (audienceValues == null || audienceValues.isEmpty()) {
            return stopAfter(trace, first0, "audience", expectedAudience, describe(aud),
                    Rejection.of(RejectionReason.WRONG_AUDIENCE, "The token has no valid aud claim.",
                            "aud: " + describe(aud)));
        }
        String organizationFromAudience = null;
        boolean resourceMatched = false;
        String audienceProblem = null;
        for (String value : audienceValues) {
            if (value.startsWith(ORGANIZATION_URN_PREFIX)) {
                String id = value.substring(ORGANIZATION_URN_PREFIX.length());
                if (id.isEmpty()) {
                    audienceProblem = "an organization URN without id";
                } else if (organizationFromAudience != null && !organizationFromAudience.equals(id)) {
                    audienceProblem = "several organizations";
                } else {
                    organizationFromAudience = id;
                }
            } else if (audiences.contains(value)) {
                resourceMatched = true;
            }
        }
        if (audienceProblem == null && organizationFromAudience != null && resourceMatched) {
            audienceProblem = "both an API resource and an organization";
        }
        if (audienceProblem == null && organizationFromAudience != null && !config.acceptOrganizationTokens()) {
            audienceProblem = "an organization, but organization tokens are not accepted";
        }
        if (audienceProblem == null && organizationFromAudience == null && !resourceMatched) {
            audienceProblem = "no configured resource indicator";
        }
        if (audienceProblem != null) {
            return stopAfter(trace, first0, "audience", expectedAudience, audienceValues.toString(),
                    Rejection.of(RejectionReason.WRONG_AUDIENCE, "The token audience is not accepted.",
                            "aud: expected " + expectedAudience + ", found " + audienceValues + " (" + audienceProblem + ")"));
        }
        pass(trace, "audience", expectedAudience, audienceValues.toString());

        // Claim types: sub required; client_id, scope, organization_id, jti strings when present
        String subject = nonEmptyString(claims.get("sub"));
        Object clientId = claims.get("client_id");
        Object scope = claims.get("scope");
        Object organizationClaim = claims.get("organization_id");
        Object jti = claims.get("jti");
        String claimProblem = null;
        if (subject == null) {
            claimProblem = "sub must be a non-empty string";
        } else if (clientId != null && !(clientId instanceof String)) {
            claimProblem = "client_id must be a string";
        } else if (scope != null && !(scope instanceof String)) {
            claimProblem = "scope must be a space-separated string";
        } else if (jti != null && !(jti instanceof String)) {
            claimProblem = "jti must be a string";
        } else if (organizationClaim != null && nonEmptyString(organizationClaim) == null) {
            claimProblem = "organization_id must be a non-empty string";
        } else if (organizationClaim != null && organizationFromAudience != null
                && !organizationClaim.equals(organizationFromAudience)) {
            claimProblem = "organization_id differs from the organization in aud";
        }
        if (claimProblem != null) {
            return stopAfter(trace, first0, "claims", "sub, and well-typed client_id, scope, organization_id",
                    claimProblem, Rejection.of(RejectionReason.INVALID_CLAIM, "The token has an invalid claim: "
                            + claimProblem + ".", claimProblem));
        }
        Set<String> scopes = parseScopes((String) scope);
        pass(trace, "claims", "sub, and well-typed client_id, scope, organization_id", "ok");

        TokenKind kind;
        String organizationId;
        if (organizationFromAudience != null) {
            kind = TokenKind.ORGANIZATION;
            organizationId = organizationFromAudience;
        } else if (organizationClaim != null) {
            kind = TokenKind.ORGANIZATION_API;
            organizationId = (String) organizationClaim;
        } else {
            kind = TokenKind.GLOBAL_API;
            organizationId = null;
        }
        if (trace != null) {
            trace.check("scopes", true, "(decided per endpoint)", scopes.isEmpty() ? "(none)" : String.join(" ", scopes));
            trace.check("kind", true, "(decided per endpoint)", kind + (organizationId == null ? "" : " for " + organizationId));
        }
        if (first0 != null) {
            return VerificationResult.rejected(first0);
        }
        Object iat = claims.get("iat");
        VerifiedToken verified = new VerifiedToken(freeze(claims), canonicalIssuer((String) claims.get("iss")),
                subject, (String) clientId, scopes, canonicalAudiences(audienceValues), organizationId, kind,
                expSeconds, iat == null ? null : numericDate(iat), (String) jti, kid, alg.getName());
        return VerificationResult.verified(verified);
    }

    private Rejection checkNotAfterNow(Map<String, Object> claims, String name, RejectionReason reason, long now,
                                       Trace trace) {
        Object value = claims.get(name);
        if (value == null) {
            return null;
        }
        Long seconds = numericDate(value);
        Rejection r = null;
        if (seconds == null) {
            r = Rejection.of(RejectionReason.INVALID_CLAIM, "The " + name + " claim is not an integer NumericDate.",
                    name + ": " + describe(value));
        } else if (seconds * 1000 > now + skewMillis) {
            r = Rejection.of(reason, reason.description(), name + ": " + Instant.ofEpochSecond(seconds)
                    + " is after now " + Instant.ofEpochMilli(now) + " plus skew " + config.clockSkew());
        }
        if (trace != null) {
            trace.check(name, r == null, "not after " + Instant.ofEpochMilli(now + skewMillis) + " (now plus skew)",
                    timeOrValue(value));
        }
        return r;
    }

    private Rejection expired(long expSeconds, long now) {
        return Rejection.of(RejectionReason.EXPIRED, "The token has expired.", "exp: " + Instant.ofEpochSecond(expSeconds)
                + " is before now " + Instant.ofEpochMilli(now) + " minus skew " + config.clockSkew());
    }

    private String knownKids() {
        List<String> kids = new ArrayList<>();
        for (JWK key : keys.currentKeys()) {
            kids.add(key.getKeyID());
        }
        return kids.toString();
    }

    private String canonicalIssuer(String iss) {
        for (String issuer : config.issuers()) {
            if (issuer.equals(iss)) {
                return issuer;
            }
        }
        return iss;
    }

    private List<String> canonicalAudiences(List<String> values) {
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
    private static Long numericDate(Object value) {
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

    private static List<String> stringOrStringList(Object aud) {
        if (aud instanceof String) {
            return ((String) aud).isEmpty() ? null : List.of((String) aud);
        }
        if (aud instanceof List) {
            List<String> values = new ArrayList<>();
            for (Object item : (List<?>) aud) {
                if (!(item instanceof String) || ((String) item).isEmpty()) {
                    return null;
                }
                values.add((String) item);
            }
            return values;
        }
        return null;
    }

    private static String nonEmptyString(Object value) {
        return value instanceof String && !((String) value).isEmpty() ? (String) value : null;
    }

    private static Set<String> parseScopes(String scope) {
        if (scope == null || scope.isBlank()) {
            return Set.of();
        }
        Set<String> scopes = new HashSet<>();
        int start = 0;
        int length = scope.length();
        while (start < length) {
            int end = scope.indexOf(' ', start);
            if (end < 0) {
                end = length;
            }
            if (end > start) {
                scopes.add(scope.substring(start, end));
            }
            start = end + 1;
        }
        return Set.copyOf(scopes);
    }

    /** A deep read-only copy of the claims, leaving out JSON nulls. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> freeze(Map<String, Object> claims) {
        Map<String, Object> copy = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : claims.entrySet()) {
            if (entry.getValue() != null) {
                copy.put(ClaimNames.canonical(entry.getKey()), freezeValue(entry.getValue()));
            }
        }
        return Map.copyOf(copy);
    }

    @SuppressWarnings("unchecked")
    private static Object freezeValue(Object value) {
        if (value instanceof Map) {
            return freeze((Map<String, Object>) value);
        }
        if (value instanceof List) {
            List<Object> items = new ArrayList<>();
            for (Object item : (List<Object>) value) {
                items.add(item == null ? null : freezeValue(item));
            }
            return Collections.unmodifiableList(items);
        }
        return value;
    }

    private static String describe(Object value) {
        if (value == null) {
            return "(missing)";
        }
        if (value instanceof String) {
            return quote((String) value);
        }
        return value.getClass().getSimpleName().replace("Linked", "").replace("Tree", "").replace("Array", "")
                .toLowerCase() + " " + truncate(String.valueOf(value));
    }

    private static String timeOrValue(Object value) {
        Long seconds = value == null ? null : numericDate(value);
        return seconds != null ? Instant.ofEpochSecond(seconds).toString() : describe(value);
    }

    private static String quote(String value) {
        return value == null ? "(missing)" : "'" + truncate(value) + "'";
    }

    private static String truncate(String value) {
        return value.length() > 120 ? value.substring(0, 120) + "..." : value;
    }

    private static void pass(Trace trace, String name, String expected, String found) {
        if (trace != null) {
            trace.check(name, true, expected, found);
        }
    }

    private static VerificationResult stop(Trace trace, String name, String expected, String found, Rejection r) {
        if (trace != null) {
            trace.check(name, false, expected, found);
        }
        return VerificationResult.rejected(r);
    }

    /** Records a failure that ends the pipeline, reporting the earliest failure seen. */
    private static VerificationResult stopAfter(Trace trace, Rejection earlier, String name, String expected,
                                                String found, Rejection r) {
        if (trace != null) {
            trace.check(name, false, expected, found);
        }
        return VerificationResult.rejected(earlier != null ? earlier : r);
    }

    private static Rejection record(Trace trace, String name, String expected, String found, Rejection r,
                                    Rejection earlier) {
        trace.check(name, false, expected, found);
        return earlier != null ? earlier : r;
    }

    /** Collects checks for {@link #explain(String)}. */
    private static final class Trace {
        final List<TokenExplanation.Check> checks = new ArrayList<>();

        void check(String name, boolean passed, String expected, String found) {
            checks.add(new TokenExplanation.Check(name, passed, expected, found));
        }
    }

    /** Canonical instances of the claim names Logto uses, so cached tokens share them. */
    private static final class ClaimNames {
        private static final Map<String, String> NAMES = Map.ofEntries(
                Map.entry("iss", "iss"), Map.entry("sub", "sub"), Map.entry("aud", "aud"), Map.entry("exp", "exp"),
                Map.entry("iat", "iat"), Map.entry("nbf", "nbf"), Map.entry("jti", "jti"),
                Map.entry("client_id", "client_id"), Map.entry("scope", "scope"),
                Map.entry("organization_id", "organization_id"));

        static String canonical(String name) {
            return NAMES.getOrDefault(name, name);
        }
    }
}
