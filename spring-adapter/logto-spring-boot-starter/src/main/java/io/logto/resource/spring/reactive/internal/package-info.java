/**
 * Implementation of the Spring WebFlux support: filters, resolvers and the reactive method-security
 * interceptor that translate between Spring types and {@code validator-core}. Not a public API; its classes
 * may change without notice.
 */
package io.logto.resource.spring.reactive.internal;
