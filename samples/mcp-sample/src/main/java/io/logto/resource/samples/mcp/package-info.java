/**
 * The MCP sample: a Spring AI MCP server (streamable HTTP at {@code /mcp}) whose tools need Logto scopes,
 * protected by {@code logto-spring-ai-mcp}, with the environment read by {@code sample-support}.
 */
package io.logto.resource.samples.mcp;
