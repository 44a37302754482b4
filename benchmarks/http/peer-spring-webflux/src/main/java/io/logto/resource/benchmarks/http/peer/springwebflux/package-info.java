/** The Spring WebFlux peer of the HTTP benchmark: a reactive Spring Security resource server without the Logto SDK. */
package io.logto.resource.benchmarks.http.peer.springwebflux;
