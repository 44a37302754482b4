/**
 * The sample contract (see the repository's DESIGN.md) on Spring WebFlux with the Logto starter: one
 * annotated controller returning {@code Mono}, one {@code SecurityWebFilterChain}, and the environment read by
 * {@code sample-support}.
 */
package io.logto.resource.samples.webflux;
