package io.logto.resource.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class BearerChallengeTest {

    @Test
    void readsTheSchemeAndEveryQuotedParameter() {
        BearerChallenge challenge = BearerChallenge.parse("Bearer error=\"insufficient_scope\", error_description=\"The token "
                + "lacks the required scope.\", scope=\"read:report write:report\", resource_metadata=\"https://api.example.com/"
                + ".well-known/oauth-protected-resource\"");

        assertThat(challenge.scheme()).isEqualTo("Bearer");
        assertThat(challenge.parameter("error")).isEqualTo("insufficient_scope");
        assertThat(challenge.parameter("scope")).isEqualTo("read:report write:report");
        assertThat(challenge.parameter("resource_metadata")).isEqualTo("https://api.example.com/.well-known/oauth-protected-resource");
    }

    @Test
    void readsASchemeWithoutParametersAndEscapedQuotes() {
        assertThat(BearerChallenge.parse("Bearer").parameters()).isEmpty();
        assertThat(BearerChallenge.parse("Bearer realm=\"say \\\"hi\\\"\"").parameter("realm")).isEqualTo("say \"hi\"");
    }

    @Test
    void refusesValuesThatAreNotAChallenge() {
        assertThatIllegalArgumentException().isThrownBy(() -> BearerChallenge.parse("Bearer error=invalid_token"));
        assertThatIllegalArgumentException().isThrownBy(() -> BearerChallenge.parse("Bearer error=\"a\" scope=\"b\""));
        assertThatIllegalArgumentException().isThrownBy(() -> BearerChallenge.parse("Bearer error=\"a\", error=\"b\""));
    }
}
