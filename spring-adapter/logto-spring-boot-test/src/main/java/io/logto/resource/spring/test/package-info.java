/**
 * Test your own Spring controllers with real Logto-shaped tokens, without a Logto tenant.
 *
 * <p>{@link io.logto.resource.spring.test.AutoConfigureLogtoTestIssuer} starts a local issuer (discovery and
 * JWKS on loopback, from {@code logto-test}) and points {@code logto.issuer} at it;
 * {@link io.logto.resource.spring.test.LogtoRequestPostProcessors#logtoToken()} signs a token of the chosen
 * scenario and scopes for a MockMvc request. {@link io.logto.resource.spring.test.LogtoTestProperties} does the
 * property part for tests that manage their own {@link io.logto.resource.test.LogtoTestIssuer}.
 */
package io.logto.resource.spring.test;
