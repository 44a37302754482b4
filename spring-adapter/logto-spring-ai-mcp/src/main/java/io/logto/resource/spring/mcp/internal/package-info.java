/**
 * Implementation of the MCP protection: the tools' requirements, the request filter, the metadata filter, the
 * session bindings and the response rewriting of {@code tools/list}. Not API: use
 * {@link io.logto.resource.spring.mcp.LogtoMcpConfigurer} and the {@code logto.mcp.*} properties.
 */
package io.logto.resource.spring.mcp.internal;
