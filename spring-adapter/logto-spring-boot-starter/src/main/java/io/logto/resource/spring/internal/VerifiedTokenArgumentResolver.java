package io.logto.resource.spring.internal;

import io.logto.resource.core.VerifiedToken;
import io.logto.resource.spring.LogtoAuthentication;
import org.springframework.core.MethodParameter;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Resolves handler parameters of type {@link VerifiedToken} to the current request's verified token. A
 * handler that takes one needs a token: without it the request ends with 401, unless the parameter is
 * marked {@code @Nullable}, which then receives null.
 */
public final class VerifiedTokenArgumentResolver implements HandlerMethodArgumentResolver {

    /** Whether the parameter is of type {@link VerifiedToken}. */
    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == VerifiedToken.class;
    }

    /**
     * The current verified token; null for a {@code @Nullable} parameter without one; otherwise throws an
     * {@code AuthenticationException}, which Spring Security answers with 401.
     */
    @Override
    public VerifiedToken resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                                         NativeWebRequest request, WebDataBinderFactory binders) {
        Authentication authentication = SecurityContextHolder.getContextHolderStrategy().getContext().getAuthentication();
        if (authentication instanceof LogtoAuthentication logto) {
            return logto.verifiedToken();
        }
        if (parameter.isOptional()) {
            return null;
        }
        throw new AuthenticationCredentialsNotFoundException("a verified Logto access token is required");
    }
}
