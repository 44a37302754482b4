/**
 * Test support for the Logto Micronaut adapter: {@link WithLogtoTestIssuer} gives a {@code @MicronautTest}
 * a local Logto-shaped issuer, so endpoints are tested with real, locally signed tokens of chosen scopes and
 * without a Logto tenant.
 */
package io.logto.resource.micronaut.test;
