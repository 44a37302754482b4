/**
 * The sample contract (see the repository's DESIGN.md) on Spring Boot with the Logto starter: one annotated
 * controller, one security filter chain, and the environment read by {@code sample-support}.
 */
package io.logto.resource.samples.spring;
