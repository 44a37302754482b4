package io.logto.resource.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.net.URI;
import java.text.ParseException;
import java.util.List;
import java.util.Map;

/**
 * The answers the sample contract allows, as assertions: the exact status, the RFC 6750
 * {@code WWW-Authenticate} challenge (scheme {@code Bearer}, error code, {@code scope},
 * {@code resource_metadata}), and the JSON body.
 */
final class Expect {

    static final String METADATA_PATH = "/.well-known/oauth-protected-resource";

    private Expect() {
    }

    /** 200 with exactly this JSON object as body. */
    static void granted(Answer answer, Map<String, Object> body) {
        assertThat(answer.status()).as("status of %s", answer).isEqualTo(200);
        assertThat(answer.contentType()).as("Content-Type of %s", answer).startsWith("application/json");
        assertThat(json(answer)).as("body of %s", answer).isEqualTo(body);
    }

    /** 401 {@code Bearer} with {@code resource_metadata} and no error code: no token was sent. */
    static void missingToken(Answer answer) {
        assertThat(answer.status()).as("status of %s", answer).isEqualTo(401);
        BearerChallenge challenge = challenge(answer);
        assertThat(challenge.parameter("error")).as("error code of %s (none for a missing token)", answer).isNull();
        assertBody(answer, "unauthorized", null);
    }

    /** 401 {@code error="invalid_token"}, without echoing the token. */
    static void invalidToken(Answer answer, String token) {
        assertThat(answer.status()).as("status of %s", answer).isEqualTo(401);
        assertThat(challenge(answer).parameter("error")).as("error code of %s", answer).isEqualTo("invalid_token");
        assertBody(answer, "invalid_token", null);
        assertNoEcho(answer, token);
    }

    /** 400 {@code error="invalid_request"}: the request itself is malformed. */
    static void invalidRequest(Answer answer, String token) {
        assertThat(answer.status()).as("status of %s", answer).isEqualTo(400);
        assertThat(challenge(answer).parameter("error")).as("error code of %s", answer).isEqualTo("invalid_request");
        assertBody(answer, "invalid_request", null);
        assertNoEcho(answer, token);
    }

    /** 403 {@code error="insufficient_scope"} with {@code scope} naming exactly the scopes the route needs. */
    static void insufficientScope(Answer answer, String scope) {
        assertThat(answer.status()).as("status of %s", answer).isEqualTo(403);
        BearerChallenge challenge = challenge(answer);
        assertThat(challenge.parameter("error")).as("error code of %s", answer).isEqualTo("insufficient_scope");
        assertThat(challenge.parameter("scope")).as("scope of %s", answer).isEqualTo(scope);
        assertBody(answer, "insufficient_scope", scope);
    }

    /**
     * 403 {@code error="insufficient_scope"} without {@code scope}: a framework's own check (a role, an
     * authority, a permission) refused a verified token; the core's {@code accessDenied()} answer.
     */
    static void accessDenied(Answer answer) {
        assertThat(answer.status()).as("status of %s", answer).isEqualTo(403);
        BearerChallenge challenge = challenge(answer);
        assertThat(challenge.parameter("error")).as("error code of %s", answer).isEqualTo("insufficient_scope");
        assertThat(challenge.parameter("scope")).as("scope of %s (none: a framework check refused the token)", answer).isNull();
        assertBody(answer, "insufficient_scope", null);
    }

    /** A client error, never a server error. */
    static void clientError(Answer answer) {
        assertThat(answer.status()).as("status of %s", answer).isBetween(400, 499);
    }

    /** The body as a JSON object. */
    static Map<String, Object> json(Answer answer) {
        try {
            return JSONObjectUtils.parse(answer.body());
        } catch (ParseException e) {
            throw new AssertionError("not a JSON object: " + answer, e);
        }
    }

    private static BearerChallenge challenge(Answer answer) {
        List<String> values = answer.header("WWW-Authenticate");
        assertThat(values).as("WWW-Authenticate of %s", answer).hasSize(1);
        BearerChallenge challenge;
        try {
            challenge = BearerChallenge.parse(values.get(0));
        } catch (IllegalArgumentException e) {
            throw new AssertionError(e.getMessage(), e);
        }
        assertThat(challenge.scheme()).as("scheme of %s", answer).isEqualTo("Bearer");
        String metadata = challenge.parameter("resource_metadata");
        assertThat(metadata).as("resource_metadata of %s", answer).isNotNull();
        URI uri = URI.create(metadata);
        assertThat(uri.isAbsolute() && uri.getPath() != null && uri.getPath().startsWith(METADATA_PATH))
                .as("resource_metadata of %s is an absolute %s URL", answer, METADATA_PATH).isTrue();
        return challenge;
    }

    private static void assertBody(Answer answer, String error, String scope) {
        assertThat(answer.contentType()).as("Content-Type of %s", answer).startsWith("application/json");
        Map<String, Object> body = json(answer);
        assertThat(body.get("error")).as("error in the body of %s", answer).isEqualTo(error);
        if (scope != null) {
            assertThat(body.get("scope")).as("scope in the body of %s", answer).isEqualTo(scope);
        }
    }

    private static void assertNoEcho(Answer answer, String token) {
        if (token == null) {
            return;
        }
        String everything = answer.body() + answer.headers();
        for (String part : token.split("\\.")) {
            if (part.length() >= 16) {
                assertThat(everything).as("the answer never echoes the token").doesNotContain(part);
            }
        }
    }
}
