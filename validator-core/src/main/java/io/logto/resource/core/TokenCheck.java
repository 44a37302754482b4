package io.logto.resource.core;

import static io.logto.resource.core.CheckContext.describe;
import static io.logto.resource.core.CheckContext.numericDate;
import static io.logto.resource.core.CheckContext.quote;
import static io.logto.resource.core.CheckContext.timeOrValue;

import com.nimbusds.jose.Header;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import io.logto.resource.core.internal.FastBase64;
import io.logto.resource.core.internal.NimbusKeys;
import io.logto.resource.core.internal.NimbusSignatures;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Instant;
import java.util.Map;
import java.util.TreeSet;

/**
 * The verification checks, in the order they run (the order of {@link RejectionReason}). Each check reads
 * the {@link Candidate}, records what it finds there for later checks, and answers a rejection or null;
 * {@link #explain} describes the same outcome for {@link TokenExplainer}.
 *
 * <p>{@link DefaultLogtoTokenVerifier#verify(String)} stops at the first rejection. The explainer records
 * every check and goes on after a failed check unless the check {@link #stopsExplanation() stops} it
 * (later checks would have nothing to read). Checks are stateless singletons: running them allocates only
 * what the check itself needs (parsed JSON, the rejection).
 */
enum TokenCheck {

    /** Length, alphabet and part count: the checks that need no parsing. */
    FORMAT(true) {
        @Override
        Rejection check(Candidate c) {
            return shape(c.token, c.context.config.maxTokenLength(), false);
        }

        @Override
        void explain(Candidate c, Rejection r, TokenExplainer.Trace trace) {
            trace.check("format", r == null, "compact JWS (three base64url parts), at most "
                    + c.context.config.maxTokenLength() + " characters", r == null ? "ok" : r.detail());
        }
    },

    /** The header is JSON and a JWS header: not unsecured ({@code alg: none}), not a JWE. */
    HEADER(true) {
        @Override
        Rejection check(Candidate c) {
            String token = c.token;
            c.first = token.indexOf('.');
            c.last = token.lastIndexOf('.');
            Header parsed;
            try {
                String headerPart = token.substring(0, c.first);
                Map<String, Object> json = JSONObjectUtils.parse(FastBase64.decodeToString(headerPart),
                        Header.MAX_HEADER_STRING_LENGTH);
                parsed = Header.parse(json, new Base64URL(headerPart));
                c.headerJson = json;
            } catch (ParseException | IllegalArgumentException e) {
                return Rejection.of(RejectionReason.MALFORMED, "The token header is not a valid JOSE header.", null);
            }
            if (parsed instanceof PlainHeader) {
                return Rejection.of(RejectionReason.UNSECURED, "The token is unsecured (alg none).", "alg: none");
            }
            if (parsed instanceof JWEHeader || !(parsed instanceof JWSHeader)) {
                return Rejection.of(RejectionReason.ENCRYPTED, "The token is a JWE.", null);
            }
            c.header = (JWSHeader) parsed;
            c.alg = c.header.getAlgorithm();
            return null;
        }

        @Override
        void explain(Candidate c, Rejection r, TokenExplainer.Trace trace) {
            if (r == null) {
                return;
            }
            switch (r.reason()) {
                case UNSECURED:
                    trace.check("alg", false, "an asymmetric JWS algorithm", "none");
                    break;
                case ENCRYPTED:
                    trace.check("header", false, "a JWS header", "a JWE header");
                    break;
                default:
                    trace.check("header", false, "a JSON JWS header", "unparseable");
                    break;
            }
        }
    },

