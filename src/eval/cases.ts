/**
 * Evaluation sets: JSON lines of questions with what a right answer must show. A set is a folder of
 * `*.jsonl` files and an optional `set.json` with its defaults (the document its questions are about
 * when a line does not say, and further corpus folders to load beside corpus/).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { Kind } from "../answer/index.js";
import { IsoDate, Role } from "../corpus/index.js";
import { Outcome } from "../rules/index.js";

/** One question with what a right answer must show. */
export const EvalCase = z.object({
  id: z.string(),
  category: z.string(),
  q: z.string(),
  /**
   * Lines of one file sharing a session are one conversation, asked in file order with the previous
   * context (loaded, the session is qualified by its file).
   */
  session: z.string().optional(),
  /** The question is `q` repeated this many times (for very long inputs). */
  repeat: z.number().int().positive().optional(),
  expect: z.object({
    status: z.enum(["answered", "not_covered", "invalid_input"]),
    kind: Kind.optional(),
    /** The document of the first citation (else the set's default). */
    doc: z.string().optional(),
    first: z.string().optional(),
    top3: z.array(z.string()).optional(),
    department: z.string().optional(),
    departments: z.array(z.string()).optional(),
    items: z.array(z.object({ doc: z.string().optional(), id: z.string(), role: Role })).optional(),
    deadlines: z.array(z.object({ doc: z.string().optional(), id: z.string(), date: IsoDate })).optional(),
    year: z.number().int().optional(),
    dates: z.array(IsoDate).optional(),
    check: z.object({ outcome: Outcome, rule: z.string().optional() }).optional(),
    /** Departments the answer must name (whom to ask). */
    mentions_departments: z.array(z.string()).optional(),
    /** Facts about the document the answer must state (issuer, signed, docNumber …). */
    meta: z.record(z.string(), z.union([z.string(), z.array(z.string())])).optional(),
  }),
});
export type EvalCase = z.infer<typeof EvalCase>;

/** A set's defaults (`set.json`). */
export const SetDefaults = z.object({
  /** The document a line's expectations refer to when it names none. */
  doc: z.string().optional(),
  /** Further corpus folders (relative to the project root) to load beside corpus/. */
  corpus: z.array(z.string()).default([]),
});
export type SetDefaults = z.infer<typeof SetDefaults>;

/** A loaded evaluation set. */
export interface EvalSet {
  dir: string;
  defaults: SetDefaults;
  cases: EvalCase[];
}

/** Reads every `*.jsonl` in the folder (and its `set.json`); throws naming the file and line of a malformed case. */
export function loadEvalSet(dir: string): EvalSet {
  const cases: EvalCase[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith(".jsonl"))
    .sort()) {
    readFileSync(join(dir, file), "utf8")
      .split("\n")
      .forEach((line, i) => {
        if (line.trim() === "") return;
        const parsed = EvalCase.safeParse(JSON.parse(line));
        if (!parsed.success) throw new Error(`${file}:${i + 1}: ${parsed.error.message}`);
        // A session is one file's conversation: two batches may both have an "s09".
        const { session } = parsed.data;
        cases.push(session ? { ...parsed.data, session: `${file}#${session}` } : parsed.data);
      });
  }
  const defaultsFile = join(dir, "set.json");
  const defaults = existsSync(defaultsFile)
    ? SetDefaults.parse(JSON.parse(readFileSync(defaultsFile, "utf8")))
    : SetDefaults.parse({});
  return { dir, defaults, cases };
}

/** The question text of a case, expanded when it repeats. */
export function questionOf(c: EvalCase): string {
  return c.repeat ? c.q.repeat(c.repeat) : c.q;
}
