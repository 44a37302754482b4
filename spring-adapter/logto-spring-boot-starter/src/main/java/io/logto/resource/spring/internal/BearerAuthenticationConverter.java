package io.logto.resource.spring.internal;

import io.logto.resource.core.BearerToken;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.Enumeration;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * Reads every {@code Authorization} header with the core's {@link BearerToken#fromHeaders}; returns null when
 * the request carries no bearer credentials, so that the request goes on anonymously and the authorization
 * rules decide whether a token was needed. {@link #hasBearer} answers from the scheme alone
 * ({@link BearerToken#presentsBearer}).
 */
public final class BearerAuthenticationConverter implements AuthenticationConverter {

    /** The bearer token of the request as an unverified authentication request, or null when it carries none. */
    @Override
    public Authentication convert(HttpServletRequest request) {
        BearerToken bearer = BearerToken.fromHeaders(Collections.list(request.getHeaders(HttpHeaders.AUTHORIZATION)));
        return bearer.isAbsent() ? null : new BearerAuthenticationRequest(bearer);
    }

    /**
     * Whether a request carries bearer credentials, well-formed or not.
     *
     * @param request the request
     * @return true unless the request has no {@code Bearer} {@code Authorization} header
     */
    public static boolean hasBearer(HttpServletRequest request) {
        Enumeration<String> values = request.getHeaders(HttpHeaders.AUTHORIZATION);
        if (values == null || !values.hasMoreElements()) {
            return false;
        }
        String first = values.nextElement();
        // a second Authorization header makes the request malformed (RFC 6750 section 3.1): bearer credentials all the
        // same, refused by the authentication filter; else the scheme tells, without reading the token
        return values.hasMoreElements() || BearerToken.presentsBearer(first);
    }
}
