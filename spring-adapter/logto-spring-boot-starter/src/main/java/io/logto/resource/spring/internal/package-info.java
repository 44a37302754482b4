/**
 * Implementation of the Spring adapter: filters, resolvers and the method-security interceptor that
 * translate between Spring types and {@code validator-core}. Not a public API; its classes may change
 * without notice.
 */
package io.logto.resource.spring.internal;
