/**
 * Logto access tokens in Micronaut Security: the declarative requirements {@link RequireScopes},
 * {@link RequireOrganizationScopes} and {@link RequireOrganizationApiScopes},
 * {@link MicronautLogtoAuthentication} to reach the verified token from an {@code Authentication}, and
 * {@link LogtoProperties}, the {@code logto.*} settings as Micronaut binds them.
 *
 * <p>Adding the module is enough: its beans verify bearer tokens through Micronaut Security's
 * {@code TokenReader} and {@code TokenValidator}, decide the annotations in a {@code SecurityRule}, answer
 * refusals with the core's RFC 6750 challenges and serve the RFC 9728 metadata document. Controllers may
 * take a {@link io.logto.resource.core.VerifiedToken} parameter.
 */
package io.logto.resource.micronaut;
