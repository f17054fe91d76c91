/** The MCP server over the engine: its tools, and the two transports (Streamable HTTP at /mcp, stdio). */
export { mcpHandler } from "./http.js";
export { createMcpServer, MCP_SERVER_INFO, type McpDeps, TOOL_NAMES } from "./server.js";
export { runMcpStdio } from "./stdio.js";
