/** The servlet peer of the HTTP benchmark: Jetty 12 and a Nimbus {@code DefaultJWTProcessor} filter, no Logto SDK. */
package io.logto.resource.benchmarks.http.peer.servlet;
