/**
 * Test your own Spring WebFlux endpoints with real Logto-shaped tokens, without a Logto tenant:
 * {@link io.logto.resource.spring.test.reactive.LogtoWebTestClientConfigurers#logtoToken()} signs a token of
 * the chosen scenario and scopes with the local issuer of
 * {@link io.logto.resource.spring.test.AutoConfigureLogtoTestIssuer} and sends it from a {@code WebTestClient}.
 */
package io.logto.resource.spring.test.reactive;