    /** An asymmetric algorithm this SDK verifies; never chosen by the token beyond that list. */
    ALGORITHM(true) {
        @Override
        Rejection check(Candidate c) {
            if (!NimbusSignatures.SUPPORTED.contains(c.alg)) {
                return Rejection.of(RejectionReason.DISALLOWED_ALGORITHM, "The token algorithm is not accepted.",
                        "alg: " + c.alg.getName());
            }
            return null;
        }

        @Override
        void explain(Candidate c, Rejection r, TokenExplainer.Trace trace) {
            if (r == null) {
                trace.check("alg", true, "asymmetric JWS algorithm", c.alg.getName());
            } else {
                trace.check("alg", false, "one of " + CheckContext.SUPPORTED_NAMES, c.alg.getName());
            }
        }
    },

    /** Header {@code typ} is {@code at+jwt} (RFC 9068), unless the configuration turns this off. */
    TYPE(false) {
        @Override
        Rejection check(Candidate c) {
            if (!c.context.config.requireAccessTokenType()) {
                return null;
            }
            String typ = c.header.getType() == null ? null : c.header.getType().getType();
            c.typ = typ;
            if (typ != null && (typ.equalsIgnoreCase(CheckContext.ACCESS_TOKEN_TYPE)
                    || typ.equalsIgnoreCase(CheckContext.ACCESS_TOKEN_MEDIA_TYPE))) {
                return null;
            }
            return Rejection.of(RejectionReason.WRONG_TYPE, "The token type is not at+jwt.",
                    "typ: expected at+jwt, found " + quote(typ));
        }

        @Override
        void explain(Candidate c, Rejection r, TokenExplainer.Trace trace) {
            if (c.context.config.requireAccessTokenType()) {
                trace.check("typ", r == null, "at+jwt", r == null ? c.typ : quote(c.typ));
            }
        }
    },

    /**
     * No {@code crit} header in any form: no extension is understood, so a named one is refused, and an
     * empty or null {@code crit} is invalid (RFC 7515 section 4.1.11).
     */
    CRITICAL(false) {
        @Override
        Rejection check(Candidate c) {
            JWSHeader header = c.header;
            if (c.headerJson.containsKey("crit") || !header.isBase64URLEncodePayload()) {
                return Rejection.of(RejectionReason.UNSUPPORTED_CRITICAL_HEADER,
                        "The token header has critical parameters.", "crit: " + critical(c));
            }
            return null;
        }

        @Override
        void explain(Candidate c, Rejection r, TokenExplainer.Trace trace) {
            if (r != null) {
                trace.check("crit", false, "absent", critical(c));
            }
        }

        /** The parameters Nimbus read, or the raw member when it names none ({@code []}, {@code null}). */
        private String critical(Candidate c) {
            Object names = c.header.getCriticalParams();
            return String.valueOf(names != null && !c.header.getCriticalParams().isEmpty() ? names
                    : c.headerJson.get("crit"));
        }
    },

    /**
     * The key named by {@code kid}, from the JWKS only ({@code jwk}, {@code jku}, {@code x5u}, {@code x5c}
     * headers are never used). The one check that may wait for I/O: see {@link Candidate#lookup}.
     */
    KEY(true) {
        @Override
        Rejection check(Candidate c) {
            String kid = c.header.getKeyID();
            c.kid = kid;
            if (kid == null || kid.isEmpty()) {
                return Rejection.of(RejectionReason.UNKNOWN_KEY, "The token has no key id.", "kid: missing");
            }
            NimbusKeys.Lookup lookup = c.lookup != null ? c.lookup : c.context.keys.find(kid);
            c.lookup = lookup;
            if (lookup.unavailable()) {
                return Rejection.of(RejectionReason.KEYS_UNAVAILABLE, "The JWKS could not be fetched.",
                        "kid " + kid + ": JWKS at " + c.context.keys.jwksLocation() + " unavailable");
            }
            c.key = lookup.key();
            if (c.key == null) {
                return Rejection.of(RejectionReason.UNKNOWN_KEY, "The token key id is not in the JWKS.",
                        "kid: found " + quote(kid) + ", JWKS has " + c.context.knownKids());
            }
            return null;
        }

        @Override
        void explain(Candidate c, Rejection r, TokenExplainer.Trace trace) {
            if (c.kid == null || c.kid.isEmpty()) {
                trace.check("kid", false, "a key id from " + c.context.keys.jwksLocation(), null);
            } else if (r == null) {
                trace.check("kid", true, "a key in the JWKS", c.kid);
            } else if (r.reason() == RejectionReason.KEYS_UNAVAILABLE) {
                trace.check("kid", false, "a key from " + c.context.keys.jwksLocation(), c.kid + " (JWKS unavailable)");
            } else {
                trace.check("kid", false, "one of " + c.context.knownKids(), c.kid);
            }
        }
    },

