/**
 * Test support for applications using the Quarkus Logto extension: {@link io.logto.resource.quarkus.test.LogtoTestResource}
 * starts a local Logto-shaped issuer for {@code @QuarkusTest} tests and points {@code quarkus.logto.issuer} at it, and
 * {@link io.logto.resource.quarkus.test.InjectLogtoTestIssuer} hands the issuer to the test to mint tokens.
 */
package io.logto.resource.quarkus.test;
