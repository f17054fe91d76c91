/**
 * The gold set (eval/*.jsonl) and how a Response is scored against it. Shared by `npm run eval`,
 * the benchmark and the tests.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import type { Response } from "../answer/schema.js";
import { IsoDate, Role } from "../corpus/schema.js";
import { Outcome } from "../rules/schema.js";

/** One gold question with what a right answer must show. */
export const GoldCase = z.object({
  id: z.string(),
  category: z.string(),
  q: z.string(),
  /** The question is `q` repeated this many times (for very long inputs). */
  repeat: z.number().int().positive().optional(),
  expect: z.object({
    status: z.enum(["answered", "not_covered", "invalid_input"]),
    first: z.string().optional(),
    top3: z.array(z.string()).optional(),
    department: z.string().optional(),
    departments: z.array(z.string()).optional(),
    items: z.array(z.object({ id: z.string(), role: Role })).optional(),
    deadlines: z.array(z.object({ id: z.string(), date: IsoDate })).optional(),
    year: z.number().int().optional(),
    dates: z.array(IsoDate).optional(),
    check: z.object({ outcome: Outcome, rule: z.string().optional() }).optional(),
  }),
});
export type GoldCase = z.infer<typeof GoldCase>;

/** Reads every `*.jsonl` in the folder; throws naming the file and line of a malformed case. */
export function loadGold(dir: string): GoldCase[] {
  const cases: GoldCase[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith(".jsonl"))
    .sort()) {
    readFileSync(join(dir, file), "utf8")
      .split("\n")
      .forEach((line, i) => {
        if (line.trim() === "") return;
        const parsed = GoldCase.safeParse(JSON.parse(line));
        if (!parsed.success) throw new Error(`${file}:${i + 1}: ${parsed.error.message}`);
        cases.push(parsed.data);
      });
  }
  return cases;
}

/** The question text of a case, expanded when it repeats. */
export function questionOf(c: GoldCase): string {
  return c.repeat ? c.q.repeat(c.repeat) : c.q;
}

/** The metrics a case can be scored on. */
export const METRICS = ["status", "first", "top3", "roles", "dates", "not_covered", "check"] as const;
export type Metric = (typeof METRICS)[number];

/** Per metric: true (right), false (wrong); absent when the case does not test it. */
export type CaseScore = Partial<Record<Metric, boolean>>;

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join("|") === [...b].sort().join("|");

/** Scores one Response against its case. */
export function scoreCase(c: GoldCase, r: Response): CaseScore {
  const e = c.expect;
  const s: CaseScore = { status: r.status === e.status };
  const ids = r.citations.map((x) => x.id);
  if (e.status !== "answered") s.not_covered = r.status === e.status && r.citations.length === 0;
  if (e.first) {
    s.first = ids[0] === e.first;
    s.top3 = ids.slice(0, 3).some((id) => id === e.first || e.top3?.includes(id));
  }
  if (e.items) {
    const names = e.departments ?? (e.department ? [e.department] : []);
    const got = r.citations.map((x) => {
      const role = x.departments.find((d) => names.includes(d.name))?.role ?? "responsible";
      return `${x.id}:${role}`;
    });
    s.roles = sameSet(
      got,
      e.items.map((i) => `${i.id}:${i.role}`),
    );
  }
  if (e.deadlines) {
    const wanted = new Set(e.deadlines.map((d) => d.date));
    const inScope = (date: string) => (e.year ? date.startsWith(String(e.year)) : wanted.has(date));
    const got = r.citations.flatMap((x) =>
      x.deadlines.filter((d) => inScope(d.date)).map((d) => `${x.id}:${d.date}`),
    );
    s.dates = sameSet(
      [...new Set(got)],
      e.deadlines.map((d) => `${d.id}:${d.date}`),
    );
  }
  if (e.dates) {
    const first = r.citations[0];
    const got = new Set(first?.deadlines.map((d) => d.date) ?? []);
    s.dates = (s.dates ?? true) && e.dates.every((d) => got.has(d));
  }
  if (e.check)
    s.check = r.check?.outcome === e.check.outcome && (!e.check.rule || r.check?.rule === e.check.rule);
  return s;
}

/** Right/total per metric over a set of scores. */
export function tally(scores: readonly CaseScore[]): Record<Metric, { right: number; total: number }> {
  const out = Object.fromEntries(METRICS.map((m) => [m, { right: 0, total: 0 }])) as Record<
    Metric,
    { right: number; total: number }
  >;
  for (const s of scores) {
    for (const m of METRICS) {
      const v = s[m];
      if (v === undefined) continue;
      out[m].total++;
      if (v) out[m].right++;
    }
  }
  return out;
}
