package io.logto.resource.conformance;

import static io.logto.resource.conformance.Cases.test;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DynamicTest;

/**
 * How the sample reads the {@code Authorization} header (RFC 6750 section 2.1): the scheme in any letter
 * case, tokens outside the header ignored, malformed headers answered with 400, and garbage or oversized
 * headers never answered with a 5xx or left hanging.
 */
final class RequestHeaderCases {

    private static final String ROUTE = "/api/reports";

    private final Scene scene;

    RequestHeaderCases(Scene scene) {
        this.scene = scene;
    }

    /** Where the token may be and how the header may be written. */
    List<DynamicTest> bearerScheme() {
        return List.of(
                scheme("bearer"),
                scheme("BEARER"),
                scheme("bEaReR"),
                test("a valid token only in the query string (access_token) is ignored: 401 without error code", () ->
                        Expect.missingToken(scene.http().send("GET", ROUTE + "?access_token=" + validToken(), null))),
                test("a valid token only in a form body (access_token) is ignored: 401 without error code", () ->
                        Expect.missingToken(scene.http().postForm(ROUTE, "access_token=" + validToken()))),
                test("a valid header token with a junk token in the query string: 200, the query is ignored", () ->
                        Expect.granted(scene.http().send("GET", ROUTE + "?access_token=junk", validToken()), Map.of("sub", "user-1"))),
                test("Authorization with the Basic scheme: 401 Bearer without error code", () ->
                        Expect.missingToken(scene.http().sendWithHeaders("GET", ROUTE, "Authorization", "Basic dXNlcjpwYXNz"))),
                malformed("the Bearer scheme without a token", "Bearer"),
                malformed("several tokens after Bearer", "Bearer a b c"),
                malformed("a token with characters outside the token grammar", "Bearer abc*def{}"),
                test("two Authorization headers, both valid: 400 invalid_request", () -> {
                    String token = validToken();
                    Expect.invalidRequest(scene.http().sendWithHeaders("GET", ROUTE, "Authorization", "Bearer " + token,
                            "Authorization", "Bearer " + validToken()), token);
                }));
    }

    /** Headers no client should send: answered with a 4xx, never a 5xx, never a hang. */
    List<DynamicTest> garbage() {
        return List.of(
                test("an Authorization header of 100 KB: a 4xx, never 5xx", () ->
                        Expect.clientError(scene.http().sendWithHeaders("GET", ROUTE, "Authorization", "Bearer " + "A".repeat(100 * 1024)))),
                test("an Authorization header of 100 KB of spaces and dots: a 4xx, never 5xx", () ->
                        Expect.clientError(scene.http().sendWithHeaders("GET", ROUTE, "Authorization",
                                "Bearer" + " .".repeat(50 * 1024) + "x"))),
                raw("an empty Authorization header", "Authorization: "),
                raw("bytes 0x80-0xFF after Bearer", "Authorization: Bearer " + latin1(0x80, 0xff)),
                raw("control characters after Bearer", "Authorization: Bearer a\u0001b\u0007c\u001bd"),
                raw("a NUL byte inside the token", "Authorization: Bearer " + "eyJhbGciOiJFUzM4NCJ9\u0000.e30.AAAA"),
                raw("a tab instead of a space after Bearer", "Authorization: Bearer\t" + "eyJhbGciOiJFUzM4NCJ9.e30.AAAA"),
                raw("a folded (obsolete line-continued) Authorization header", "Authorization: Bearer\r\n eyJhbGciOiJFUzM4NCJ9.e30.AAAA"),
                raw("UTF-8 text after Bearer", "Authorization: Bearer " + new String("jéton-🔑".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        java.nio.charset.StandardCharsets.ISO_8859_1)));
    }

    private DynamicTest scheme(String scheme) {
        return test("scheme written " + scheme + ": 200 (the scheme is case-insensitive)", () ->
                Expect.granted(scene.http().sendWithHeaders("GET", ROUTE, "Authorization", scheme + " " + validToken()),
                        Map.of("sub", "user-1")));
    }

    private DynamicTest malformed(String what, String header) {
        return test("Authorization with " + what + ": 400 invalid_request", () ->
                Expect.invalidRequest(scene.http().sendWithHeaders("GET", ROUTE, "Authorization", header), null));
    }

    private DynamicTest raw(String what, String headerLine) {
        return test(what + ": a 4xx, never 5xx, never a hang", () -> {
            int status = scene.http().sendRaw(scene.http().rawGet(ROUTE, List.of(headerLine)));
            assertThat(status).as("status (-1: connection closed without an answer)").isBetween(400, 499);
        });
    }

    private String validToken() {
        return scene.global("read:report").sign();
    }

    private static String latin1(int from, int to) {
        StringBuilder out = new StringBuilder();
        for (int c = from; c <= to; c++) {
            out.append((char) c);
        }
        return out.toString();
    }
}
