/**
 * Verify Logto access tokens and decide what they allow, without any framework.
 *
 * <p>Start with {@link io.logto.resource.core.LogtoConfig} and
 * {@link io.logto.resource.core.LogtoResourceServer}: it reads the bearer token, verifies it with
 * {@link io.logto.resource.core.LogtoTokenVerifier}, evaluates a
 * {@link io.logto.resource.core.Requirement} for one of Logto's three authorization scenarios, and
 * computes the RFC 6750 {@link io.logto.resource.core.Challenge} for every refusal. Framework adapters
 * only translate these values to and from their own types.
 */
package io.logto.resource.core;
