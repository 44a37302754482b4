package io.logto.resource.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompositeLogtoListenerTest {

    @Test
    void tellsEveryListenerInOrderEvenWhenOneThrows() {
        LogtoListenerTest.Recorder first = new LogtoListenerTest.Recorder();
        LogtoListenerTest.Recorder second = new LogtoListenerTest.Recorder();
        LogtoListener failing = new LogtoListener() {
            @Override
            public void tokenVerified(TokenKind kind, boolean cached) {
                throw new IllegalStateException("boom");
            }

            @Override
            public void tokenRejected(RejectionReason reason, TokenKind kind) {
                throw new IllegalStateException("boom");
            }

            @Override
            public void keysFetched(KeyFetch fetch) {
                throw new IllegalStateException("boom");
            }
        };
        LogtoListener all = LogtoListener.of(first, failing, second);
        KeyFetch fetch = KeyFetch.succeeded(KeyFetch.Cause.FIRST_LOAD, Duration.ofMillis(3), 2);

        all.tokenVerified(TokenKind.ORGANIZATION, true);
        all.tokenRejected(RejectionReason.EXPIRED, null);
        all.keysFetched(fetch);

        for (LogtoListenerTest.Recorder recorder : List.of(first, second)) {
            assertThat(recorder.heard).containsExactly("verified ORGANIZATION cached", "rejected EXPIRED");
            assertThat(recorder.fetches).containsExactly(fetch);
        }
    }

    @Test
    void oneListenerIsItselfAndNoneDoesNothing() {
        LogtoListenerTest.Recorder only = new LogtoListenerTest.Recorder();

        assertThat(LogtoListener.of(only)).isSameAs(only);
        LogtoListener.of().tokenVerified(TokenKind.GLOBAL_API, false);
        assertThatNullPointerException().isThrownBy(() -> LogtoListener.of(only, null));
    }

    @Test
    void aCompositeRegisteredInTheConfigHearsRealVerifications() {
        LogtoListenerTest.Recorder first = new LogtoListenerTest.Recorder();
        LogtoListenerTest.Recorder second = new LogtoListenerTest.Recorder();
        try (JwksServer server = new JwksServer().serving(TestKeys.ES384);
             LogtoTokenVerifier verifier = LogtoTokenVerifier.create(
                     server.config().listener(LogtoListener.of(first, second)).build())) {
            verifier.verify(TestKeys.sign(TestKeys.ES384, server.claims().build()));
            verifier.verify("not-a-token");
        }

        assertThat(first.heard).containsExactly("verified GLOBAL_API", "rejected MALFORMED");
        assertThat(second.heard).isEqualTo(first.heard);
        assertThat(second.fetches).hasSize(1);
    }
}
