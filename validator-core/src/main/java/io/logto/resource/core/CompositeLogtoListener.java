package io.logto.resource.core;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Tells several listeners of each event, in order; one that throws does not silence the others. */
final class CompositeLogtoListener implements LogtoListener {

    private static final Logger LOG = LoggerFactory.getLogger(LogtoListener.class);

    private final LogtoListener[] listeners;

    CompositeLogtoListener(LogtoListener[] listeners) {
        this.listeners = listeners;
    }

    @Override
    public void tokenVerified(TokenKind kind, boolean cached) {
        for (LogtoListener listener : listeners) {
            try {
                listener.tokenVerified(kind, cached);
            } catch (RuntimeException e) {
                LOG.debug("Logto listener failed", e);
            }
        }
    }

    @Override
    public void tokenRejected(RejectionReason reason, TokenKind kind) {
        for (LogtoListener listener : listeners) {
            try {
                listener.tokenRejected(reason, kind);
            } catch (RuntimeException e) {
                LOG.debug("Logto listener failed", e);
            }
        }
    }

    @Override
    public void keysFetched(KeyFetch fetch) {
        for (LogtoListener listener : listeners) {
            try {
                listener.keysFetched(fetch);
            } catch (RuntimeException e) {
                LOG.debug("Logto listener failed", e);
            }
        }
    }
}
