/**
 * Test kit: a local Logto-shaped issuer ({@link io.logto.resource.test.LogtoTestIssuer}) that serves
 * discovery and JWKS on loopback and mints access tokens for Logto's three authorization scenarios,
 * including deliberately broken ones, plus a JUnit 5 extension that starts it per test class.
 */
package io.logto.resource.test;
