/**
 * Startup shared by the samples: settings from the environment per the sample contract, and a local
 * issuer with ready-to-paste curl commands when no Logto tenant is configured.
 */
package io.logto.resource.samples;
