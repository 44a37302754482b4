/**
 * Implementation details of the core, bound to Nimbus JOSE+JWT and Caffeine. Not API: anything here may
 * change in any release. Adapters must not use these types.
 */
package io.logto.resource.core.internal;
