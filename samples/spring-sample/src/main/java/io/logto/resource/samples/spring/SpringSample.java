package io.logto.resource.samples.spring;

import io.logto.resource.samples.SampleSettings;
import io.logto.resource.spring.LogtoConfigurer;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The Spring sample: {@code java -jar spring-sample.jar}, configured by {@code LOGTO_ISSUER},
 * {@code LOGTO_AUDIENCE} and {@code PORT}. Without {@code LOGTO_ISSUER} it runs against a local test issuer
 * and prints ready-to-paste curl commands.
 */
@SpringBootApplication
@EnableMethodSecurity
public class SpringSample {

    /**
     * The API's security: Logto bearer tokens, {@code /api/public} and the Actuator health and metrics
     * endpoints open to anyone (metrics in this sample only), {@code /api/idiom/filter-chain} guarded by Spring's
     * own {@code hasAuthority("SCOPE_read:report")} (met by global API tokens only), everything else
     * authenticated; the per-route requirements are the annotations on {@link SampleController}.
     *
     * @param http Spring Security's builder
     * @return the filter chain
     * @throws Exception when Spring Security cannot build the chain
     */
    // tag::filter-chain[]
    @Bean
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        return http.with(LogtoConfigurer.logto())
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, "/api/public").permitAll()
                        .requestMatchers(HttpMethod.GET, "/actuator/health/**", "/actuator/metrics/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/idiom/filter-chain").hasAuthority("SCOPE_read:report")
                        .anyRequest().authenticated())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                .build();
    }
    // end::filter-chain[]

    /**
     * Starts the sample.
     *
     * @param args Spring Boot command-line arguments
     */
    public static void main(String[] args) {
        SampleSettings settings = SampleSettings.fromEnvironment();
        SpringApplication application = new SpringApplication(SpringSample.class);
        application.setDefaultProperties(Map.of(
                "logto.issuer", settings.issuer(),
                "logto.audience", settings.audience(),
                "server.port", settings.port()));
        application.addListeners((ApplicationListener<ApplicationReadyEvent>) ready -> settings.announce(
                "http://127.0.0.1:" + ((WebServerApplicationContext) ready.getApplicationContext()).getWebServer().getPort()));
        application.run(args);
    }
}
