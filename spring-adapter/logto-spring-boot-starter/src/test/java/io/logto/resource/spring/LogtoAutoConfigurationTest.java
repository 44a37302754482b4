package io.logto.resource.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.logto.resource.core.EndpointRequirement;
import io.logto.resource.core.LogtoConfig;
import io.logto.resource.core.ScopeMatch;
import io.logto.resource.core.LogtoResourceServer;
import io.logto.resource.spring.internal.BearerTokenAuthenticationFilter;
import io.logto.resource.spring.internal.LogtoConfigurationFailureAnalyzer;
import io.logto.resource.spring.internal.LogtoEndpointScan;
import io.logto.resource.spring.internal.LogtoWebMvcConfigurer;
import io.logto.resource.spring.internal.ProtectedResourceMetadataFilter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.aop.Advisor;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Auto-configuration contract: one property mapping (the core's), the core's startup errors, beans that back off. */
class LogtoAutoConfigurationTest {

    static final String ISSUER = "http://127.0.0.1:3001/oidc";
    static final String AUDIENCE = "https://api.example.com";

    final ApplicationContextRunner plain = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(LogtoAutoConfiguration.class));

    final WebApplicationContextRunner web = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(LogtoAutoConfiguration.class, SecurityAutoConfiguration.class,
                    UserDetailsServiceAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class,
                    WebMvcAutoConfiguration.class))
            .withPropertyValues("logto.issuer=" + ISSUER, "logto.audience=" + AUDIENCE);

    @Test
    void createsTheResourceServerFromTheLogtoProperties() {
        plain.withPropertyValues("logto.issuer=" + ISSUER, "logto.audience=" + AUDIENCE, "logto.clock-skew=30s",
                "logto.accept-organization-tokens=false", "logto.scopes-supported=read:report,write:report")
                .run(context -> {
                    LogtoConfig config = context.getBean(LogtoResourceServer.class).config();
                    assertThat(config.issuer()).isEqualTo(ISSUER);
                    assertThat(config.audiences()).containsExactly(AUDIENCE);
                    assertThat(config.clockSkew()).isEqualTo(Duration.ofSeconds(30));
                    assertThat(config.acceptOrganizationTokens()).isFalse();
                    assertThat(config.scopesSupported()).containsExactlyInAnyOrder("read:report", "write:report");
                });
    }

    @Test
    void outsideAServletApplicationOnlyTheResourceServerIsCreated() {
        plain.withPropertyValues("logto.issuer=" + ISSUER, "logto.audience=" + AUDIENCE).run(context -> {
            assertThat(context).hasSingleBean(LogtoResourceServer.class);
            assertThat(context).doesNotHaveBean(LogtoAuthorizer.class).doesNotHaveBean(LogtoAuthenticationProvider.class);
        });
    }

    @Test
    void endpointNamesTheIssuer() {
        plain.withPropertyValues("logto.endpoint=http://127.0.0.1:3001/", "logto.audience=" + AUDIENCE)
                .run(context -> assertThat(context.getBean(LogtoResourceServer.class).config().issuer()).isEqualTo(ISSUER));
    }

    @Test
    void audienceMayBeAYamlListOrCommaSeparated() {
        plain.withPropertyValues("logto.issuer=" + ISSUER, "logto.audience[0]=" + AUDIENCE,
                "logto.audience[1]=https://admin.example.com")
                .run(context -> assertThat(context.getBean(LogtoResourceServer.class).config().audiences())
                        .containsExactly(AUDIENCE, "https://admin.example.com"));
        plain.withPropertyValues("logto.issuer=" + ISSUER, "logto.audience=" + AUDIENCE + ", https://admin.example.com")
                .run(context -> assertThat(context.getBean(LogtoResourceServer.class).config().audiences())
                        .containsExactly(AUDIENCE, "https://admin.example.com"));
    }

    @Test
    void environmentVariablesAreRead() {
        plain.withInitializer(context -> context.getEnvironment().getPropertySources().addFirst(
                new SystemEnvironmentPropertySource("test-env", Map.of("LOGTO_ISSUER", ISSUER,
                        "LOGTO_AUDIENCE", AUDIENCE, "LOGTO_CLOCK_SKEW", "15s"))))
                .run(context -> {
                    LogtoConfig config = context.getBean(LogtoResourceServer.class).config();
                    assertThat(config.issuer()).isEqualTo(ISSUER);
                    assertThat(config.clockSkew()).isEqualTo(Duration.ofSeconds(15));
                });
    }

    @Test
    void invalidConfigurationFailsStartupWithTheCoresMessage() {
        assertStartupFails(Map.of("logto.issuer", ISSUER));
        assertStartupFails(Map.of("logto.issuer", ISSUER, "logto.audience", AUDIENCE, "logto.clock-skew", "30"));
        assertStartupFails(Map.of("logto.issuer", "https://tenant.logto.app/oidc", "logto.endpoint", "https://tenant.logto.app",
                "logto.audience", AUDIENCE));
    }

    private void assertStartupFails(Map<String, String> properties) {
        String coreMessage = coreMessage(() -> LogtoConfig.fromProperties("logto.", properties::get));
        plain.withPropertyValues(properties.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .toArray(String[]::new)).run(context -> {
                    Throwable failure = context.getStartupFailure();
                    assertThat(failure).isNotNull();
                    assertThat(failure).rootCause().isInstanceOf(IllegalArgumentException.class).hasMessage(coreMessage);
                    FailureAnalysis analysis = new LogtoConfigurationFailureAnalyzer().analyze(failure);
                    assertThat(analysis.getDescription()).isEqualTo("The Logto configuration is invalid: " + coreMessage);
                    assertThat(analysis.getAction()).contains("logto.*");
                });
    }

    private static String coreMessage(Supplier<LogtoConfig> build) {
        try {
            build.get();
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        throw new AssertionError("the core accepted the configuration");
    }

    @Test
    void failureAnalyzerIgnoresOtherFailures() {
        assertThat(new LogtoConfigurationFailureAnalyzer().analyze(new IllegalArgumentException("elsewhere"))).isNull();
    }

    @Test
    void servletApplicationGetsEverySpringSecurityPieceAndADefaultChainInsteadOfBoots() {
        web.run(context -> {
            assertThat(context).hasSingleBean(LogtoResourceServer.class).hasSingleBean(LogtoAuthenticationProvider.class)
                    .hasSingleBean(LogtoAuthenticationEntryPoint.class).hasSingleBean(LogtoAccessDeniedHandler.class)
                    .hasSingleBean(LogtoRequestRejectedHandler.class)
                    .hasSingleBean(LogtoEndpointScan.class).hasSingleBean(LogtoWebMvcConfigurer.class)
                    .hasBean("logtoAuthorizationAdvisor").hasBean("logtoSecurityFilterChain")
                    .doesNotHaveBean("defaultSecurityFilterChain").doesNotHaveBean(UserDetailsService.class);
            assertThat(context.getBean("logto")).isInstanceOf(LogtoAuthorizer.class);
        });
    }

    @Test
    void everyBeanBacksOffForTheApplicationsOwn() {
        LogtoResourceServer server = LogtoResourceServer.create(LogtoConfig.custom().issuer(ISSUER).audience(AUDIENCE).build());
        assertBacksOff(LogtoResourceServer.class, () -> server);
        assertBacksOff(LogtoAuthenticationProvider.class, () -> new LogtoAuthenticationProvider(server));
        assertBacksOff(LogtoAuthenticationEntryPoint.class, () -> new LogtoAuthenticationEntryPoint(server));
        assertBacksOff(LogtoAccessDeniedHandler.class, () -> new LogtoAccessDeniedHandler(server));
        assertBacksOff(LogtoAuthorizer.class, () -> new LogtoAuthorizer(server));
        assertBacksOff(RequestRejectedHandler.class, HttpStatusRequestRejectedHandler::new);
        assertBacksOff(LogtoWebMvcConfigurer.class, () -> new LogtoWebMvcConfigurer(server));
        assertBacksOff(LogtoEndpointScan.class, () -> new LogtoEndpointScan(new StaticListableBeanFactory()));
        server.close();
    }

    private <T> void assertBacksOff(Class<T> type, Supplier<T> own) {
        T instance = own.get();
        web.withBean(type, () -> instance).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).getBean(type).isSameAs(instance);
        });
    }

    @Test
    void methodSecurityAdvisorBacksOffForOneOfTheSameName() {
        Advisor own = new DefaultPointcutAdvisor((org.aopalliance.aop.Advice) (org.aopalliance.intercept.MethodInterceptor) i -> i.proceed());
        web.withBean("logtoAuthorizationAdvisor", Advisor.class, () -> own)
                .run(context -> assertThat(context.getBean("logtoAuthorizationAdvisor")).isSameAs(own));
    }

    @Test
    void defaultChainBacksOffWhenTheApplicationDefinesAChain() {
        web.withUserConfiguration(OwnChain.class)
                .run(context -> assertThat(context).doesNotHaveBean("logtoSecurityFilterChain").hasBean("ownChain"));
    }

    static class OwnChain {
        @org.springframework.context.annotation.Bean
        SecurityFilterChain ownChain(HttpSecurity http) throws Exception {
            return http.with(LogtoConfigurer.logto()).build();
        }
    }

    @Test
    void chainsServeTheMetadataUnlessTurnedOff() {
        web.run(context -> assertThat(filters(context.getBean("logtoSecurityFilterChain", SecurityFilterChain.class)))
                .contains(ProtectedResourceMetadataFilter.class).contains(BearerTokenAuthenticationFilter.class));
        web.withUserConfiguration(ChainWithoutMetadata.class)
                .run(context -> assertThat(filters(context.getBean(SecurityFilterChain.class)))
                        .doesNotContain(ProtectedResourceMetadataFilter.class).contains(BearerTokenAuthenticationFilter.class));
    }

    private static java.util.List<Class<?>> filters(SecurityFilterChain chain) {
        return chain.getFilters().stream().<Class<?>>map(Object::getClass).toList();
    }

    static class ChainWithoutMetadata {
        @org.springframework.context.annotation.Bean
        SecurityFilterChain ownChain(HttpSecurity http) throws Exception {
            return http.with(LogtoConfigurer.logto().metadataEndpoint(false)).build();
        }
    }

    @Test
    void twoLogtoAnnotationsOnOneMethodFailStartup() {
        web.withUserConfiguration(TwoAnnotations.class).run(context -> assertThat(cause(context.getStartupFailure()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("more than one"));
    }

    @RestController
    static class TwoAnnotations {
        @GetMapping("/orgs/{orgId}/members")
        @RequireScopes("read:member")
        @RequireOrganizationScopes("read:member")
        String members() {
            return "";
        }
    }

    @Test
    void invalidScopeNameInAnAnnotationFailsStartupWithTheCoresMessage() {
        web.withUserConfiguration(BadScope.class).run(context -> assertThat(cause(context.getStartupFailure()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(coreMessage(() -> EndpointRequirement.global(ScopeMatch.ALL, List.of("read report")))));
    }

    @Test
    void invalidScopeNameOnAServiceBeanFailsStartupToo() {
        web.withUserConfiguration(BadScopeService.class).run(context -> {
            Throwable failure = context.getStartupFailure();
            assertThat(cause(failure)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(coreMessage(() -> EndpointRequirement.global(ScopeMatch.ALL, List.of("read\"report"))));
            assertThat(failure).hasStackTraceContaining(BadScopeService.class.getName());
        });
    }

    @Test
    void blankOrganizationVariableFailsStartupWithTheCoresMessage() {
        web.withUserConfiguration(BlankVariable.class).run(context -> assertThat(cause(context.getStartupFailure()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(coreMessage(() -> EndpointRequirement.organization(" ", ScopeMatch.ALL, List.of()))));
    }

    static class BadScopeService {
        @RequireScopes("read\"report")
        public String read() {
            return "";
        }
    }

    @RestController
    static class BlankVariable {
        @GetMapping("/orgs/{orgId}/members")
        @RequireOrganizationScopes(value = "read:member", organizationIdFrom = " ")
        String members() {
            return "";
        }
    }

    private static String coreMessage(Runnable invalid) {
        try {
            invalid.run();
        } catch (IllegalArgumentException expected) {
            return expected.getMessage();
        }
        throw new AssertionError("the core accepted it");
    }

    @RestController
    static class BadScope {
        @GetMapping("/reports")
        @RequireScopes("read report")
        String reports() {
            return "";
        }
    }

    private static Throwable cause(Throwable failure) {
        assertThat(failure).isNotNull();
        return NestedExceptionUtils.getMostSpecificCause(failure);
    }
}
