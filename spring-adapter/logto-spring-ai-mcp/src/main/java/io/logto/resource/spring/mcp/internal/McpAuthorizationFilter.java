package io.logto.resource.spring.mcp.internal;

import io.logto.resource.core.AuthenticationResult;
import io.logto.resource.core.Challenge;
import io.logto.resource.core.Challenges;
import io.logto.resource.core.Decision;
import io.logto.resource.core.EndpointRequirement;
import io.logto.resource.core.LogtoResourceServer;
import io.logto.resource.core.VerifiedToken;
import io.logto.resource.spring.LogtoAuthentication;
import io.logto.resource.spring.LogtoAuthenticationException;
import io.logto.resource.spring.internal.BearerTokenAuthenticationFilter;
import io.logto.resource.spring.internal.ChallengeResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards the MCP endpoint inside the security filter chain, after bearer authentication and before the
 * authorization rules. Every request to the endpoint needs a verified Logto token: without one it gets the
 * core's 401 (or 400) with the configured {@code scope} hint. A request naming a session opened by another
 * caller gets 403. A {@code POST} body is read before dispatch (one message or a batch): each
 * {@code tools/call} is decided by the core against the tool's requirement, with the organization id taken
 * from the tool argument the requirement names; the first denial answers the whole request with the core's
 * 403 {@code insufficient_scope} naming that tool's scopes, and no tool runs. {@code tools/list} answers are
 * filtered to the tools the token may call; {@code initialize} binds the new session to the caller.
 */
public final class McpAuthorizationFilter extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(McpAuthorizationFilter.class);
    private static final byte[] PARSE_ERROR = "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32700,\"message\":\"Parse error\"}}"
            .getBytes(StandardCharsets.UTF_8);

    private final McpGuard guard;
    private final SecurityContextHolderStrategy contexts;

    /**
     * Creates the filter.
     *
     * @param guard    the MCP protection settings and state
     * @param contexts where the chain keeps the authentication
     */
    public McpAuthorizationFilter(McpGuard guard, SecurityContextHolderStrategy contexts) {
        this.guard = guard;
        this.contexts = contexts;
    }

    /** Only requests for the MCP endpoint. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !guard.isEndpoint(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        LogtoResourceServer logto = guard.logto();
        Authentication authentication = contexts.getContext().getAuthentication();
        if (!(authentication instanceof LogtoAuthentication logtoAuthentication)) {
            ChallengeResponses.write(unauthenticated(request), response);
            return;
        }
        VerifiedToken token = logtoAuthentication.getPrincipal();
        String sessionId = request.getHeader(SessionOpeningResponse.SESSION_HEADER);
        if (sessionId != null && !guard.sessions().mayUse(sessionId, token)) {
            LOG.debug("MCP request refused: the session was opened by another caller");
            ChallengeResponses.write(logto.challenges().accessDenied(), response);
            return;
        }
        if (!HttpMethod.POST.matches(request.getMethod())) {
            chain.doFilter(request, response);
            if (HttpMethod.DELETE.matches(request.getMethod()) && sessionId != null && !request.isAsyncStarted()
                    && response.getStatus() >= 200 && response.getStatus() < 300) {
                guard.sessions().unbind(sessionId);
            }
            return;
        }
        byte[] body = McpRequestBodies.read(request, guard.maxRequestBytes());
        if (body == null) {
            response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            return;
        }
        McpMessages messages = McpMessages.parse(body);
        if (messages == null) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.setContentType("application/json");
            response.getOutputStream().write(PARSE_ERROR);
            return;
        }
        Set<String> listIds = new HashSet<>();
        for (McpMessages.Message message : messages.messages()) {
            if (McpMessages.TOOLS_CALL.equals(message.method())) {
                Decision denied = decide(token, message);
                if (denied != null) {
                    ChallengeResponses.write(logto.challenges().insufficientScope(denied), response);
                    return;
                }
            } else if (McpMessages.TOOLS_LIST.equals(message.method()) && message.id() != null) {
                listIds.add(message.id().toString());
            }
        }
        HttpServletResponse target = response;
        if (messages.isInitialize()) {
            target = new SessionOpeningResponse(target, guard.sessions(), token);
        }
        ToolListResponse listing = null;
        if (!listIds.isEmpty()) {
            listing = new ToolListResponse(target, Collections.unmodifiableSet(listIds),
                    tool -> guard.tools().mayCall(tool, token));
            target = listing;
        }
        chain.doFilter(McpRequestBodies.replay(request, body), target);
        if (listing != null && !request.isAsyncStarted()) {
            listing.finish();
        }
    }

    /** The denial of a tool call, or null when the token covers it. */
    private Decision decide(VerifiedToken token, McpMessages.Message call) {
        String tool = call.toolName();
        if (tool == null) {
            return null;
        }
        EndpointRequirement requirement = guard.tools().requirement(tool).orElse(null);
        if (requirement == null) {
            return null;
        }
        String organizationId = requirement.organizationVariable().map(call::argument).orElse(null);
        Decision decision = guard.logto().authorize(token, requirement, organizationId);
        return decision.isGranted() ? null : decision;
    }

    /**
     * The 401 (or 400) for a request without a verified token, with the scope hint. The refusal recorded by
     * the starter's bearer filter is used as it is (the token is not verified a second time); only a request
     * that carries a token and no recorded refusal (its chain authenticated it some other way) is verified here.
     */
    private Challenge unauthenticated(HttpServletRequest request) {
        Challenges challenges = guard.challenges();
        AuthenticationResult result = BearerTokenAuthenticationFilter.refusal(request)
                .map(LogtoAuthenticationException::result)
                .orElse(null);
        if (result == null && request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
            result = guard.logto().authenticate(Collections.list(request.getHeaders(HttpHeaders.AUTHORIZATION)));
        }
        if (result == null) {
            return challenges.missingToken();
        }
        switch (result.status()) {
            case INVALID_TOKEN:
                return challenges.invalidToken(result.rejection().orElseThrow());
            case INVALID_REQUEST:
                return challenges.invalidRequest();
            case AUTHENTICATED:
                // verified now (e.g. the key arrived meanwhile) but not authenticated by the chain: ask again
            default:
                return challenges.missingToken();
        }
    }
}
