/**
 * The extension's runtime machinery, wired by the deployment module at build time: the HTTP authentication
 * mechanism and identity provider that put validator-core behind Quarkus security, the security check behind the
 * {@code @Require*} annotations, the RFC 9728 metadata route, and the Quarkus REST exception mappers that write the
 * core's challenges. Not API: names and signatures may change.
 */
package io.logto.resource.quarkus.internal;
