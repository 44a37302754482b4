/** Implementation of the WebFlux test support; not a public API. */
package io.logto.resource.spring.test.reactive.internal;
