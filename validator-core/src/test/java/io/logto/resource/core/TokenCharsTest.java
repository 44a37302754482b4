package io.logto.resource.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The lookup table behind {@link BearerToken} and {@link TokenCheck#shape}, checked against both grammars for every char. */
class TokenCharsTest {

    private static boolean base64url(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    }

    private static boolean b64token(char c) {
        return base64url(c) || c == '.' || c == '~' || c == '+' || c == '/';
    }

    @Test
    void everyCharIsClassifiedAsTheGrammarsSay() {
        for (int i = 0; i <= Character.MAX_VALUE; i++) {
            char c = (char) i;
            String text = "ab" + c + "cd";
            assertEquals(base64url(c) ? 5 : 2, TokenChars.span(text, 0, TokenChars.BASE64URL), "base64url " + i);
            assertEquals(c == '.' || base64url(c) ? 5 : 2, TokenChars.span(text, 0, TokenChars.BASE64URL | TokenChars.DOT),
                    "base64url or dot " + i);
            assertEquals(b64token(c) ? 5 : 2, TokenChars.span(text, 0, TokenChars.B64TOKEN), "b64token " + i);
        }
    }

    @Test
    void spanStartsAtTheGivenIndexAndStopsAtTheFirstOtherCharacter() {
        assertEquals(3, TokenChars.span("a b.c=", 2, TokenChars.BASE64URL));
        assertEquals(5, TokenChars.span("a b.c=", 2, TokenChars.B64TOKEN));
        assertEquals(6, TokenChars.span("a b.c=", 6, TokenChars.B64TOKEN));
    }

    @Test
    void shapeStillCountsEveryPart() {
        assertEquals("11 parts", TokenCheck.shape("a.b.c.d.e.f.g.h.i.j.k", 100, false).detail());
        assertEquals("illegal character at index 3", TokenCheck.shape("ab.\u012E.c", 100, false).detail());
    }
}
