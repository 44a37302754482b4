/**
 * How {@link io.logto.resource.micronaut.test.WithLogtoTestIssuer} is wired into Micronaut Test: a service-loaded
 * {@code TestPropertyProviderFactory} starts the issuer and a factory hands it to the context as a bean. Not API.
 */
package io.logto.resource.micronaut.test.internal;
