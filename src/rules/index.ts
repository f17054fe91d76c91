/**
 * The rules stage: deterministic obligation checks over the rule table. `runRules` reads the facts of
 * one question, picks the rule the question is about, and evaluates it against the parsed plan: the
 * cited item, its verbatim phrase, its departments and deadline all come from the Plan.
 */

import type { Deadline, IsoDate, Item, Plan, Role } from "../corpus/schema.js";
import { extractFacts, type QuestionFacts } from "./facts.js";
import type { Evaluation, Rule } from "./rule.js";
import { Check } from "./schema.js";
import { RULES } from "./table.js";

export { extractFacts, findAmounts, type QuestionFacts } from "./facts.js";
export { GUIDED_CHECKS, type GuidedCheck } from "./guided.js";
export { RULES, ruleById } from "./table.js";

/** The result of running the rule table on one question. */
export interface RuleResult {
  /** From ./schema.ts; check.clause is the item id; explanation in the question's language. */
  check: Check;
  /** The cited item (becomes the answer's first citation). */
  itemId: string;
  /** The verbatim phrase of the item the rule encodes (a substring of the item text). */
  phrase: string;
  /** One sentence leading the answer, in the question's language. */
  verdict: string;
  /** Departments of the cited item (its own parenthesis, then the standing note's), canonical names. */
  departments: Array<{ name: string; role: Role }>;
  /** The item's deadline this case depends on, as parsed from the plan; null when none. */
  deadline: Deadline | null;
}

/** Whether the question describes a business or thing of its own (a count, a size, a standard), rather than naming a topic. */
export function describesEntity(q: QuestionFacts): boolean {
  if (q.animalCounts.length > 0) return true;
  if (q.things.size === 0 && q.animal === null && q.industries.length === 0) return false;
  const measured = q.amounts.some((a) => a.unit !== null && a.unit !== "piece");
  return measured || q.standard !== null || q.self;
}

/** Departments of an item: its own, then those of a standing note that covers it, without repeats. */
export function itemDepartments(item: Item): Array<{ name: string; role: Role }> {
  const out: Array<{ name: string; role: Role }> = [];
  for (const d of [...item.departments, ...(item.standingNote?.departments ?? [])]) {
    if (!out.some((o) => o.name === d.name)) out.push({ name: d.name, role: d.role });
  }
  return out;
}

/** Rules the question is about, most relevant first (ties keep table order). */
export function rankRules(q: QuestionFacts): Array<{ rule: Rule; score: number }> {
  return RULES.map((rule, order) => ({ rule, score: rule.relevance(q), order }))
    .filter((r) => r.score > 0)
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .map(({ rule, score }) => ({ rule, score }));
}

/** Evaluates one rule on a question against a plan; null when the plan lacks the rule's item or phrase. */
export function evaluateRule(rule: Rule, q: QuestionFacts, plan: Plan): RuleResult | null {
  const item = plan.items.find((i) => i.id === rule.itemId);
  if (!item || !rule.phrases.every((p) => item.text.includes(p))) return null;
  const { facts, evaluation } = rule.run(q);
  return assemble(rule, item, facts, evaluation, q.lang);
}

function assemble(
  rule: Rule,
  item: Item,
  facts: Record<string, unknown>,
  e: Evaluation,
  lang: "zh" | "en",
): RuleResult {
  if (!rule.phrases.includes(e.phrase)) throw new Error(`${rule.id}: phrase not declared: ${e.phrase}`);
  const deadline = e.deadline ? (item.deadlines.find((d) => d.text === e.deadline) ?? null) : null;
  if (e.deadline && !deadline) throw new Error(`${rule.id}: deadline ${e.deadline} not in item ${item.id}`);
  const departments = itemDepartments(item);
  // The explanation is the comparison; departments and deadlines are data the renderers show.
  const explanation = e.explanation[lang];
  const check = Check.parse({
    rule: rule.id,
    clause: item.id,
    outcome: e.outcome,
    facts,
    missing: (e.missing ?? []).map((m) => m[lang]),
    explanation,
  });
  return {
    check,
    itemId: item.id,
    phrase: e.phrase,
    verdict: e.verdict[lang],
    departments,
    deadline,
  };
}

/**
 * Runs the rule table on one question. `question` is already NFKC-normalised and in simplified
 * Chinese where Chinese; English questions come as written. Returns null when no rule is about this
 * question (a topic without an obligation question or an entity of its own goes to retrieval).
 */
export function runRules(input: {
  question: string;
  lang: "zh" | "en";
  plan: Plan;
  today: IsoDate;
}): RuleResult | null {
  const q = extractFacts(input.question, input.lang);
  if (!q.asks && !describesEntity(q)) return null;
  for (const { rule } of rankRules(q)) {
    const result = evaluateRule(rule, q, input.plan);
    if (result) return result;
  }
  return null;
}
