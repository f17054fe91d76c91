/**
 * The shared vocabulary of the rule table (./table.ts and the section files under ./table/): the
 * bilingual text type, what a rule is and concludes, `defineRule`, and the threshold helpers that
 * word a comparison the same way in every rule.
 *
 * Semantics of thresholds (by analogy with 民法典 第1259条 and 刑法 第99条): 以上/以下/以内 include the
 * figure, 不满/超过/以外 exclude it, 大于等于/不低于/不小于 as written.
 */
import type { z } from "zod";
import type { Comparator } from "../corpus/schema.js";
import type { Amount, QuestionFacts, Unit } from "./facts.js";
import type { Outcome } from "./schema.js";

/** A text in both languages. */
export interface Bi {
  zh: string;
  en: string;
}
/** A `Bi` from its two texts. */
export const bi = (zh: string, en: string): Bi => ({ zh, en });

/** What a rule concludes for one question's facts. */
export interface Evaluation {
  outcome: Outcome;
  /** One of the rule's `phrases`: the words of the plan that decide this case. */
  phrase: string;
  /** The deadline phrase of the item that governs this case (one of the rule's `deadlines`). */
  deadline?: string;
  verdict: Bi;
  explanation: Bi;
  missing?: Bi[];
}

/** A rule with its facts type erased: what the runner and the tests see. */
export interface Rule {
  id: string;
  itemId: string;
  title: Bi;
  /** Every phrase the rule may cite, the main one first; each is verbatim in the item's text. */
  phrases: readonly string[];
  /** Deadline phrases (as the parsed item writes them) the rule may cite. */
  deadlines: readonly string[];
  schema: z.ZodType<Record<string, unknown>>;
  /** How strongly the question is about this rule; 0 = not at all. */
  relevance(q: QuestionFacts): number;
  /** Normalised facts (validated by `schema`) and the evaluation. */
  run(q: QuestionFacts): { facts: Record<string, unknown>; evaluation: Evaluation };
}

/** What a rule is written as: `extract` turns the question into facts, `schema` checks them, `evaluate` decides. */
interface RuleSpec<S extends z.ZodType<Record<string, unknown>>> {
  id: string;
  itemId: string;
  title: Bi;
  phrases: readonly string[];
  deadlines?: readonly string[];
  schema: S;
  relevance(q: QuestionFacts): number;
  extract(q: QuestionFacts): z.input<S>;
  evaluate(facts: z.output<S>, q: QuestionFacts): Evaluation;
}

/** A rule from its spec: `run` extracts, validates and evaluates the facts. */
export function defineRule<S extends z.ZodType<Record<string, unknown>>>(spec: RuleSpec<S>): Rule {
  return {
    id: spec.id,
    itemId: spec.itemId,
    title: spec.title,
    phrases: spec.phrases,
    deadlines: spec.deadlines ?? [],
    schema: spec.schema,
    relevance: spec.relevance,
    run(q) {
      const facts = spec.schema.parse(spec.extract(q));
      return { facts, evaluation: spec.evaluate(facts, q) };
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Thresholds

/** Whether `value` meets a threshold under the comparator. */
export function meets(value: number, threshold: number, comparator: Comparator): boolean {
  switch (comparator) {
    case "gte":
      return value >= threshold;
    case "gt":
      return value > threshold;
    case "lte":
      return value <= threshold;
    case "lt":
      return value < threshold;
    case "eq":
      return value === threshold;
  }
}

/** Whether the comparator's word includes the figure itself (以上 does, 超过 does not). */
const INCLUSIVE: Readonly<Record<Comparator, boolean>> = {
  gte: true,
  lte: true,
  eq: true,
  gt: false,
  lt: false,
};

/** 200000 → 20万; 35 → 35; 0.3 → 0.3. */
export function fmtZh(n: number): string {
  if (n >= 1e4 && Math.round(n) % 100 === 0) return `${Number((n / 1e4).toFixed(4))}万`;
  return String(Number(n.toFixed(4)));
}
/** 200000 → 200,000. */
export function fmtEn(n: number): string {
  return n.toLocaleString("en-US", { maximumFractionDigits: 4 });
}

/** A unit in both languages. */
type UnitWords = Bi;

/**
 * The comparison in words. On the threshold it is called out:
 * "20万羽 = 20万羽：“以上”含本数，属于试点对象" / "200,000 = 200,000: 以上 includes the figure itself, so …".
 */
export function compareText(
  value: number,
  threshold: number,
  comparator: Comparator,
  word: string,
  unit: UnitWords,
  inside: Bi,
  outside: Bi,
): { holds: boolean; text: Bi } {
  const holds = meets(value, threshold, comparator);
  const vz = `${fmtZh(value)}${unit.zh}`;
  const tz = `${fmtZh(threshold)}${unit.zh}`;
  const ve = `${fmtEn(value)}${unit.en ? ` ${unit.en}` : ""}`;
  const te = `${fmtEn(threshold)}${unit.en ? ` ${unit.en}` : ""}`;
  const wordEn = `${word} (${comparatorGloss(comparator)})`;
  if (value === threshold) {
    const inc = INCLUSIVE[comparator];
    return {
      holds,
      text: {
        zh: `${vz} = ${tz}：“${word}”${inc ? "含本数" : "不含本数"}，${holds ? inside.zh : outside.zh}`,
        en: `${ve} = ${te}: ${word} ${inc ? "includes the figure itself" : "excludes the figure itself"}, ${holds ? inside.en : outside.en}`,
      },
    };
  }
  const op = value > threshold ? ">" : "<";
  return {
    holds,
    text: {
      zh: `${vz} ${op} ${tz}（“${LEADING_WORDS.has(word) ? `${word}${fmtZh(threshold)}${unit.zh}` : `${fmtZh(threshold)}${unit.zh}${word}`}”），${holds ? inside.zh : outside.zh}`,
      en: `${ve} ${op} ${te} (threshold: ${wordEn} ${te}), ${holds ? inside.en : outside.en}`,
    },
  };
}

/** Comparator words written before the figure (不小于80%), not after it (20万羽以上). */
const LEADING_WORDS = new Set([
  "大于等于",
  "不小于",
  "不低于",
  "不少于",
  "超过",
  "不满",
  "低于",
  "大于",
  "小于",
]);

/** The comparator in English words, for the threshold gloss. */
function comparatorGloss(c: Comparator): string {
  return { gte: "or more", gt: "more than", lte: "or less", lt: "less than", eq: "exactly" }[c];
}

/** The first amount with one of the units, preferring one whose clause mentions `near`. */
export function amountOf(q: QuestionFacts, units: readonly Unit[], near?: RegExp): Amount | undefined {
  const candidates = q.amounts.filter((a) => a.unit !== null && units.includes(a.unit));
  return (near && candidates.find((a) => near.test(a.clause))) ?? candidates[0];
}

/** Whether the question mentions any of the things. */
export const has = (q: QuestionFacts, ...things: Parameters<QuestionFacts["things"]["has"]>[0][]) =>
  things.some((t) => q.things.has(t));

/** A verdict or explanation text in both languages (the same as `bi`). */
export const T = (zh: string, en: string) => bi(zh, en);
