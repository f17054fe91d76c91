/**
 * Parsed plans kept on disk beside the search index's cache: a process that starts again reads a
 * plan instead of parsing its text. The key covers everything the parse depends on (the text, its
 * profile file, the genre's data and the parsing code), so a stale plan is never read; a cache that
 * cannot be read or written is ignored.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { sourceFingerprint } from "./fingerprint.js";
import type { Plan } from "./schema.js";

/** Bumped when what a cached plan file holds changes shape. */
const FORMAT = 1;

/** The file a document's plan is kept in, for its text, profile and the genre data's key. */
export function planCacheFile(cacheDir: string, doc: string, parts: readonly string[]): string {
  const key = createHash("sha256")
    .update(`${FORMAT}\0${sourceFingerprint(["corpus"])}\0${parts.join("\0")}`)
    .digest("hex")
    .slice(0, 24);
  return join(cacheDir, "plans", `${doc}-${key}.json`);
}

/** The plan kept in `file`, or null when there is none (or it cannot be read). */
export function readCachedPlan(file: string): Plan | null {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as Plan;
  } catch {
    return null;
  }
}

/**
 * Keeps a plan in `file` (written whole, then renamed) and removes the document's plans of other keys
 * (an older text or older code); a failure leaves no file and is not an error.
 */
export function writeCachedPlan(file: string, plan: Plan): void {
  try {
    const dir = dirname(file);
    mkdirSync(dir, { recursive: true });
    const part = `${file}.${process.pid}.tmp`;
    writeFileSync(part, JSON.stringify(plan));
    renameSync(part, file);
    const own = new RegExp(`^${plan.doc.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}-[0-9a-f]{24}\\.json$`);
    for (const name of readdirSync(dir))
      if (name !== basename(file) && own.test(name)) rmSync(join(dir, name), { force: true });
  } catch {
    // A read-only or full disk costs the next start its parse, nothing more.
  }
}
