/** The Quarkus sample: the sample contract of DESIGN.md on Quarkus REST with the Quarkus Logto extension. */
package io.logto.resource.samples.quarkus;
