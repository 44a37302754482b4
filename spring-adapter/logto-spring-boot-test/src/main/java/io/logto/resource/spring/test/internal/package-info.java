/** Implementation of the Spring test support; not a public API. */
package io.logto.resource.spring.test.internal;