    /** The token's {@code alg} is one the key is for (its {@code alg}, else its type and curve). */
    KEY_ALGORITHM(true) {
        @Override
        Rejection check(Candidate c) {
            c.keyAlgorithms = NimbusSignatures.algorithmsFor(c.key);
            if (!c.keyAlgorithms.contains(c.alg)) {
                return Rejection.of(RejectionReason.DISALLOWED_ALGORITHM, "The token algorithm does not match its key.",
                        "alg: key " + c.kid + " verifies " + c.keyAlgorithms + ", token says " + c.alg.getName());
            }
            return null;
        }

        @Override
        void explain(Candidate c, Rejection r, TokenExplainer.Trace trace) {
            trace.check("alg matches key", r == null, String.valueOf(c.keyAlgorithms), c.alg.getName());
        }
    },

    /** The signature verifies with that key. */
    SIGNATURE(false) {
        @Override
        Rejection check(Candidate c) {
            boolean valid;
            try {
                JWSVerifier verifier = c.context.signatures.verifierFor(c.key);
                byte[] signingInput = c.token.substring(0, c.last).getBytes(StandardCharsets.US_ASCII);
                valid = verifier.verify(c.header, signingInput, FastBase64.signature(c.token.substring(c.last + 1)));
            } catch (JOSEException | IllegalArgumentException e) {
                valid = false;
            }
            if (valid) {
                return null;
            }
            return Rejection.of(RejectionReason.INVALID_SIGNATURE, "The token signature does not verify.",
                    "signature: invalid for key " + c.kid + " (" + c.alg.getName() + ")");
        }

        @Override
        void explain(Candidate c, Rejection r, TokenExplainer.Trace trace) {
            trace.check("signature", r == null, "valid for key " + c.kid, r == null ? "valid" : "invalid");
        }
    },

    /** The payload is a JSON object; parsed only now, after the signature. */
    PAYLOAD(true) {
        @Override
        Rejection check(Candidate c) {
            try {
                c.claims = JSONObjectUtils.parse(FastBase64.decodeToString(c.token.substring(c.first + 1, c.last)));
            } catch (ParseException | IllegalArgumentException e) {
                return Rejection.of(RejectionReason.MALFORMED, "The token payload is not a JSON object.", null);
            }
            c.now = c.context.clock.millis();
            return null;
        }

        @Override
        void explain(Candidate c, Rejection r, TokenExplainer.Trace trace) {
            if (r != null) {
                trace.check("payload", false, "a JSON object", "unparseable");
            }
        }
    },

    /** {@code iss} is exactly one of the configured issuers. */
    ISSUER(false) {
        @Override
        Rejection check(Candidate c) {
            Object iss = c.claims.get("iss");
            if (iss instanceof String && c.context.issuers.contains(iss)) {
                return null;
            }
            return Rejection.of(RejectionReason.WRONG_ISSUER, "The token issuer is not accepted.",
                    "iss: expected one of " + c.context.config.issuers() + ", found " + describe(iss));
        }

        @Override
        void explain(Candidate c, Rejection r, TokenExplainer.Trace trace) {
            Object iss = c.claims.get("iss");
            trace.check("issuer", r == null, c.context.expectedIssuer, r == null ? (String) iss : describe(iss));
        }
    },

