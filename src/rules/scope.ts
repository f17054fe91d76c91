/**
 * One rule read against one question and one of its entities (or the question as a whole): the
 * values of the rule's facts and the results of its comparisons, each computed once on demand.
 */
import type { Scalar } from "./book.js";
import type { BoundCompare, BoundRule, RuleBook } from "./load.js";
import type { Entity, Figure, QuestionFacts } from "./question.js";
import type { Bi } from "./schema.js";
import { compareText, meets, type Threshold } from "./threshold.js";

/**
 * How a figure stands against a threshold: `yes` / `no` (met or not); `none` (no figure given);
 * `measure` (the figure measures something else: a stock against an annual-output threshold, or it
 * does not say which); `current` (a current number that cannot decide a design-capacity threshold);
 * `unset` (the rule has no threshold for this case).
 */
export type CompareState = "yes" | "no" | "none" | "measure" | "current" | "unset";

/** A comparison's result. */
export interface CompareResult {
  state: CompareState;
  threshold: Threshold | null;
  figure: Pick<Figure, "value" | "text" | "unit" | "basis" | "period"> | null;
  /** The comparison in words when there was one to make. */
  text: Bi | null;
}

const rankOf = <T>(order: readonly T[], x: T) => {
  const i = order.indexOf(x);
  return i < 0 ? order.length : i;
};

/** A rule read against a question and a subject. */
export class Scope {
  private readonly values = new Map<string, Scalar>();
  private readonly results = new Map<string, CompareResult>();

  constructor(
    readonly q: QuestionFacts,
    readonly entity: Entity | null,
    readonly rule: BoundRule,
    readonly book: RuleBook,
  ) {}

  /** A fact's value, or a comparison's state: what conditions test. */
  value(name: string): Scalar {
    const cmp = this.rule.compares.get(name);
    return cmp ? this.compare(name).state : this.fact(name);
  }

  /** A declared fact's value (null while it is being computed, so a fact defined by itself is null). */
  fact(name: string): Scalar {
    if (!this.values.has(name)) {
      this.values.set(name, null);
      const fact = this.rule.facts.get(name);
      this.values.set(name, fact ? fact.get(this) : null);
    }
    return this.values.get(name) ?? null;
  }

  /** Whether a cue (the book's own words first, then the vocabulary's) is in the question. */
  cue(name: string): RegExpExecArray | null {
    const own = this.book.words.get(name);
    if (own) return own.exec(this.q.text);
    return this.q.cues.has(name) ? (this.book.vocabulary.cues.get(name)?.exec(this.q.text) ?? null) : null;
  }

  /** A comparison's result. */
  compare(name: string): CompareResult {
    const cached = this.results.get(name);
    if (cached) return cached;
    const cmp = this.rule.compares.get(name) as BoundCompare;
    this.results.set(name, { state: "unset", threshold: null, figure: null, text: null }); // no cycles
    const result = this.run(cmp);
    this.results.set(name, result);
    return result;
  }

  private threshold(cmp: BoundCompare): Threshold | null {
    if (cmp.by === null) return cmp.thresholds.get("") ?? null;
    return cmp.thresholds.get(String(this.fact(cmp.by))) ?? null;
  }

  /** The figure a comparison reads: a level, a year, or the best-matching amount. */
  private figure(cmp: BoundCompare, t: Threshold | null): CompareResult["figure"] {
    // A rule about a kind of entity reads no figure of its own when the question names none.
    const onSubject = cmp.spec.from === "subject" && this.rule.spec.subject !== undefined;
    if (cmp.scale === "standard") {
      const s = onSubject ? this.entity?.standard : this.q.standard;
      return s ? { value: s.level, text: s.text, unit: null, basis: null, period: null } : null;
    }
    if (cmp.scale === "year") {
      const y = this.q.year;
      return y === null ? null : { value: y, text: String(y), unit: null, basis: null, period: null };
    }
    const units = cmp.spec.figure;
    const pool = onSubject ? (this.entity?.figures ?? []) : this.q.amounts;
    const candidates = pool.filter((a) => units.includes(a.unit ?? "none"));
    // A whole works' figure given by its parts (两套装置密封点分别是620个和450个): their sum is the works'.
    const parts = cmp.spec.summed && !onSubject ? sumOfParts(candidates, this.q.text) : null;
    if (parts) return parts;
    const score = (a: Figure) => [
      // A sum said beside its parts (800 and 300, 1,100 in total) is the case's figure.
      isTotal(a, this.q.text) ? 0 : 1,
      t?.period ? rankOf([t.period, null], a.period) : 0,
      t?.basis === "design" ? rankOf(["design", null, "current"], a.basis) : 0,
      rankOf(units, a.unit ?? "none"),
    ];
    const better = (a: Figure, b: Figure) => {
      const [sa, sb] = [score(a), score(b)];
      const d = sa.findIndex((x, i) => x !== sb[i]);
      return d >= 0 && (sa[d] as number) < (sb[d] as number);
    };
    return candidates.reduce<Figure | null>((best, a) => (best === null || better(a, best) ? a : best), null);
  }

