package io.logto.resource.core;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * One structured log event per refused token, on the logger {@code io.logto.resource.security}, at the
 * configured level: the reason code, the token kind when known, and the {@code client_id} and {@code sub}
 * when the token's signature verified. Never the token, never other claim values. At most the configured
 * number of events per second are written; the next event written says how many were left out.
 */
final class SecurityEvents {

    /** The logger name operators route to their security log. */
    static final String LOGGER_NAME = "io.logto.resource.security";

    private static final Logger LOG = LoggerFactory.getLogger(LOGGER_NAME);
    private static final int MAX_VALUE_LENGTH = 100;

    private final Level level;
    private final int perSecond;
    private final AtomicLong window = new AtomicLong();
    private final AtomicInteger written = new AtomicInteger();
    private final AtomicInteger suppressed = new AtomicInteger();

    SecurityEvents(SecurityEventLevel level, int perSecond) {
        this.level = level == SecurityEventLevel.OFF ? null : Level.valueOf(level.name());
        this.perSecond = perSecond;
    }

    /** Logs a refusal unless the level is off or disabled, or this second's budget is spent. */
    void refused(Rejection rejection, TokenKind kind) {
        if (level == null || !LOG.isEnabledForLevel(level)) {
            return;
        }
        long second = System.currentTimeMillis() / 1000;
        long current = window.get();
        if (second != current && window.compareAndSet(current, second)) {
            written.set(0);
        }
        if (written.incrementAndGet() > perSecond) {
            suppressed.incrementAndGet();
            return;
        }
        int left = suppressed.getAndSet(0);
        String reason = rejection.reason().code();
        String kindText = kind == null ? "-" : kind.name();
        String clientId = clean(rejection.clientId().orElse(null));
        String subject = clean(rejection.subject().orElse(null));
        LOG.atLevel(level)
                .addKeyValue("reason", reason)
                .addKeyValue("kind", kindText)
                .addKeyValue("client_id", clientId)
                .addKeyValue("sub", subject)
                .log("Logto token refused: reason={} kind={} client_id={} sub={}{}", reason, kindText, clientId, subject,
                        left == 0 ? "" : " (" + left + " refusals not logged: more than " + perSecond + " per second)");
    }

    /** A claim value safe for one log line: printable ASCII only, at most 100 characters, "-" when absent. */
    static String clean(String value) {
        if (value == null || value.isEmpty()) {
            return "-";
        }
        StringBuilder out = new StringBuilder(Math.min(value.length(), MAX_VALUE_LENGTH));
        for (int i = 0; i < value.length() && out.length() < MAX_VALUE_LENGTH; i++) {
            char c = value.charAt(i);
            out.append(c >= 0x21 && c <= 0x7e ? c : '?');
        }
        return value.length() > MAX_VALUE_LENGTH ? out + "..." : out.toString();
    }
}
