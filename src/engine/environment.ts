/**
 * The engine's deployment settings from the environment, shared by every entry point (`npm start`,
 * `npm run ask`, `npm run chat`, `npm run mcp`) so they answer alike.
 */
import type { EngineOptions } from "./index.js";

const list = (value: string | undefined): string[] =>
  (value ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");

/**
 * `CORPUS_DIRS` — further folders of documents loaded beside corpus/ (comma-separated), e.g. a
 * county's own plans kept outside the repository; `DEFAULT_DOCUMENTS` — the deployment's own
 * documents (ids, comma-separated): questions naming no document are answered from them first.
 */
export function engineOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): EngineOptions {
  const extraCorpusDirs = list(env.CORPUS_DIRS);
  const home = list(env.DEFAULT_DOCUMENTS);
  return {
    ...(extraCorpusDirs.length > 0 ? { extraCorpusDirs } : {}),
    ...(home.length > 0 ? { home } : {}),
  };
}
