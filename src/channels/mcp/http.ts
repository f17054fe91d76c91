/**
 * MCP over Streamable HTTP on the app's /mcp route, stateless: each POST gets a fresh server and
 * transport (JSON responses, no SSE stream to hold open), so any number of platform workers can call
 * it and nothing is kept between requests. Conversations continue through the `session` argument of
 * answer_question, kept in the same store as the web page's and the API's.
 */
import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
import type { Context } from "hono";
import { createMcpServer, type McpDeps } from "./server.js";

/** A JSON-RPC error response without a request id (the transport's own shape). */
function rpcError(status: number, message: string): Response {
  return new Response(JSON.stringify({ jsonrpc: "2.0", error: { code: -32000, message }, id: null }), {
    status,
    headers: { "Content-Type": "application/json", Allow: "POST" },
  });
}

/**
 * The Hono handler for /mcp. POST carries JSON-RPC; GET (a server-to-client stream) and DELETE (ending
 * a session) have no meaning without sessions and get 405, as the specification allows.
 */
export function mcpHandler(deps: (c: Context) => McpDeps) {
  return async (c: Context): Promise<Response> => {
    if (c.req.method !== "POST")
      return rpcError(405, "Method not allowed: this MCP server is stateless (POST only)");
    const server = createMcpServer(deps(c));
    const transport = new WebStandardStreamableHTTPServerTransport({
      sessionIdGenerator: undefined,
      enableJsonResponse: true,
    });
    try {
      await server.connect(transport);
      // With JSON responses the reply is complete when this resolves, so closing afterwards is safe.
      return await transport.handleRequest(c.req.raw);
    } finally {
      await server.close();
    }
  };
}
