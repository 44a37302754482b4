package io.logto.resource.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LogtoResourceServerTest {

    private final JwksServer server = new JwksServer().serving(TestKeys.ES384);
    private final LogtoResourceServer logto = LogtoResourceServer.create(server.config().scopesSupported(List.of("read:report")).build());

    @AfterEach
    void stop() {
        logto.close();
        server.close();
    }

    @Test
    void authenticatesAValidBearerToken() {
        AuthenticationResult result = logto.authenticate("Bearer " + TestKeys.sign(TestKeys.ES384, server.claims().build()));
        assertThat(result.status()).isEqualTo(AuthenticationResult.Status.AUTHENTICATED);
        assertThat(result.token().orElseThrow().subject()).isEqualTo("user-1");
        assertThat(result.challenge()).isEmpty();
    }

    @Test
    void answersEachKindOfFailureWithItsChallenge() {
        assertThat(logto.authenticate((String) null).challenge().orElseThrow().status()).isEqualTo(401);
        assertThat(logto.authenticate((String) null).status()).isEqualTo(AuthenticationResult.Status.NO_TOKEN);
        assertThat(logto.authenticate("Bearer a b").challenge().orElseThrow().status()).isEqualTo(400);
        assertThat(logto.authenticate(List.of("Bearer a", "Bearer b")).status()).isEqualTo(AuthenticationResult.Status.INVALID_REQUEST);
        AuthenticationResult refused = logto.authenticate("Bearer " + TestKeys.sign(TestKeys.ES384, server.claims().audience("https://x.y").build()));
        assertThat(refused.status()).isEqualTo(AuthenticationResult.Status.INVALID_TOKEN);
        assertThat(refused.rejection().orElseThrow().reason()).isEqualTo(RejectionReason.WRONG_AUDIENCE);
        assertThat(refused.challenge().orElseThrow().wwwAuthenticate()).contains("error=\"invalid_token\"");
    }

    @Test
    void refusesAB64TokenThatIsNotACompactJwsAfterReadingTheHeaderInOnePass() {
        // b64token characters outside base64url: a well-formed header (not 400) and a malformed token (401), the
        // verifier scanning the characters the header's one pass stopped at, synchronously and asynchronously
        String token = TestKeys.sign(TestKeys.ES384, server.claims().build());
        String withTilde = token.substring(0, 5) + "~" + token.substring(6);
        for (AuthenticationResult refused : List.of(logto.authenticate("Bearer " + withTilde),
                logto.authenticateAsync("Bearer " + withTilde).toCompletableFuture().join(),
                logto.authenticate("Bearer " + token + "="))) {
            assertThat(refused.status()).isEqualTo(AuthenticationResult.Status.INVALID_TOKEN);
            assertThat(refused.rejection().orElseThrow().reason()).isEqualTo(RejectionReason.MALFORMED);
            assertThat(refused.rejection().orElseThrow().detail()).startsWith("illegal character at index ");
        }
        assertThat(logto.authenticateAsync("Bearer " + token).toCompletableFuture().join().status())
                .isEqualTo(AuthenticationResult.Status.AUTHENTICATED);
    }

    @Test
    void decidesRequirementsForVerifiedTokens() {
        VerifiedToken token = logto.authenticate("Bearer " + TestKeys.sign(TestKeys.ES384, server.claims().build())).token().orElseThrow();
        assertThat(logto.authorize(token, Requirement.global("read:report")).isGranted()).isTrue();
        Decision denied = logto.authorize(token, Requirement.global("write:report"));
        assertThat(logto.challenges().insufficientScope(denied).wwwAuthenticate()).contains("scope=\"write:report\"");
    }

    @Test
    void servesProtectedResourceMetadata() {
        assertThat(logto.metadata().toJson()).isEqualTo("{\"resource\":\"https://api.example.com\",\"authorization_servers\":[\""
                + server.issuer() + "\"],\"scopes_supported\":[\"read:report\"],\"bearer_methods_supported\":[\"header\"]}");
        assertThat(logto.metadata().withScopes(List.of("write:report")).scopesSupported()).containsExactlyInAnyOrder("read:report", "write:report");
        assertThat(ProtectedResourceMetadata.PATH).isEqualTo("/.well-known/oauth-protected-resource");
    }
}
