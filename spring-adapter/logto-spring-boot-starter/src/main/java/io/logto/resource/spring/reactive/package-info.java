/**
 * Spring WebFlux support: Logto access tokens for reactive Spring Boot applications through Spring
 * Security's {@code ServerHttpSecurity}.
 *
 * <p>{@link io.logto.resource.spring.reactive.LogtoReactiveAutoConfiguration} installs, in a reactive web
 * application, a default {@code SecurityWebFilterChain} (backing off when the application declares one),
 * {@link io.logto.resource.spring.reactive.LogtoServerConfigurer} for chains of your own, the three
 * {@code @Require*} annotations on handler methods returning {@code Mono} or {@code Flux}, {@code VerifiedToken}
 * handler parameters and the RFC 9728 metadata. Tokens are verified through
 * {@code LogtoResourceServer.authenticateAsync}, so no event-loop thread waits for a key fetch. All
 * verification, decisions and HTTP answers come from {@code validator-core}; this package only translates.
 */
package io.logto.resource.spring.reactive;
