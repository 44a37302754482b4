package io.logto.resource.core;

/**
 * Hears what the verifier does, for metrics and operations: every verification outcome and every key
 * fetch. Register one with {@link LogtoConfig.Builder#listener(LogtoListener)}; with none registered
 * nothing is called and nothing is allocated.
 *
 * <p>Methods are called on the thread that verified the token or fetched the keys, so they must be quick
 * and must not throw (an exception is logged at DEBUG and otherwise ignored). The arguments carry no token
 * content: a kind, a reason code, a fetch summary. Default methods do nothing, so a listener implements
 * only what it needs.
 */
public interface LogtoListener {

    /**
     * A token was verified (on a cache hit too).
     *
     * @param kind   which of Logto's three scenarios the token belongs to
     * @param cached whether the verified-token cache answered
     */
    default void tokenVerified(TokenKind kind, boolean cached) {
    }

    /**
     * A token was refused.
     *
     * @param reason why
     * @param kind   the token's kind when verification got far enough to know it, else null
     */
    default void tokenRejected(RejectionReason reason, TokenKind kind) {
    }

    /**
     * The JWKS was fetched, or a fetch failed.
     *
     * @param fetch what happened
     */
    default void keysFetched(KeyFetch fetch) {
    }

    /**
     * One listener that tells each of the given listeners, in order. A listener that throws is logged at
     * DEBUG and skipped; the others still hear the event. Handy when a framework wires several listeners
     * (metrics, an application's own) into one configuration.
     *
     * @param listeners the listeners to tell; none gives a listener that does nothing, one gives that listener
     * @return the composite listener
     * @throws NullPointerException when {@code listeners} or one of them is null
     */
    static LogtoListener of(LogtoListener... listeners) {
        return of(java.util.List.of(listeners));
    }

    /**
     * One listener that tells each of the given listeners, in order; see {@link #of(LogtoListener...)}.
     *
     * @param listeners the listeners to tell
     * @return the composite listener
     * @throws NullPointerException when {@code listeners} or one of them is null
     */
    static LogtoListener of(java.util.List<? extends LogtoListener> listeners) {
        LogtoListener[] all = listeners.toArray(new LogtoListener[0]);
        for (LogtoListener listener : all) {
            java.util.Objects.requireNonNull(listener, "listener");
        }
        return all.length == 1 ? all[0] : new CompositeLogtoListener(all);
    }
}
