package io.logto.resource.benchmarks.http.peer.springmvc;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The peer of the spring sample: Spring Boot 4 and Spring Security's own OAuth 2.0 resource server, configured
 * as Spring Security's reference documentation and Logto's Spring Boot guide describe, with no Logto SDK.
 *
 * <p>The decoder is built from the issuer location ({@code issuer-uri}: discovery, then the JWKS), accepts ES384
 * only, and validates the issuer and timestamps (the defaults), the audience and the RFC 9068 {@code typ}.
 * {@code GET /api/reports} needs {@code hasAuthority('SCOPE_read:report')}. Environment: {@code LOGTO_ISSUER},
 * {@code LOGTO_AUDIENCE}, {@code PORT} (read by {@code application.properties}).
 */
@SpringBootApplication
@RestController
public class SpringMvcPeer {

    /** Creates the application; Spring calls it. */
    public SpringMvcPeer() {
    }

    /**
     * Starts the peer.
     *
     * @param args Spring Boot arguments
     */
    public static void main(String[] args) {
        SpringApplication.run(SpringMvcPeer.class, args);
    }

    /**
     * The resource server's decoder: issuer discovery, ES384, issuer + timestamps + audience + {@code typ}.
     *
     * @param issuer the issuer ({@code LOGTO_ISSUER})
     * @param audience the API resource indicator ({@code LOGTO_AUDIENCE})
     * @param memoize {@code BENCH_MEMOIZE_VERIFICATION}: the benchmark's experiment, see {@link #memoized}
     * @return the decoder
     */
    @Bean
    public JwtDecoder jwtDecoder(@Value("${logto.issuer}") String issuer, @Value("${logto.audience}") String audience,
            @Value("${BENCH_MEMOIZE_VERIFICATION:false}") boolean memoize) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(issuer)
                .jwsAlgorithm(SignatureAlgorithm.ES384)
                .build();
        // createDefaultWithValidators adds the timestamp validator and, given a JwtTypeValidator, uses it instead
        // of its default one (which accepts only typ JWT)
        decoder.setJwtValidator(JwtValidators.createDefaultWithValidators(List.of(
                new JwtIssuerValidator(issuer),
                new JwtAudienceValidator(audience),
                new JwtTypeValidator("at+jwt", "application/at+jwt"))));
        return memoize ? memoized(decoder) : decoder;
    }

    /**
     * The benchmark's {@code memoized} run only, never a configuration to copy: every token decoded once and kept
     * forever (no expiry check, no bound), so that a repeated token costs Spring Security's own request path and
     * nothing for verification: how close to its floor any decoder can bring this framework's resource server.
     *
     * @param decoder the real decoder
     * @return a decoder answering each token it has decoded before from a map
     */
    static JwtDecoder memoized(JwtDecoder decoder) {
        Map<String, Jwt> decoded = new ConcurrentHashMap<>();
        return token -> decoded.computeIfAbsent(token, decoder::decode);
    }

    /**
     * The security filter chain: the public route open, the reports route by scope authority, stateless.
     *
     * @param http Spring Security's builder
     * @return the chain
     * @throws Exception when Spring Security cannot build it
     */
    @Bean
    public SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/api/public").permitAll()
                        .requestMatchers("/api/reports").hasAuthority("SCOPE_read:report")
                        .anyRequest().authenticated())
                .oauth2ResourceServer(server -> server.jwt(jwt -> { }))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    /**
     * {@code GET /api/public}: the same body as the spring sample.
     *
     * @return the message
     */
    @GetMapping("/api/public")
    public Map<String, String> publicRoute() {
        return Map.of("message", "Anyone can read this.");
    }

    /**
     * {@code GET /api/reports}: the token's subject.
     *
     * @param jwt the verified token
     * @return {@code {"sub": ...}}
     */
    @GetMapping("/api/reports")
    public Map<String, String> reports(@AuthenticationPrincipal Jwt jwt) {
        return Map.of("sub", jwt.getSubject());
    }
}
