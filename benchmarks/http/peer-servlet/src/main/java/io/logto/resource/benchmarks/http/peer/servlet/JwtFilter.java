package io.logto.resource.benchmarks.http.peer.servlet;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.ConfigurableJWTProcessor;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bearer-token filter in the shape of Logto's Java guide: a Nimbus {@code DefaultJWTProcessor} with a remote
 * JWKS ({@code <issuer>/jwks}, Nimbus' default caching {@code JWKSourceBuilder}), ES384 only, {@code typ}
 * {@code at+jwt}, the exact issuer and audience and required {@code exp}/{@code iat}/{@code sub}; then the
 * space-separated {@code scope} claim must hold {@code read:report} on {@code /api/reports}.
 */
final class JwtFilter extends HttpFilter {

    /** Request attribute carrying the verified subject. */
    static final String SUBJECT_ATTRIBUTE = "peer.sub";

    private static final long serialVersionUID = 1L;

    private final transient ConfigurableJWTProcessor<SecurityContext> processor;
    private final transient Map<String, JWTClaimsSet> memoized;

    /**
     * @param memoize the benchmark's {@code memoized} run only ({@code BENCH_MEMOIZE_VERIFICATION=true}), never a
     *     configuration to copy: every verified token's claims kept forever (no expiry check, no bound), so that a
     *     repeated token costs the filter and Jetty and nothing for verification
     */
    JwtFilter(String issuer, String audience, boolean memoize) {
        this.memoized = memoize ? new ConcurrentHashMap<>() : null;
        JWKSource<SecurityContext> keys;
        try {
            keys = JWKSourceBuilder.create(URI.create(issuer + "/jwks").toURL()).retrying(true).build();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("bad issuer URL", e);
        }
        DefaultJWTProcessor<SecurityContext> jwtProcessor = new DefaultJWTProcessor<>();
        jwtProcessor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType("at+jwt")));
        jwtProcessor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.ES384, keys));
        jwtProcessor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(audience,
                new JWTClaimsSet.Builder().issuer(issuer).build(), Set.of("exp", "iat", "sub")));
        this.processor = jwtProcessor;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if ("/api/public".equals(request.getRequestURI())) {
            chain.doFilter(request, response);
            return;
        }
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            response.setHeader("WWW-Authenticate", "Bearer");
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        JWTClaimsSet claims;
        try {
            String token = header.substring(7).trim();
            claims = memoized == null ? null : memoized.get(token);
            if (claims == null) {
                claims = processor.process(token, null);
                if (memoized != null) {
                    memoized.put(token, claims);
                }
            }
        } catch (Exception e) {
            response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        if ("/api/reports".equals(request.getRequestURI())) {
            Object scope = claims.getClaim("scope");
            List<String> scopes = scope instanceof String s ? Arrays.asList(s.split(" ")) : List.of();
            if (!scopes.contains("read:report")) {
                response.setHeader("WWW-Authenticate", "Bearer error=\"insufficient_scope\", scope=\"read:report\"");
                response.sendError(HttpServletResponse.SC_FORBIDDEN);
                return;
            }
        }
        request.setAttribute(SUBJECT_ATTRIBUTE, claims.getSubject());
        chain.doFilter(request, response);
    }
}
