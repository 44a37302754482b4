package io.logto.resource.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BearerTokenTest {

    @ParameterizedTest
    @ValueSource(strings = {"Bearer abc.def.ghi", "bearer abc.def.ghi", "BEARER abc.def.ghi", "Bearer   abc.def.ghi", " Bearer abc.def.ghi "})
    void readsTheTokenWithTheSchemeInAnyCase(String header) {
        BearerToken token = BearerToken.fromHeader(header);
        assertThat(token.isPresent()).isTrue();
        assertThat(token.value()).isEqualTo("abc.def.ghi");
        assertThat(token.toString()).doesNotContain("abc");
    }

    @Test
    void acceptsTheWholeB64TokenGrammar() {
        assertThat(BearerToken.fromHeader("Bearer aZ09-._~+/==").value()).isEqualTo("aZ09-._~+/==");
    }

    @Test
    void tellsWhetherTheTokenHoldsOnlyTheCharactersOfACompactJws() {
        assertThat(BearerToken.fromHeader("Bearer aZ09-_.aZ09-_.aZ09-_").hasOnlyJwsCharacters()).isTrue();
        assertThat(BearerToken.fromHeader(" Bearer   abc.def.ghi ").hasOnlyJwsCharacters()).isTrue();
        for (String b64tokenOnly : List.of("abc~.def.ghi", "abc.d+f.ghi", "abc.def.g/i", "abc.def.ghi=", "abc.def.ghi==")) {
            BearerToken token = BearerToken.fromHeader("Bearer " + b64tokenOnly);
            assertThat(token.isPresent()).as(b64tokenOnly).isTrue();
            assertThat(token.hasOnlyJwsCharacters()).as(b64tokenOnly).isFalse();
        }
        assertThat(BearerToken.fromHeader("Bearer abc~.d\"f").hasOnlyJwsCharacters()).isFalse();
    }

    @Test
    void treatsNoHeaderOrAnotherSchemeAsNoCredentials() {
        assertThat(BearerToken.fromHeader(null).isAbsent()).isTrue();
        assertThat(BearerToken.fromHeader("Basic dXNlcjpwYXNz").isAbsent()).isTrue();
        assertThat(BearerToken.fromHeader("Bearerabc").isAbsent()).isTrue();
        assertThat(BearerToken.fromHeaders(List.of()).isAbsent()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer", "Bearer ", "Bearer a b", "Bearer a\"b", "Bearer a,b", "Bearer =abc", "Bearer ab=c", "Bearer é"})
    void treatsABrokenBearerHeaderAsMalformed(String header) {
        assertThat(BearerToken.fromHeader(header).isMalformed()).isTrue();
    }

    @Test
    void treatsRepeatedHeadersAndHugeHeadersAsMalformed() {
        assertThat(BearerToken.fromHeaders(List.of("Bearer a", "Bearer b")).isMalformed()).isTrue();
        assertThat(BearerToken.fromHeader("Bearer " + "a".repeat(BearerToken.MAX_HEADER_LENGTH)).isMalformed()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer abc.def.ghi", "bearer x", " Bearer  a~b ", "Basic dXNlcjpwYXNz", "Bearerabc", "Bearer",
        "Bearer ", "Bearer\t", "Bearer\tabc", "Bearer\n", "Bearer\nabc", "\tBearer abc\t", "Bearer a b", "Bearer é",
        "Bear", "", " ", "Negotiate Bearer abc", "BEARER\u00a0abc"})
    void tellsWhetherBearerCredentialsArePresentWithoutReadingTheTokenAsFromHeaderDoes(String header) {
        boolean absent = BearerToken.fromHeader(header).isAbsent();

        assertThat(BearerToken.presentsBearer(header)).as(header).isEqualTo(!absent);
    }

    @Test
    void aMissingHeaderPresentsNoBearerAndAHugeOnePresentsAMalformedOne() {
        assertThat(BearerToken.presentsBearer(null)).isFalse();
        assertThat(BearerToken.presentsBearer("Basic " + "a".repeat(BearerToken.MAX_HEADER_LENGTH))).isTrue();
        assertThat(BearerToken.fromHeader("Basic " + "a".repeat(BearerToken.MAX_HEADER_LENGTH)).isMalformed()).isTrue();
    }
}
