package io.logto.resource.core;

import java.util.List;

/**
 * The bearer token found in a request's {@code Authorization} header(s), following RFC 6750 section
 * 2.1: the scheme {@code Bearer} in any letter case, one space or more, then exactly one token of the
 * {@code b64token} grammar. Tokens in query strings or form bodies are never looked at.
 *
 * <ul>
 *   <li>no header, or a header with another scheme (e.g. {@code Basic}): {@link #isAbsent()} (answered with 401, no error code);</li>
 *   <li>a {@code Bearer} header with no token, several tokens, illegal characters, or several
 *       {@code Authorization} headers: {@link #isMalformed()} (answered with 400 {@code invalid_request});</li>
 *   <li>otherwise {@link #isPresent()} and {@link #value()} is the token, not yet verified.</li>
 * </ul>
 *
 * <p>{@link #toString()} never shows the token.
 */
public final class BearerToken {

    /** Headers longer than this are malformed without being scanned further (1 MiB). */
    static final int MAX_HEADER_LENGTH = 1024 * 1024;

    private static final BearerToken ABSENT = new BearerToken(null, false, false);
    private static final BearerToken MALFORMED = new BearerToken(null, true, false);
    private static final String SCHEME = "Bearer";
    /** What {@link #scheme} found. */
    private static final int NOT_BEARER = 0;
    private static final int MALFORMED_BEARER = 1;
    private static final int BEARER_THEN_SPACE = 2;

    private final String value;
    private final boolean malformed;
    private final boolean jwsCharacters;

    private BearerToken(String value, boolean malformed, boolean jwsCharacters) {
        this.value = value;
        this.malformed = malformed;
        this.jwsCharacters = jwsCharacters;
    }

    /**
     * Reads the bearer token from one {@code Authorization} header value.
     *
     * @param authorization the header value, or null when the header is missing
     * @return the extraction result
     */
    public static BearerToken fromHeader(String authorization) {
        if (authorization == null) {
            return ABSENT;
        }
        if (authorization.length() > MAX_HEADER_LENGTH) {
            return MALFORMED;
        }
        String header = authorization.strip();
        switch (scheme(header)) {
            case NOT_BEARER:
                return ABSENT;
            case MALFORMED_BEARER:
                return MALFORMED;
            default:
                break;
        }
        int start = SCHEME.length();
        while (start < header.length() && header.charAt(start) == ' ') {
            start++;
        }
        if (start == header.length()) {
            return MALFORMED;
        }
        // One pass for a JWS: base64url and dots are b64token characters too, so the rest of the b64token grammar is
        // scanned only from the first character that is not one of them (and the verifier skips its own scan).
        int end = TokenChars.span(header, start, TokenChars.BASE64URL | TokenChars.DOT);
        boolean jwsCharacters = end == header.length();
        if (!jwsCharacters) {
            end = TokenChars.span(header, end, TokenChars.B64TOKEN);
            while (end < header.length() && header.charAt(end) == '=') {
                end++;
            }
            if (end != header.length()) {
                return MALFORMED;
            }
        }
        return new BearerToken(header.substring(start), false, jwsCharacters);
    }

    /**
     * Reads the bearer token from all {@code Authorization} header values of a request; more than one
     * header is malformed (RFC 6750 section 3.1).
     *
     * @param authorizations every value of the header, possibly empty
     * @return the extraction result
     */
    public static BearerToken fromHeaders(List<String> authorizations) {
        if (authorizations == null || authorizations.isEmpty()) {
            return ABSENT;
        }
        if (authorizations.size() > 1) {
            return MALFORMED;
        }
        return fromHeader(authorizations.get(0));
    }

    /**
     * Whether a request with this {@code Authorization} header carries bearer credentials, well-formed or not:
     * the answer of {@code !fromHeader(authorization).isAbsent()} from the scheme alone, without reading the token
     * (for decisions that only need to know whether a token was sent, such as exempting a request from CSRF
     * protection).
     *
     * @param authorization the header value, or null when the header is missing
     * @return true unless the header is missing or of another scheme (a header over 1 MiB counts as malformed
     *     bearer credentials, as {@link #fromHeader} reads it)
     */
    public static boolean presentsBearer(String authorization) {
        return authorization != null
                && (authorization.length() > MAX_HEADER_LENGTH || scheme(authorization.strip()) != NOT_BEARER);
    }

    /**
     * How a stripped header value starts: not {@code Bearer}; {@code Bearer} alone or followed by a tab (malformed);
     * or {@code Bearer} and a space, a token to read.
     */
    private static int scheme(String header) {
        if (header.length() < SCHEME.length() || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return NOT_BEARER;
        }
        if (header.length() == SCHEME.length()) {
            return MALFORMED_BEARER;
        }
        char next = header.charAt(SCHEME.length());
        if (next != ' ') {
            // "Bearerx ..." is another scheme; a tab is not the space RFC 6750 requires
            return next == '\t' ? MALFORMED_BEARER : NOT_BEARER;
        }
        return BEARER_THEN_SPACE;
    }

    /** Whether the request carried no bearer credentials. */
    public boolean isAbsent() {
        return value == null && !malformed;
    }

    /** Whether the {@code Authorization} header is malformed. */
    public boolean isMalformed() {
        return malformed;
    }

    /** Whether a syntactically valid token was found. */
    public boolean isPresent() {
        return value != null;
    }

    /**
     * The token text, not yet verified.
     *
     * @return the token
     * @throws IllegalStateException when no token was found
     */
    public String value() {
        if (value == null) {
            throw new IllegalStateException("no bearer token");
        }
        return value;
    }

    /**
     * Whether the token holds only base64url characters and dots, the characters of a compact JWS: found while
     * reading the header, so that the verifier need not scan the token for them again.
     */
    boolean hasOnlyJwsCharacters() {
        return jwsCharacters;
    }

    /** Absent, malformed or present; never the token itself. */
    @Override
    public String toString() {
        return malformed ? "BearerToken[malformed]" : value == null ? "BearerToken[absent]" : "BearerToken[present]";
    }
}
