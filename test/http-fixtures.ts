// Shared by the HTTP, MCP and web tests: one engine on a fixed clock, an answer log in memory, and the
// built entries (dist/) they start as a user would.
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, rmdirSync, statSync } from "node:fs";
import { join } from "node:path";
import type { AnswerLog, AnswerRecord, Vote } from "../src/channels/log/index.js";
import { createEngine, type Engine } from "../src/engine/index.js";

/** 2025-06-01: the 2024 deadlines have passed, the 2025 ones are open — both badges show. */
export const TODAY = new Date("2025-06-01T08:00:00+08:00");

let engine: Promise<Engine> | undefined;

/** The engine over the project's corpus, on the fixed clock (created once per test file). */
export function testEngine(): Promise<Engine> {
  engine ??= createEngine({ now: () => TODAY });
  return engine;
}

/** An AnswerLog keeping everything in arrays. */
export class MemoryLog implements AnswerLog {
  readonly records: AnswerRecord[] = [];
  readonly votes: Array<{ answerId: string; vote: Vote; user: string | null }> = [];
  failing = false;

  record(entry: AnswerRecord): string | null {
    if (this.failing) throw new Error("disk full");
    this.records.push(entry);
    return `a${this.records.length}`;
  }

  feedback(answerId: string, vote: Vote, user: string | null): boolean {
    if (!/^a\d+$/.test(answerId) || Number(answerId.slice(1)) > this.records.length) return false;
    this.votes.push({ answerId, vote, user });
    return true;
  }

  close(): void {}
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

const fresh = () => {
  try {
    const built = statSync("dist/.built").mtimeMs;
    return built > newestMtime("src") && built > statSync("scripts/build.mjs").mtimeMs;
  } catch {
    return false;
  }
};

/**
 * Builds dist/ (the CLI entries and the web page) unless it is newer than every source file. Test files
 * run in parallel workers: a lock folder lets one build while the others wait, so none starts a
 * half-written entry.
 */
export function ensureBuilt(): void {
  if (fresh()) return;
  const lock = ".cache/build.lock";
  mkdirSync(".cache", { recursive: true });
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() > deadline)
        throw new Error(`${lock} is held for two minutes: remove it if no build runs`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
  try {
    if (fresh()) return;
    const build = spawnSync(process.execPath, ["scripts/build.mjs"], { encoding: "utf8" });
    if (build.status !== 0) throw new Error(`build failed: ${build.stderr}`);
  } finally {
    rmdirSync(lock);
  }
}
