package io.logto.resource.spring.mcp.internal;

import io.logto.resource.core.VerifiedToken;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * The response to an {@code initialize} request: binds the {@code Mcp-Session-Id} the MCP server sets to the
 * caller the moment the header is set, before any byte reaches the client, so the client's next request
 * always finds the binding.
 */
final class SessionOpeningResponse extends HttpServletResponseWrapper {

    static final String SESSION_HEADER = "Mcp-Session-Id";

    private final McpSessionBindings bindings;
    private final VerifiedToken opener;

    SessionOpeningResponse(HttpServletResponse response, McpSessionBindings bindings, VerifiedToken opener) {
        super(response);
        this.bindings = bindings;
        this.opener = opener;
    }

    @Override
    public void setHeader(String name, String value) {
        bind(name, value);
        super.setHeader(name, value);
    }

    @Override
    public void addHeader(String name, String value) {
        bind(name, value);
        super.addHeader(name, value);
    }

    private void bind(String name, String value) {
        if (SESSION_HEADER.equalsIgnoreCase(name) && value != null && !value.isEmpty()) {
            bindings.bind(value, opener);
        }
    }
}
