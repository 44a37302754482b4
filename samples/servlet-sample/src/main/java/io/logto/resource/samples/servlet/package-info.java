/**
 * The servlet sample: the sample contract on embedded Jetty 12, protected by the Logto servlet filter.
 */
package io.logto.resource.samples.servlet;
