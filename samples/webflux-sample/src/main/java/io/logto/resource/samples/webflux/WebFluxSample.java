package io.logto.resource.samples.webflux;

import io.logto.resource.samples.SampleSettings;
import io.logto.resource.spring.reactive.LogtoServerConfigurer;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableReactiveMethodSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;

/**
 * The WebFlux sample: {@code java -jar webflux-sample.jar}, configured by {@code LOGTO_ISSUER},
 * {@code LOGTO_AUDIENCE} and {@code PORT}. Without {@code LOGTO_ISSUER} it runs against a local test issuer
 * and prints ready-to-paste curl commands.
 */
@SpringBootApplication
@EnableReactiveMethodSecurity
public class WebFluxSample {

    /**
     * The API's security: Logto bearer tokens, {@code /api/public} and the Actuator health and metrics endpoints
     * open to anyone (metrics in this sample only), the filter-chain idiom route
     * guarded by Spring's own {@code hasAuthority}, everything else authenticated; the per-route requirements
     * are the annotations on {@link SampleController}.
     *
     * @param http  Spring Security's reactive builder
     * @param logto the Logto configurer bean
     * @return the filter chain
     */
    // tag::chain[]
    @Bean
    SecurityWebFilterChain api(ServerHttpSecurity http, LogtoServerConfigurer logto) {
        logto.customize(http);
        return http.authorizeExchange(exchanges -> exchanges
                        .pathMatchers(HttpMethod.GET, "/api/public").permitAll()
                        .pathMatchers(HttpMethod.GET, "/actuator/health/**", "/actuator/metrics/**").permitAll()
                        .pathMatchers("/api/idiom/filter-chain").hasAuthority("SCOPE_read:report")
                        .anyExchange().authenticated())
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                // no saved requests: Spring's default cache opens a WebSession on every request (two thread hops)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .build();
    }
    // end::chain[]

    /**
     * Starts the sample.
     *
     * @param args Spring Boot command-line arguments
     */
    public static void main(String[] args) {
        SampleSettings settings = SampleSettings.fromEnvironment();
        SpringApplication application = new SpringApplication(WebFluxSample.class);
        application.setDefaultProperties(Map.of(
                "logto.issuer", settings.issuer(),
                "logto.audience", settings.audience(),
                "server.port", settings.port()));
        application.addListeners((ApplicationListener<ApplicationReadyEvent>) ready -> settings.announce(
                "http://127.0.0.1:" + ((WebServerApplicationContext) ready.getApplicationContext()).getWebServer().getPort()));
        application.run(args);
    }
}
