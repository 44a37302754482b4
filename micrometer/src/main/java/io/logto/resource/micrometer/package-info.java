/**
 * Micrometer meters for a Logto verifier: {@link io.logto.resource.micrometer.LogtoMetrics} counts
 * verification outcomes, times key fetches and gauges key count, key age and token-cache size. The
 * Spring Boot, Micronaut and Quarkus adapters register it on their own when Micrometer is present.
 */
package io.logto.resource.micrometer;
