/**
 * The beans behind the Micronaut adapter: configuration, bearer token reading and validation, the
 * requirement security rule, refusal answers, argument binding and the metadata endpoint. Not API: these
 * classes translate between Micronaut and {@code io.logto.resource.core} and may change at any time.
 */
package io.logto.resource.micronaut.internal;
