package io.logto.resource.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every compared library, as the benchmarks configure it, accepts the pool tokens and refuses bad ones. */
class LibraryTest {

    @TempDir
    static Path dir;

    static TokenPool pool;
    static LoopbackJwks jwks;

    @BeforeAll
    static void pool() {
        pool = TokenPool.load(dir, TokenAlgorithm.ES256, 4);
        jwks = LoopbackJwks.serve(pool.jwksJson());
    }

    @AfterAll
    static void stop() {
        jwks.close();
    }

    @ParameterizedTest
    @EnumSource(Library.class)
    void acceptsPoolTokensAndRefusesTamperedWrongAudienceIssuerAndType(Library library) throws Exception {
        try (TokenValidator validator = library.create(pool, jwks)) {
            assertThatCode(() -> library.check(validator, pool, 4)).doesNotThrowAnyException();
            assertThat(validator.validate(pool.tokens()[3])).isNotNull();
        }
    }

    @ParameterizedTest
    @EnumSource(value = Library.class, names = {"logtoCached", "springNimbusJwtDecoder", "jose4j"})
    void checkFailsWhenAValidatorAcceptsEverything(Library library) {
        TokenValidator lax = token -> "accepted";
        assertThatThrownBy(() -> library.check(lax, pool, 1)).hasMessageContaining("accepted a token with");
    }

    @ParameterizedTest
    @EnumSource(value = Library.class, names = {"logtoCached", "auth0"})
    void poolIsReusedFromDiskWithTheSameTokens(Library library) {
        TokenPool again = TokenPool.load(dir, TokenAlgorithm.ES256, 2);
        assertThat(again.tokens()).containsExactly(pool.tokens()[0], pool.tokens()[1]);
        assertThat(again.jwksJson()).isEqualTo(pool.jwksJson());
        assertThat(library.checksType()).isEqualTo(library != Library.auth0);
    }
}
