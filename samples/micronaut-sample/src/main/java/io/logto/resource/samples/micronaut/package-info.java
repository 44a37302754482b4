/**
 * The sample API on Micronaut 4: {@link io.logto.resource.samples.micronaut.MicronautSample} starts it, the
 * controllers declare the sample contract with the Logto adapter's requirement annotations.
 */
package io.logto.resource.samples.micronaut;
