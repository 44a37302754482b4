package io.logto.resource.core;

import java.util.Objects;

/**
 * A refused token: the reason code, a sentence for logs, and a detail line that names the compared
 * values for DEBUG logs and diagnostics.
 *
 * <p>{@link #message()} never contains token or claim values, so it may be logged at any level.
 * {@link #detail()} may contain the compared claim values (for example the expected and the found
 * issuer) but never the token, its signature or unrelated claims; log it at DEBUG only.
 */
public final class Rejection {

    private final RejectionReason reason;
    private final String message;
    private final String detail;
    private final String subject;
    private final String clientId;
    private final TokenKind kind;

    private Rejection(RejectionReason reason, String message, String detail, String subject, String clientId,
                      TokenKind kind) {
        this.reason = Objects.requireNonNull(reason, "reason");
        this.message = Objects.requireNonNull(message, "message");
        this.detail = detail == null ? message : detail;
        this.subject = subject;
        this.clientId = clientId;
        this.kind = kind;
    }

    /**
     * Creates a rejection.
     *
     * @param reason  the reason code
     * @param message a sentence without token or claim values
     * @param detail  the compared values, for DEBUG logs; {@code null} to reuse the message
     * @return the rejection
     */
    public static Rejection of(RejectionReason reason, String message, String detail) {
        return new Rejection(reason, message, detail, null, null, null);
    }

    /** The same rejection naming the caller, from claims whose signature was verified. */
    Rejection withCaller(Object subject, Object clientId, TokenKind kind) {
        return new Rejection(reason, message, detail, subject instanceof String ? (String) subject : null,
                clientId instanceof String ? (String) clientId : null, kind);
    }

    /** The machine-readable reason. */
    public RejectionReason reason() {
        return reason;
    }

    /** A sentence for logs, free of token and claim values. */
    public String message() {
        return message;
    }

    /** The expected and found values of the failed check; may contain claim values, log at DEBUG only. */
    public String detail() {
        return detail;
    }

    /**
     * The {@code sub} of the refused token, when its signature verified and the refusal came from a later
     * check (issuer, lifetime, audience, claims); for finding a misbehaving client in security events.
     */
    public java.util.Optional<String> subject() {
        return java.util.Optional.ofNullable(subject);
    }

    /** The {@code client_id} of the refused token, under the same condition as {@link #subject()}. */
    public java.util.Optional<String> clientId() {
        return java.util.Optional.ofNullable(clientId);
    }

    /** The kind of the refused token, when verification got far enough to know it. */
    public java.util.Optional<TokenKind> tokenKind() {
        return java.util.Optional.ofNullable(kind);
    }

    /** The reason code and message; safe to log. */
    @Override
    public String toString() {
        return reason.code() + ": " + message;
    }
}