    /** {@code exp} is present, an integer NumericDate, and not past (with the clock skew). */
    EXPIRY(false) {
        @Override
        Rejection check(Candidate c) {
            Object exp = c.claims.get("exp");
            if (exp == null) {
                return Rejection.of(RejectionReason.MISSING_EXPIRY, "The token has no exp claim.", "exp: missing");
            }
            Long seconds = numericDate(exp);
            if (seconds == null) {
                return Rejection.of(RejectionReason.INVALID_CLAIM, "The exp claim is not an integer NumericDate.",
                        "exp: " + describe(exp));
            }
            c.expSeconds = seconds;
            if (c.now >= seconds * 1000 + c.context.skewMillis) {
                return c.context.expired(seconds, c.now);
            }
            return null;
        }

        @Override
        void explain(Candidate c, Rejection r, TokenExplainer.Trace trace) {
            Object exp = c.claims.get("exp");
            Instant earliest = Instant.ofEpochMilli(c.now - c.context.skewMillis);
            if (r == null) {
                trace.check("expiry", true, "after " + earliest, timeOrValue(exp));
            } else {
                trace.check("expiry", false, "after " + earliest + " (now minus skew " + c.context.config.clockSkew()
                        + ")", exp == null ? null : timeOrValue(exp));
            }
        }
    },

    /** {@code nbf}, when present (a JSON {@code null} is present and refused), is an integer NumericDate not in the future (with the clock skew). */
    NOT_BEFORE(false) {
        @Override
        Rejection check(Candidate c) {
            return notAfterNow(c, "nbf", RejectionReason.NOT_YET_VALID);
        }

        @Override
        void explain(Candidate c, Rejection r, TokenExplainer.Trace trace) {
            explainNotAfterNow(c, "nbf", r, trace);
        }
    },

    /** {@code iat}, when present (a JSON {@code null} is present and refused), is an integer NumericDate not in the future (with the clock skew). */
    ISSUED_AT(false) {
        @Override
        Rejection check(Candidate c) {
            return notAfterNow(c, "iat", RejectionReason.ISSUED_IN_FUTURE);
        }

        @Override
        void explain(Candidate c, Rejection r, TokenExplainer.Trace trace) {
            explainNotAfterNow(c, "iat", r, trace);
        }
    },

    /**
     * {@code aud} names a configured resource indicator, or one organization
     * ({@code urn:logto:organization:<id>}) when organization tokens are accepted, never both.
     */
    AUDIENCE(true) {
        @Override
        Rejection check(Candidate c) {
            Object aud = c.claims.get("aud");
            c.audienceValues = ClaimValues.stringOrStringList(aud);
            if (c.audienceValues == null || c.audienceValues.isEmpty()) {
                return Rejection.of(RejectionReason.WRONG_AUDIENCE, "The token has no valid aud claim.",
                        "aud: " + describe(aud));
            }
            String organization = null;
            boolean resourceMatched = false;
            String problem = null;
            for (String value : c.audienceValues) {
                if (value.startsWith(CheckContext.ORGANIZATION_URN_PREFIX)) {
                    String id = value.substring(CheckContext.ORGANIZATION_URN_PREFIX.length());
                    if (id.isEmpty()) {
                        problem = "an organization URN without id";
                    } else if (organization != null && !organization.equals(id)) {
                        problem = "several organizations";
                    } else {
                        organization = id;
                    }
                } else if (c.context.audiences.contains(value)) {
                    resourceMatched = true;
                }
            }
            if (problem == null && organization != null && resourceMatched) {
                problem = "both an API resource and an organization";
            }
            if (problem == null && organization != null && !c.context.config.acceptOrganizationTokens()) {
                problem = "an organization, but organization tokens are not accepted";
            }
            if (problem == null && organization == null && !resourceMatched) {
                problem = "no configured resource indicator";
            }
            if (problem != null) {
                return Rejection.of(RejectionReason.WRONG_AUDIENCE, "The token audience is not accepted.",
                        "aud: expected " + c.context.expectedAudience + ", found " + c.audienceValues + " (" + problem + ")");
            }
            c.organizationFromAudience = organization;
            return null;
        }

        @Override
        void explain(Candidate c, Rejection r, TokenExplainer.Trace trace) {
            boolean absent = c.audienceValues == null || c.audienceValues.isEmpty();
            trace.check("audience", r == null, c.context.expectedAudience,
                    absent ? describe(c.claims.get("aud")) : c.audienceValues.toString());
        }
    },

