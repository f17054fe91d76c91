// Shared by the HTTP, MCP and web tests: one engine on a fixed clock, and an answer log in memory.
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
