package io.logto.resource.spring;

import io.logto.resource.core.LogtoConfig;
import io.logto.resource.core.LogtoListener;
import io.logto.resource.core.LogtoResourceServer;
import io.logto.resource.spring.internal.DefaultSecurityFilterChainConfiguration;
import io.logto.resource.spring.internal.LogtoEndpointScan;
import io.logto.resource.spring.internal.LogtoMethodAuthorizationManager;
import io.logto.resource.spring.internal.LogtoMethodSecurityRegistrar;
import io.logto.resource.spring.internal.LogtoPropertyLookup;
import io.logto.resource.spring.internal.LogtoWebMvcConfigurer;
import java.util.List;
import org.springframework.aop.Advisor;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Role;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Makes a Spring Boot application a Logto resource server. It creates the {@link LogtoResourceServer} from
 * the {@code logto.*} properties through the core's {@link LogtoConfig#fromProperties} (invalid settings fail
 * startup with the core's message) and, in a servlet application with Spring Security: the
 * {@link LogtoAuthenticationProvider}, {@link LogtoAuthenticationEntryPoint}, {@link LogtoAccessDeniedHandler},
 * {@link LogtoRequestRejectedHandler} (400 for a URL Spring Security's firewall rejects),
 * the {@code logto} bean ({@link LogtoAuthorizer}), method security for the three {@code @Require*}
 * annotations, and a default stateless {@link SecurityFilterChain} ({@link LogtoConfigurer}, every request
 * authenticated, CSRF off). With Spring MVC it adds {@code VerifiedToken} handler parameters and the
 * answer to {@code AccessRefusedException}. Every bean backs off when the application defines its own; the
 * default chain backs off when the application defines any {@link SecurityFilterChain}.
 */
// Spring Boot 4 names, then Spring Boot 3.5 names (logto-spring-boot3-starter compiles this class too).
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
        "org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration",
        "org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.security.servlet.ManagementWebSecurityAutoConfiguration"})
@ConditionalOnClass(LogtoResourceServer.class)
public final class LogtoAutoConfiguration {

    /** The prefix of every property: {@code logto.}. */
    public static final String PROPERTY_PREFIX = "logto.";

    /**
     * The resource server, configured from the {@code logto.*} properties and closed on shutdown; every
     * {@link LogtoListener} bean (such as the Micrometer binder) hears it, and every
     * {@link LogtoConfigCustomizer} bean adjusts its configuration first.
     *
     * @param environment the application's environment
     * @param listeners   the application's listeners, in order
     * @param customizers the configuration customizers, in order
     * @return the resource server
     * @throws IllegalArgumentException with the core's message naming the property to fix
     */
    @Bean
    @ConditionalOnMissingBean
    public LogtoResourceServer logtoResourceServer(Environment environment, ObjectProvider<LogtoListener> listeners,
                                                   ObjectProvider<LogtoConfigCustomizer> customizers) {
        LogtoConfig.Builder config = LogtoConfig.from(
                LogtoConfig.fromProperties(PROPERTY_PREFIX, LogtoPropertyLookup.of(environment)));
        List<LogtoListener> all = listeners.orderedStream().toList();
        if (!all.isEmpty()) {
            config.listener(LogtoListener.of(all));
        }
        customizers.orderedStream().forEach(customizer -> customizer.customize(config));
        return LogtoResourceServer.create(config.build());
    }

    /** Spring Security integration for servlet applications. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass({SecurityFilterChain.class, HttpSecurity.class})
    @Import({LogtoMethodSecurityRegistrar.class, DefaultSecurityFilterChainConfiguration.class})
    static class ServletSecurityConfiguration {

        @Bean
        @ConditionalOnMissingBean
        LogtoAuthenticationProvider logtoAuthenticationProvider(LogtoResourceServer logto) {
            return new LogtoAuthenticationProvider(logto);
        }

        @Bean
        @ConditionalOnMissingBean
        LogtoAuthenticationEntryPoint logtoAuthenticationEntryPoint(LogtoResourceServer logto) {
            return new LogtoAuthenticationEntryPoint(logto);
        }

        @Bean
        @ConditionalOnMissingBean
        LogtoAccessDeniedHandler logtoAccessDeniedHandler(LogtoResourceServer logto) {
            return new LogtoAccessDeniedHandler(logto);
        }

        @Bean
        @ConditionalOnMissingBean(RequestRejectedHandler.class)
        LogtoRequestRejectedHandler logtoRequestRejectedHandler() {
            return new LogtoRequestRejectedHandler();
        }

        @Bean(LogtoAuthorizer.BEAN_NAME)
        @ConditionalOnMissingBean
        LogtoAuthorizer logtoAuthorizer(LogtoResourceServer logto) {
            return new LogtoAuthorizer(logto);
        }

        @Bean
        @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
        @ConditionalOnMissingBean(name = "logtoAuthorizationAdvisor")
        static Advisor logtoAuthorizationAdvisor(ObjectProvider<LogtoAuthorizer> authorizer) {
            return LogtoMethodAuthorizationManager.interceptor(authorizer::getObject);
        }
    }

    /** Spring MVC integration. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(RequestMappingHandlerMapping.class)
    static class WebMvcConfiguration {

        @Bean
        @ConditionalOnMissingBean
        LogtoEndpointScan logtoEndpointScan(ListableBeanFactory beans) {
            return new LogtoEndpointScan(beans);
        }

        @Bean
        @ConditionalOnMissingBean
        LogtoWebMvcConfigurer logtoWebMvcConfigurer(LogtoResourceServer logto) {
            return new LogtoWebMvcConfigurer(logto);
        }
    }
}
