/**
 * The {@code logto-token} command line tool: explains why a Logto access token is accepted or refused.
 */
package io.logto.resource.cli;
