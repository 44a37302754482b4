/**
 * JMH benchmarks comparing this SDK's token verification with the JWT libraries a JVM resource server
 * would otherwise use, plus the signature-provider benchmark and the verified-token cache footprint
 * harness. Not a library: nothing here is published. See {@code benchmarks/README.md}.
 */
package io.logto.resource.benchmarks;
