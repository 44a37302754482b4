/**
 * The Quarkus extension's public API: the declarative requirements {@link io.logto.resource.quarkus.RequireScopes},
 * {@link io.logto.resource.quarkus.RequireOrganizationScopes} and
 * {@link io.logto.resource.quarkus.RequireOrganizationApiScopes}, the {@code quarkus.logto.*} configuration
 * ({@link io.logto.resource.quarkus.LogtoProperties}) and {@link io.logto.resource.quarkus.LogtoIdentity} for reading the
 * verified token from a {@code SecurityIdentity}.
 *
 * <p>Everything else the extension registers (authentication mechanism, identity provider, security checks, the
 * RFC 9728 metadata route) lives in {@code io.logto.resource.quarkus.internal} and is wired at build time.
 */
package io.logto.resource.quarkus;
