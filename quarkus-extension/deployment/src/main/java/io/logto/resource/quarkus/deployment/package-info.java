/**
 * Build steps of the Quarkus Logto extension: the feature, bean registration, the scan of {@code @Require*}
 * annotations into Quarkus security checks, the resource server bean built from runtime configuration and the
 * RFC 9728 metadata route.
 */
package io.logto.resource.quarkus.deployment;