  private run(cmp: BoundCompare): CompareResult {
    const t = this.threshold(cmp);
    const figure = this.figure(cmp, t);
    if (!t) return { state: "unset", threshold: null, figure, text: null };
    if (!figure) return { state: "none", threshold: t, figure, text: null };
    if (t.period && figure.period !== t.period) return { state: "measure", threshold: t, figure, text: null };
    const holds = meets(figure.value, t.value, t.comparator);
    const unit = { zh: cmp.spec.unit?.zh ?? t.unitWords.zh, en: cmp.spec.unit?.en ?? t.unitWords.en };
    const text = compareText(figure.value, t, cmp.spec.yes, cmp.spec.no, unit);
    // Design capacity is at least the current number: a current figure decides only one way.
    if (t.basis === "design" && figure.basis === "current") {
      const upward = t.comparator === "gte" || t.comparator === "gt";
      const state = holds && upward ? "yes" : !holds && !upward ? "no" : "current";
      return { state, threshold: t, figure, text };
    }
    return { state: holds ? "yes" : "no", threshold: t, figure, text };
  }
}

/**
 * Words that give a whole by its parts (分别是…和…, 另一套…, "… respectively"): the figures of the one sentence they
 * are in are parts of the asker's works, not cases of their own.
 */
const PARTS =
  /分别|各自|另(?:外)?一(?:套|台|条|个|座|处|家)|\brespectively\b|\bthe other (?:one|unit|line|plant|site)\b/i;

/**
 * The sum of the figures one sentence gives as parts of the works (see {@link PARTS}), in one unit; null when it
 * gives no parts, fewer than two figures, or a total of its own (合计1100个).
 */
function sumOfParts(candidates: readonly Figure[], text: string): Figure | null {
  for (const sentence of text.matchAll(/[^。？?！!；;\n]+/g)) {
    if (!PARTS.test(sentence[0])) continue;
    const start = sentence.index;
    const end = start + sentence[0].length;
    const inIt = candidates.filter((a) => a.index >= start && a.index < end);
    // (A bare number before one with the unit — 620 and 450 sealing points — is in that unit.)
    const said = inIt.find((a) => a.unit !== null) ?? inIt[0];
    if (!said || inIt.length < 2) continue;
    if (inIt.some((a) => (a.unit !== null && a.unit !== said.unit) || isTotal(a, text))) continue;
    return {
      ...said,
      value: inIt.reduce((sum, a) => sum + a.value, 0),
      text: inIt.map((a) => a.text).join(" + "),
    };
  }
  return null;
}

/** Words before a figure (合计, 一共) or after it ("in total") that say it is the sum of those before. */
const TOTAL_BEFORE =
  /(?:合计|总共|共计|一共|总计|总数|加起来|加在一起|共有|in total|a total of|altogether|combined|overall)\s*(?:有|是|为|达)?\s*$/i;
const TOTAL_AFTER = /^\s*(?:in total|total|altogether|combined|overall|in all)\b/i;

/** Whether a figure is said as a total of the question's figures. */
function isTotal(a: Figure, text: string): boolean {
  return (
    TOTAL_BEFORE.test(text.slice(Math.max(0, a.index - 12), a.index)) ||
    TOTAL_AFTER.test(text.slice(a.index + a.text.length, a.index + a.text.length + 16))
  );
}
