/**
 * Protects any Jakarta Servlet application with Logto access tokens: {@link io.logto.resource.servlet.LogtoFilter}
 * checks each request against {@link io.logto.resource.servlet.LogtoRoutes} and answers refusals with the
 * challenges computed by {@code io.logto.resource.core}.
 */
package io.logto.resource.servlet;
