package io.logto.resource.spring.internal;

import io.logto.resource.core.VerifiedToken;
import io.logto.resource.spring.LogtoAuthentication;
import java.lang.annotation.Annotation;
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
 * marked {@code @Nullable}, which then receives null (any annotation of that simple name, on the declaration or,
 * like JSpecify's, on the type: Spring Framework 6, under Spring Boot 3.5, reads only the former itself).
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
        if (parameter.isOptional() || hasTypeUseNullable(parameter)) {
            return null;
        }
        throw new AuthenticationCredentialsNotFoundException("a verified Logto access token is required");
    }

    private static boolean hasTypeUseNullable(MethodParameter parameter) {
        if (parameter.getParameterIndex() < 0) {
            return false;
        }
        for (Annotation annotation : parameter.getParameter().getAnnotatedType().getAnnotations()) {
            if (annotation.annotationType().getSimpleName().equals("Nullable")) {
                return true;
            }
        }
        return false;
    }
}
