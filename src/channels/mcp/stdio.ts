/**
 * MCP over stdio (`npm run mcp`): the same tools for a client that starts the server itself (Claude
 * Desktop, Cherry Studio). Standard output carries only the protocol; anything else goes to stderr.
 */
import type { Readable, Writable } from "node:stream";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { createMcpServer, type McpDeps } from "./server.js";

/** Serves the tools on the given streams (the process's by default) until the input ends. */
export async function runMcpStdio(
  deps: McpDeps,
  input: Readable = process.stdin,
  output: Writable = process.stdout,
): Promise<void> {
  const server = createMcpServer(deps);
  const closed = new Promise<void>((resolve) => {
    server.server.onclose = () => resolve();
  });
  input.once("end", () => void server.close());
  await server.connect(new StdioServerTransport(input, output));
  await closed;
}