    /**
     * Claim types: {@code sub} a non-empty string; {@code client_id}, {@code scope}, {@code jti} strings
     * and {@code organization_id} a non-empty string when present (a JSON {@code null} is present and
     * refused), agreeing with an organization in {@code aud}. Decides the token kind.
     */
    CLAIMS(true) {
        @Override
        Rejection check(Candidate c) {
            Map<String, Object> claims = c.claims;
            String subject = ClaimValues.nonEmptyString(claims.get("sub"));
            Object clientId = claims.get("client_id");
            Object scope = claims.get("scope");
            Object organizationClaim = claims.get("organization_id");
            Object jti = claims.get("jti");
            String problem = null;
            // present means present: a JSON null is not an absent claim (organization_id: null is no global token)
            if (subject == null) {
                problem = "sub must be a non-empty string";
            } else if (!(clientId instanceof String) && claims.containsKey("client_id")) {
                problem = "client_id must be a string";
            } else if (!(scope instanceof String) && claims.containsKey("scope")) {
                problem = "scope must be a space-separated string";
            } else if (!(jti instanceof String) && claims.containsKey("jti")) {
                problem = "jti must be a string";
            } else if (ClaimValues.nonEmptyString(organizationClaim) == null && claims.containsKey("organization_id")) {
                problem = "organization_id must be a non-empty string";
            } else if (organizationClaim != null && c.organizationFromAudience != null
                    && !organizationClaim.equals(c.organizationFromAudience)) {
                problem = "organization_id differs from the organization in aud";
            }
            if (problem != null) {
                return Rejection.of(RejectionReason.INVALID_CLAIM, "The token has an invalid claim: " + problem + ".",
                        problem);
            }
            c.subject = subject;
            c.scopes = ClaimValues.parseScopes((String) scope);
            if (c.organizationFromAudience != null) {
                c.kind = TokenKind.ORGANIZATION;
                c.organizationId = c.organizationFromAudience;
            } else if (organizationClaim != null) {
                c.kind = TokenKind.ORGANIZATION_API;
                c.organizationId = (String) organizationClaim;
            } else {
                c.kind = TokenKind.GLOBAL_API;
            }
            return null;
        }

        @Override
        void explain(Candidate c, Rejection r, TokenExplainer.Trace trace) {
            trace.check("claims", r == null, "sub, and well-typed client_id, scope, organization_id",
                    r == null ? "ok" : r.detail());
            if (r == null) {
                trace.check("scopes", true, "(decided per endpoint)",
                        c.scopes.isEmpty() ? "(none)" : String.join(" ", new TreeSet<>(c.scopes)));
                trace.check("kind", true, "(decided per endpoint)",
                        c.kind + (c.organizationId == null ? "" : " for " + c.organizationId));
            }
        }
    };

    /** Every check, in order; a shared array, so running the list allocates nothing. */
    static final TokenCheck[] ALL = values();

    private final boolean stopsExplanation;

    TokenCheck(boolean stopsExplanation) {
        this.stopsExplanation = stopsExplanation;
    }

    /**
     * Runs this check.
     *
     * @param c the token and what earlier checks found
     * @return the rejection, or null when the token passes
     */
    abstract Rejection check(Candidate c);

