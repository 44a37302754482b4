package io.logto.resource.core;

/**
 * Character classes of the two token grammars the core checks on every request, as one lookup table: the
 * {@code b64token} of RFC 6750 section 2.1 ({@link BearerToken}) and the base64url alphabet of a JWS in compact
 * serialization plus its dots ({@link TokenCheck#shape}). A table lookup per character instead of a chain of
 * range comparisons: on base64url text those comparisons branch unpredictably, which made the two scans of an
 * 800-character token cost about 3 µs each (about 0.3 µs with the table), the larger part of a cache hit.
 */
final class TokenChars {

    /** {@code A-Z a-z 0-9 - _}: the base64url alphabet without padding (RFC 7515 section 2). */
    static final int BASE64URL = 1;
    /** {@code .}: the separator of a JWS's parts. */
    static final int DOT = 2;
    /** {@code A-Z a-z 0-9 - . _ ~ + /}: RFC 6750's {@code b64token}, without its trailing {@code =} padding. */
    static final int B64TOKEN = 4;

    private static final byte[] CLASSES = new byte[128];

    static {
        for (char c = 'A'; c <= 'Z'; c++) {
            CLASSES[c] = BASE64URL | B64TOKEN;
        }
        for (char c = 'a'; c <= 'z'; c++) {
            CLASSES[c] = BASE64URL | B64TOKEN;
        }
        for (char c = '0'; c <= '9'; c++) {
            CLASSES[c] = BASE64URL | B64TOKEN;
        }
        CLASSES['-'] = BASE64URL | B64TOKEN;
        CLASSES['_'] = BASE64URL | B64TOKEN;
        CLASSES['.'] = DOT | B64TOKEN;
        CLASSES['~'] = B64TOKEN;
        CLASSES['+'] = B64TOKEN;
        CLASSES['/'] = B64TOKEN;
    }

    private TokenChars() {
    }

    /**
     * The index of the first character at or after {@code start} that belongs to none of {@code classes}, or the
     * string's length when every one does.
     *
     * @param text the text to scan
     * @param start the first index to look at
     * @param classes one or more of {@link #BASE64URL}, {@link #DOT}, {@link #B64TOKEN}, or-ed together
     * @return the index of the first other character, or {@code text.length()}
     */
    static int span(String text, int start, int classes) {
        int length = text.length();
        for (int i = start; i < length; i++) {
            char c = text.charAt(i);
            if (c >= CLASSES.length || (CLASSES[c] & classes) == 0) {
                return i;
            }
        }
        return length;
    }
}
