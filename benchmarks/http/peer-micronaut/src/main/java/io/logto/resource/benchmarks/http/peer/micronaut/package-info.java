/** The Micronaut peer of the HTTP benchmark: micronaut-security-jwt with {@code @Secured}, no Logto SDK. */
package io.logto.resource.benchmarks.http.peer.micronaut;