    /**
     * Records this check's outcome with its expected and found values; some checks record nothing when
     * they pass (or do not apply), as the explanation has always shown them.
     *
     * @param c     the candidate after {@link #check(Candidate)}
     * @param r     what {@link #check(Candidate)} answered
     * @param trace where to record
     */
    abstract void explain(Candidate c, Rejection r, TokenExplainer.Trace trace);

    /** Whether a failure of this check leaves later checks nothing to read, so explaining stops there. */
    boolean stopsExplanation() {
        return stopsExplanation;
    }

    /**
     * Runs the checks {@code from} (inclusive) to {@code to} (exclusive) in order, stopping at the first
     * rejection.
     *
     * @return the first rejection, or null when all passed
     */
    static Rejection run(Candidate c, TokenCheck from, TokenCheck to) {
        for (int i = from.ordinal(), end = to == null ? ALL.length : to.ordinal(); i < end; i++) {
            Rejection r = ALL[i].check(c);
            if (r != null) {
                return r;
            }
        }
        return null;
    }

    /**
     * {@link #FORMAT} on a bare token, before any {@link Candidate} exists (the verified-token cache is keyed on it).
     * When the token's characters are already known to be base64url and dots
     * ({@link BearerToken#hasOnlyJwsCharacters()}), only the length and the parts are checked.
     */
    static Rejection shape(String token, int maxTokenLength, boolean onlyJwsCharacters) {
        if (token == null || token.isEmpty()) {
            return Rejection.of(RejectionReason.MALFORMED, "The token is empty.", null);
        }
        int length = token.length();
        if (length > maxTokenLength) {
            return Rejection.of(RejectionReason.MALFORMED, "The token is longer than the maximum length.",
                    "length " + length + " > maxTokenLength " + maxTokenLength);
        }
        int illegal = onlyJwsCharacters ? length : TokenChars.span(token, 0, TokenChars.BASE64URL | TokenChars.DOT);
        if (illegal != length) {
            return Rejection.of(RejectionReason.MALFORMED, "The token contains characters outside base64url.",
                    "illegal character at index " + illegal);
        }
        int dots = 0;
        int first = -1;
        int last = -1;
        for (int dot = token.indexOf('.'); dot >= 0; dot = token.indexOf('.', dot + 1)) {
            dots++;
            first = first < 0 ? dot : first;
            last = dot;
        }
        if (dots == 4) {
            return Rejection.of(RejectionReason.ENCRYPTED, "The token is a JWE (five parts).", null);
        }
        if (dots != 2) {
            return Rejection.of(RejectionReason.MALFORMED, "The token does not have three parts.",
                    (dots + 1) + " parts");
        }
        if (first == 0 || last == first + 1 || last == length - 1) {
            return Rejection.of(RejectionReason.MALFORMED, "The token has an empty part.", null);
        }
        return null;
    }

    private static Rejection notAfterNow(Candidate c, String name, RejectionReason reason) {
        Object value = c.claims.get(name);
        if (value == null && !c.claims.containsKey(name)) {
            return null;
        }
        Long seconds = value == null ? null : numericDate(value);
        if (seconds == null) {
            return Rejection.of(RejectionReason.INVALID_CLAIM, "The " + name + " claim is not an integer NumericDate.",
                    name + ": " + (value == null ? "null" : describe(value)));
        }
        if (seconds * 1000 > c.now + c.context.skewMillis) {
            return Rejection.of(reason, reason.description(), name + ": " + Instant.ofEpochSecond(seconds)
                    + " is after now " + Instant.ofEpochMilli(c.now) + " plus skew " + c.context.config.clockSkew());
        }
        return null;
    }

    private static void explainNotAfterNow(Candidate c, String name, Rejection r, TokenExplainer.Trace trace) {
        Object value = c.claims.get(name);
        if (value != null || c.claims.containsKey(name)) {
            trace.check(name, r == null, "not after " + Instant.ofEpochMilli(c.now + c.context.skewMillis)
                    + " (now plus skew)", value == null ? "null" : timeOrValue(value));
        }
    }
}
