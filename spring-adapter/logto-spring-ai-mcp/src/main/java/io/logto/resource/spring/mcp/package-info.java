/**
 * Logto access tokens for Spring AI MCP servers (WebMVC, streamable HTTP): per-tool scopes with the starter's
 * {@code @RequireScopes} and {@code @RequireOrganizationApiScopes} on {@code @McpTool}/{@code @Tool} methods,
 * decided before dispatch; 401 answers with {@code resource_metadata} and a {@code scope} hint; RFC 9728
 * metadata at the root and path-form locations; MCP sessions bound to the caller that opened them. Add the
 * module and {@link io.logto.resource.spring.mcp.LogtoMcpAutoConfiguration} does the rest; with a security
 * filter chain of your own, add {@link io.logto.resource.spring.mcp.LogtoMcpConfigurer}.
 */
package io.logto.resource.spring.mcp;
