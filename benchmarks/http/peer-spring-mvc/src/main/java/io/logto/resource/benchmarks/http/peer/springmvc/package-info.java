/** The Spring MVC peer of the HTTP benchmark: a Spring Security resource server without the Logto SDK. */
package io.logto.resource.benchmarks.http.peer.springmvc;
