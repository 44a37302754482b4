/**
 * The sample conformance suite: {@link io.logto.resource.conformance.SampleConformanceSuite}, which a
 * sample's integration test extends to play the sample contract, hostile tokens and headers, and key-server
 * faults over HTTP against the sample's runnable jar. Everything else in this package is its implementation.
 */
package io.logto.resource.conformance;
