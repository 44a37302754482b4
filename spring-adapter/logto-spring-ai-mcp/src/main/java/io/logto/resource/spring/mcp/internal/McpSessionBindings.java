package io.logto.resource.spring.mcp.internal;

import io.logto.resource.core.VerifiedToken;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which caller opened each MCP session: the subject and client id of the token that sent the
 * {@code initialize} request whose response carried the {@code Mcp-Session-Id}. A session id is no credential:
 * a request naming a session is accepted only with a token of the same subject and client. Bindings end with
 * a successful {@code DELETE}; their number follows the MCP server's own sessions.
 */
public final class McpSessionBindings {

    private final ConcurrentHashMap<String, Caller> owners = new ConcurrentHashMap<>();

    /** The subject and client id of a token; no token content beyond these identifiers. */
    record Caller(String subject, String clientId) {

        static Caller of(VerifiedToken token) {
            return new Caller(token.subject(), token.clientId().orElse(null));
        }

        boolean is(VerifiedToken token) {
            return subject.equals(token.subject()) && Objects.equals(clientId, token.clientId().orElse(null));
        }
    }

    /**
     * Binds a new session to the caller that opened it; a session id already bound keeps its first owner.
     *
     * @param sessionId the {@code Mcp-Session-Id} the MCP server issued
     * @param opener    the token of the {@code initialize} request
     */
    public void bind(String sessionId, VerifiedToken opener) {
        owners.putIfAbsent(sessionId, Caller.of(opener));
    }

    /**
     * Whether a request naming a session may go on: true when the session is unknown here (the MCP server then
     * answers it as an unknown session) or was opened by the token's subject and client.
     *
     * @param sessionId the request's {@code Mcp-Session-Id}
     * @param token     the request's verified token
     * @return false when another caller opened the session
     */
    public boolean mayUse(String sessionId, VerifiedToken token) {
        Caller owner = owners.get(sessionId);
        return owner == null || owner.is(token);
    }

    /**
     * Forgets a session (after the MCP server deleted it).
     *
     * @param sessionId the session id
     */
    public void unbind(String sessionId) {
        owners.remove(sessionId);
    }

    /** The number of bound sessions. */
    public int size() {
        return owners.size();
    }
}
