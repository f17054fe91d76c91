/**
 * How a Response is scored against its case, metric by metric, and the tallies: per metric, and the
 * not-covered decision as false refusals and false answers (precision and recall of "not covered").
 */
import type { Response } from "../answer/index.js";
import type { EvalCase } from "./cases.js";

/** The metrics a case can be scored on. */
export const METRICS = [
  "status",
  "kind",
  "first",
  "top3",
  "roles",
  "dates",
  "not_covered",
  "check",
  "who",
  "meta",
] as const;
export type Metric = (typeof METRICS)[number];

/** Per metric: true (right), false (wrong); absent when the case does not test it. */
export type CaseScore = Partial<Record<Metric, boolean>>;

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join("|") === [...b].sort().join("|");

/** Scores one Response against its case; `defaultDoc` is the set's document for lines that name none. */
export function scoreCase(c: EvalCase, r: Response, defaultDoc?: string): CaseScore {
  const e = c.expect;
  const doc = e.doc ?? defaultDoc;
  const s: CaseScore = { status: r.status === e.status };
  if (e.kind) s.kind = r.kind === e.kind;
  if (e.status !== "answered") s.not_covered = r.status === e.status && r.citations.length === 0;
  const first = r.citations[0];
  if (e.first) {
    s.first = first?.id === e.first && (!doc || first.doc === doc);
    s.top3 = r.citations
      .slice(0, 3)
      .some((x) => (x.id === e.first && (!doc || x.doc === doc)) || e.top3?.includes(x.id));
  }
  // The document an answer about documents gives for the case's document.
  const info =
    r.payload.kind === "document" ? (r.payload.documents.find((d) => !doc || d.doc === doc) ?? null) : null;
  const ofDoc = (wanted?: string) => r.citations.filter((x) => !(wanted ?? doc) || x.doc === (wanted ?? doc));
  if (e.items) {
    const names = e.departments ?? (e.department ? [e.department] : []);
    // A department as named, or as the plan writes it (its short name: 生态环境).
    const asked = (d: { name: string; written?: string }) =>
      names.includes(d.name) || names.includes(d.written ?? d.name);
    const docs = new Set(e.items.map((i) => i.doc ?? doc));
    const got = r.citations
      .filter((x) => docs.has(x.doc) || docs.has(undefined))
      .map((x) => {
        const role =
          x.departments.find(asked)?.role ?? x.standingNote?.departments.find(asked)?.role ?? "responsible";
        return `${x.id}:${role}`;
      });
    s.roles = sameSet(
      got,
      e.items.map((i) => `${i.id}:${i.role}`),
    );
  }
  if (e.deadlines) {
    const docs = new Set(e.deadlines.map((d) => d.doc ?? doc));
    const wanted = new Set(e.deadlines.map((d) => d.date));
    const inScope = (date: string) => (e.year ? date.startsWith(String(e.year)) : wanted.has(date));
    const got = r.citations
      .filter((x) => docs.has(x.doc) || docs.has(undefined))
      .flatMap((x) => x.deadlines.filter((d) => inScope(d.date)).map((d) => `${x.id}:${d.date}`));
    s.dates = sameSet(
      [...new Set(got)],
      e.deadlines.map((d) => `${d.id}:${d.date}`),
    );
  }
  if (e.dates) {
    // The days an answer states for the item: its deadlines, and the first and last days of the periods it
    // sets (从哪天到哪天 asks those).
    const days = (c: (typeof r.citations)[number] | undefined) =>
      c
        ? [...c.deadlines.map((d) => d.date), ...(c.periods ?? []).flatMap((p) => [p.start, p.end])]
        : undefined;
    // An answer about a document states its days: signed, published, in force.
    const stated = info
      ? [info.signed, info.published, info.effective].filter((d): d is string => d !== null)
      : [];
    const got = new Set([...(days(ofDoc()[0]) ?? days(first) ?? []), ...stated]);
    s.dates = (s.dates ?? true) && e.dates.every((d) => got.has(d));
  }
  if (e.check)
    s.check =
      r.check !== null &&
      outcomeOf(r) === e.check.outcome &&
      (!e.check.rule || r.check?.rule === e.check.rule);
  if (e.mentions_departments) s.who = e.mentions_departments.every((d) => r.answer.includes(d));
  if (e.meta) {
    s.meta =
      info !== null &&
      Object.entries(e.meta).every(([k, v]) => {
        const squeeze = (x: unknown) => String(x).replace(/\s+/g, "");
        // A fact the metadata has no field for must at least be stated in the answer.
        const got = squeeze((info as Record<string, unknown>)[k] ?? r.answer);
        return (Array.isArray(v) ? v : [v]).every((x) => got.includes(squeeze(x)));
      });
  }
  return s;
}

/** The overall outcome of a check answer (several verdicts) or its one check. */
function outcomeOf(r: Response): string | undefined {
  return r.payload.kind === "check" ? r.payload.outcome : r.check?.outcome;
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

/** The not-covered decision over a set: precision and recall of saying "not covered". */
export interface RefusalFigures {
  /** Cases expected not_covered. */
  offTopic: number;
  /** Cases expected answered. */
  answerable: number;
  /** Answerable questions refused. */
  falseRefusals: number;
  /** Off-topic questions answered. */
  falseAnswers: number;
  precision: number;
  recall: number;
}

/** Precision and recall of the not-covered decision (invalid input counts as refused). */
export function refusals(pairs: ReadonlyArray<{ c: EvalCase; r: Response }>): RefusalFigures {
  const refused = (r: Response) => r.status !== "answered";
  const offTopic = pairs.filter((p) => p.c.expect.status === "not_covered");
  const answerable = pairs.filter((p) => p.c.expect.status === "answered");
  const truePos = offTopic.filter((p) => refused(p.r)).length;
  const falseRefusals = answerable.filter((p) => refused(p.r)).length;
  const falseAnswers = offTopic.length - truePos;
  const predicted = truePos + falseRefusals;
  return {
    offTopic: offTopic.length,
    answerable: answerable.length,
    falseRefusals,
    falseAnswers,
    precision: predicted === 0 ? 1 : truePos / predicted,
    recall: offTopic.length === 0 ? 1 : truePos / offTopic.length,
  };
}
