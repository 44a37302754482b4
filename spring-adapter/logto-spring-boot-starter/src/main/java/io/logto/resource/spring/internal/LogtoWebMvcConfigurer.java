package io.logto.resource.spring.internal;

import io.logto.resource.core.LogtoResourceServer;
import java.util.List;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Registers the Spring MVC pieces: {@link VerifiedTokenArgumentResolver} and, first among the exception
 * resolvers, {@link AccessRefusedExceptionResolver}.
 */
public final class LogtoWebMvcConfigurer implements WebMvcConfigurer {

    private final LogtoResourceServer logto;

    /**
     * Creates the configurer.
     *
     * @param logto the resource server
     */
    public LogtoWebMvcConfigurer(LogtoResourceServer logto) {
        this.logto = logto;
    }

    /** Adds {@link VerifiedTokenArgumentResolver}. */
    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new VerifiedTokenArgumentResolver());
    }

    /** Puts {@link AccessRefusedExceptionResolver} first. */
    @Override
    public void extendHandlerExceptionResolvers(List<HandlerExceptionResolver> resolvers) {
        resolvers.add(0, new AccessRefusedExceptionResolver(logto));
    }
}
