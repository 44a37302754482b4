package io.logto.resource.servlet;

import io.logto.resource.core.AccessRefusedException;
import io.logto.resource.core.AuthenticationResult;
import io.logto.resource.core.Challenge;
import io.logto.resource.core.Decision;
import io.logto.resource.core.LogtoConfig;
import io.logto.resource.core.LogtoResourceServer;
import io.logto.resource.core.ProtectedResourceMetadata;
import io.logto.resource.core.VerifiedToken;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A servlet filter that lets a request through only when its Logto access token meets the requirement of
 * the first {@link LogtoRoutes} rule matching it; otherwise it answers with the core's challenge (401, 403
 * or 400, {@code WWW-Authenticate}, JSON body). It serves the RFC 9728 metadata at
 * {@link ProtectedResourceMetadata#PATH}, hands the verified token to servlets as a request attribute
 * ({@link #verifiedToken(ServletRequest)}), and answers an {@link AccessRefusedException} thrown by a
 * servlet's programmatic check ({@code Requirement.organization(id, "x").check(token)}) with its challenge.
 *
 * <p>A request with a verified token reaches the servlet wrapped, so that the servlet API's own checks
 * work: {@code request.isUserInRole(role)} answers from {@link VerifiedToken#roles()} (a global API token's
 * scopes as they are; an organization token's as {@code organization:<orgId> <scope>}, an organization-level
 * API token's as {@code organization-api:<orgId> <scope>}: see {@code TokenRoles}), so
 * {@code isUserInRole("read:report")} holds only for a global API token with that scope;
 * {@code getUserPrincipal()} names the token's subject; and {@code response.sendError(403)} is answered with
 * the core's {@code accessDenied()} challenge.
 *
 * <p>Configure it in code with {@link #LogtoFilter(LogtoConfig, LogtoRoutes)}, or in {@code web.xml} with
 * the no-argument constructor and init parameters: the core settings ({@code issuer}, {@code audience}, ...),
 * {@value #ROUTES_PARAMETER} (rule lines) and {@value #UNMATCHED_ROUTES_PARAMETER} ({@code deny} or
 * {@code allow}). {@link #init(FilterConfig)} fails on invalid configuration.
 */
public final class LogtoFilter implements Filter {

    /** The request attribute holding the {@link VerifiedToken} of a request the filter let through. */
    public static final String VERIFIED_TOKEN_ATTRIBUTE = VerifiedToken.class.getName();
    /**
     * The servlet-context attribute under which {@link #init(FilterConfig)} publishes the filter's
     * {@link LogtoResourceServer}, for {@link LogtoHealthServlet} and the application's own code.
     */
    public static final String RESOURCE_SERVER_ATTRIBUTE = LogtoResourceServer.class.getName();
    /** The init parameter holding the route rule lines ({@link LogtoRoutes}). */
    public static final String ROUTES_PARAMETER = "routes";
    /** The init parameter choosing what happens to unmatched requests: {@code deny} (default) or {@code allow}. */
    public static final String UNMATCHED_ROUTES_PARAMETER = "unmatched-routes";

    private LogtoConfig config;
    private LogtoRoutes routes;
    private LogtoResourceServer logto;
    private boolean ownsServer;
    private byte[] metadata;

    /** A filter configured from its init parameters when the container calls {@link #init(FilterConfig)}. */
    public LogtoFilter() {
    }

    /**
     * A filter configured in code; it creates its resource server on {@link #init(FilterConfig)} and closes
     * it on {@link #destroy()}. Init parameters are ignored.
     *
     * @param config the Logto settings
     * @param routes the route rules
     */
    public LogtoFilter(LogtoConfig config, LogtoRoutes routes) {
        this.config = Objects.requireNonNull(config, "config");
        this.routes = Objects.requireNonNull(routes, "routes");
    }

    /**
     * A filter sharing an existing resource server (and its key and token caches), which it does not close.
     *
     * @param logto  the resource server
     * @param routes the route rules
     */
    public LogtoFilter(LogtoResourceServer logto, LogtoRoutes routes) {
        this.logto = Objects.requireNonNull(logto, "logto");
        this.routes = Objects.requireNonNull(routes, "routes");
    }

    /**
     * The verified token of a request this filter let through after checking its token.
     *
     * @param request the request
     * @return the token; empty on {@code permit-all} and allowed unmatched routes
     */
    public static Optional<VerifiedToken> verifiedToken(ServletRequest request) {
        return request.getAttribute(VERIFIED_TOKEN_ATTRIBUTE) instanceof VerifiedToken token ? Optional.of(token) : Optional.empty();
    }

    /**
     * Reads the configuration (init parameters unless configured in code) and creates the resource server,
     * published as the servlet-context attribute {@link #RESOURCE_SERVER_ATTRIBUTE}.
     *
     * @throws ServletException carrying the core's message when the configuration is invalid
     */
    @Override
    public void init(FilterConfig filterConfig) throws ServletException {
        try {
            if (logto == null) {
                if (config == null) {
                    config = InitParameters.config(filterConfig);
                    routes = InitParameters.routes(filterConfig);
                }
                logto = LogtoResourceServer.create(config);
                ownsServer = true;
            }
        } catch (IllegalArgumentException e) {
            throw new ServletException("Invalid Logto filter configuration: " + e.getMessage(), e);
        }
        metadata = logto.metadata().withScopes(routes.scopes()).toJson().getBytes(StandardCharsets.UTF_8);
        if (filterConfig != null && filterConfig.getServletContext() != null) {
            filterConfig.getServletContext().setAttribute(RESOURCE_SERVER_ATTRIBUTE, logto);
        }
    }

    /** Checks the request against the route rules, then passes it on or answers with a challenge. */
    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        if (!(req instanceof HttpServletRequest request) || !(res instanceof HttpServletResponse response)) {
            chain.doFilter(req, res);
            return;
        }
        String uri = request.getRequestURI();
        String path = uri.startsWith(request.getContextPath()) ? uri.substring(request.getContextPath().length()) : "?";
        if (path.equals(ProtectedResourceMetadata.PATH) && (request.getMethod().equals("GET") || request.getMethod().equals("HEAD"))) {
            write(response, HttpServletResponse.SC_OK, metadata);
            return;
        }
        LogtoRoutes.Target target = routes.resolve(request.getMethod(), path);
        if (target.action() != LogtoRoutes.Action.PERMIT) {
            Enumeration<String> authorization = request.getHeaders("Authorization"); // null if the container hides headers
            AuthenticationResult auth = logto.authenticate(authorization == null ? List.of() : Collections.list(authorization));
            if (!auth.isAuthenticated()) {
                write(response, auth.challenge().orElseThrow());
                return;
            }
            VerifiedToken token = auth.token().orElseThrow();
            if (target.action() == LogtoRoutes.Action.DENY) {
                write(response, logto.challenges().accessDenied()); // no rule grants this request
                return;
            }
            if (target.action() == LogtoRoutes.Action.REQUIRE) {
                Decision decision = logto.authorize(token, target.requirement(), target.organizationId());
                if (!decision.isGranted()) {
                    write(response, logto.challenges().insufficientScope(decision));
                    return;
                }
            }
            request.setAttribute(VERIFIED_TOKEN_ATTRIBUTE, token);
            request = new VerifiedRequest(request, token);
            response = new ChallengingResponse(response, logto.challenges().accessDenied());
        }
        try {
            chain.doFilter(request, response);
        } catch (AccessRefusedException e) {
            if (response.isCommitted()) {
                throw e;
            }
            response.reset();
            write(response, logto.challenges().forException(e));
        }
    }

    /** Closes the resource server when this filter created it. */
    @Override
    public void destroy() {
        if (ownsServer) {
            logto.close();
        }
    }

    static void write(HttpServletResponse response, Challenge challenge) throws IOException {
        response.setHeader("WWW-Authenticate", challenge.wwwAuthenticate());
        write(response, challenge.status(), challenge.body().getBytes(StandardCharsets.UTF_8));
    }

    private static void write(HttpServletResponse response, int status, byte[] json) throws IOException {
        response.setStatus(status);
        response.setContentType(Challenge.CONTENT_TYPE);
        response.setContentLength(json.length);
        response.getOutputStream().write(json);
    }
}
