package io.logto.resource.benchmarks.http.peer.springwebflux;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The peer of the WebFlux sample: Spring Boot 4 WebFlux and Spring Security's reactive OAuth 2.0 resource server,
 * configured like {@code SpringMvcPeer} (issuer location, ES384, issuer + timestamps + audience + {@code typ}
 * validators, {@code hasAuthority('SCOPE_read:report')} on {@code /api/reports}), with no Logto SDK.
 * Environment: {@code LOGTO_ISSUER}, {@code LOGTO_AUDIENCE}, {@code PORT}.
 */
@SpringBootApplication
@RestController
public class SpringWebFluxPeer {

    /** Creates the application; Spring calls it. */
    public SpringWebFluxPeer() {
    }

    /**
     * Starts the peer.
     *
     * @param args Spring Boot arguments
     */
    public static void main(String[] args) {
        SpringApplication.run(SpringWebFluxPeer.class, args);
    }

    /**
     * The reactive decoder: issuer discovery, ES384, issuer + timestamps + audience + {@code typ}.
     *
     * @param issuer the issuer ({@code LOGTO_ISSUER})
     * @param audience the API resource indicator ({@code LOGTO_AUDIENCE})
     * @param memoize {@code BENCH_MEMOIZE_VERIFICATION}: the benchmark's experiment, see {@link #memoized}
     * @return the decoder
     */
    @Bean
    public ReactiveJwtDecoder jwtDecoder(@Value("${logto.issuer}") String issuer,
            @Value("${logto.audience}") String audience, @Value("${BENCH_MEMOIZE_VERIFICATION:false}") boolean memoize) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withIssuerLocation(issuer)
                .jwsAlgorithm(SignatureAlgorithm.ES384)
                .build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithValidators(List.of(
                new JwtIssuerValidator(issuer),
                new JwtAudienceValidator(audience),
                new JwtTypeValidator("at+jwt", "application/at+jwt"))));
        return memoize ? memoized(decoder) : decoder;
    }

    /**
     * The benchmark's {@code memoized} run only, never a configuration to copy: every token's decoding kept forever
     * (no expiry check, no bound), so that a repeated token costs Spring Security's own reactive request path and
     * nothing for verification: how close to its floor any decoder can bring this framework's resource server.
     *
     * @param decoder the real decoder
     * @return a decoder answering each token it has seen before with the same completed {@code Mono}
     */
    static ReactiveJwtDecoder memoized(ReactiveJwtDecoder decoder) {
        Map<String, Mono<Jwt>> decoded = new ConcurrentHashMap<>();
        return token -> decoded.computeIfAbsent(token, t -> decoder.decode(t).cache());
    }

    /**
     * The security chain: the public route open, the reports route by scope authority, no CSRF.
     *
     * @param http Spring Security's reactive builder
     * @return the chain
     */
    @Bean
    public SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http) {
        return http.authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/api/public").permitAll()
                        .pathMatchers("/api/reports").hasAuthority("SCOPE_read:report")
                        .anyExchange().authenticated())
                .oauth2ResourceServer(server -> server.jwt(jwt -> { }))
                // stateless like the webflux sample (and the Spring MVC peer): no security context or request
                // kept in a WebSession, which Spring Security's defaults would open on every request
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .build();
    }

    /**
     * {@code GET /api/public}: the same body as the samples.
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
