/** The Quarkus peer of the HTTP benchmark: SmallRye JWT with {@code @RolesAllowed}, no Logto SDK. */
package io.logto.resource.benchmarks.http.peer.quarkus;
