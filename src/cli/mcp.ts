/**
 * `npm run mcp`: the MCP server over stdio, for clients that start it themselves (Claude Desktop,
 * Cherry Studio). Stdout carries only the protocol; warnings go to stderr.
 */
import { config } from "dotenv";
import { Asker } from "../channels/http/index.js";
import { openAnswerLog } from "../channels/log/index.js";
import { runMcpStdio } from "../channels/mcp/index.js";
import { Conversations, MemoryStore } from "../channels/state/index.js";
import { createEngine, engineOptionsFromEnv } from "../engine/index.js";

// Deployment settings (DEFAULT_DOCUMENTS, CORPUS_DIRS, …) from .env as for `npm start`.
config({ quiet: true });

async function main(): Promise<void> {
  const engine = await createEngine(engineOptionsFromEnv());
  const store = new MemoryStore();
  // Answers are logged as channel "mcp" (ANSWER_LOG=off switches it off); warnings go to stderr.
  const log = openAnswerLog({ onWarning: (m) => process.stderr.write(`mcp: answer log: ${m}\n`) });
  const asker = new Asker(engine, new Conversations(store, "mcp"), log, (error) =>
    process.stderr.write(`mcp: answer log: ${String(error)}\n`),
  );
  await runMcpStdio({ engine, asker, client: { id: "stdio", scope: "" } });
  log.close();
  await store.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`mcp: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
