/**
 * The interpreter: a question's facts against a rule book. Each rule is read against each entity of
 * a kind it is about (or, when the question names none, against the question as a whole); its
 * relevance triggers say how much the question is about it, and the first row of its decision table
 * whose condition holds gives the outcome, the cited phrase, the governing deadline and the texts.
 * Every entity the question describes gets its own verdict.
 */
import type { Deadline, Item, Plan } from "../corpus/index.js";
import type { BoundRule, RuleBook } from "./load.js";
import type { Entity, QuestionFacts } from "./question.js";
import type { Bi, Check, Outcome } from "./schema.js";
import { Scope } from "./scope.js";
import { render } from "./template.js";
import { fmtEn, fmtZh, formatFigure } from "./threshold.js";

/** One rule's verdict on one thing the question describes. */
export interface Verdict {
  /** The check as a Response carries it (explanation and missing in the question's language). */
  check: Check;
  /** The cited item (the answer's first citation). */
  itemId: string;
  /** The verbatim words of the item that decide this case. */
  phrase: string;
  /** One sentence leading the answer, in both languages. */
  verdict: Bi;
  /** The item's deadline this case falls under, from the plan; null when none. */
  deadline: Deadline | null;
  /** How much the question is about this rule and subject (higher first). */
  relevance: number;
}

/** Whether the question describes a business or thing of its own, rather than naming a topic. */
export function describesEntity(q: QuestionFacts): boolean {
  if (q.entities.some((e) => e.figures.length > 0)) return true;
  // A place of one's own counts too (our airport, 6 million passengers a year), and a project of one's
  // own (我们新建的项目，厂址离省界18公里).
  const placed = q.self && (q.places.size > 0 || q.cues.has("project"));
  if (q.things.size === 0 && q.entities.length === 0 && q.industries.length === 0 && !placed) return false;
  const measured = q.amounts.some((a) => a.unit !== null && a.unit !== "piece");
  return measured || q.standard !== null || q.self;
}

/**
 * Whether a question is a check question — it asks about an obligation (要不要, 能不能, must …) or
 * describes a thing of its own (a farm with its herd, a 35 t/h boiler) — rather than a topic to look
 * up. Only check questions get verdicts; the answer pipeline sends the rest to retrieval.
 */
export function asksObligation(q: QuestionFacts): boolean {
  return q.asks || describesEntity(q);
}

/** "applies" when any verdict applies; else "need_more_info" when any needs more; else "does_not_apply". */
export function overallOutcome(verdicts: readonly Pick<Verdict, "check">[]): Outcome {
  const outcomes = new Set(verdicts.map((v) => v.check.outcome));
  return outcomes.has("applies")
    ? "applies"
    : outcomes.has("need_more_info")
      ? "need_more_info"
      : "does_not_apply";
}

/** The entity as the question names it, with the figures given for it. */
function subjectText(e: Entity | null, lang: "zh" | "en"): string | null {
  if (!e) return null;
  const figures = e.figures.map((f) => f.text);
  if (figures.length === 0) return e.mention;
  return lang === "zh" ? `${e.mention}（${figures.join("，")}）` : `${e.mention} (${figures.join(", ")})`;
}

/** A value as text in a language: a label when it has one, a figure formatted. */
function valueText(
  v: unknown,
  labels: Record<string, Bi> | undefined,
  s: Scope,
  lang: "zh" | "en",
): string | null {
  if (v === null || v === undefined || typeof v === "boolean") return null;
  const label = labels?.[String(v)] ?? s.book.vocabulary.labels.get(String(v));
  if (label) return label[lang];
  if (typeof v === "number") return lang === "zh" ? fmtZh(v) : fmtEn(v);
  return String(v);
}

/** Resolves a template placeholder against a scope. */
function resolver(s: Scope, item: Item, phrase: string, lang: "zh" | "en") {
  const measureLabel = (basis: string | null, period: string | null) => {
    const parts = [basis, period].map((k) => (k ? s.book.vocabulary.labels.get(k)?.[lang] : undefined));
    return parts.filter(Boolean).join(lang === "zh" ? "" : " ") || null;
  };
  return (name: string): string | null => {
    const [root, part] = name.split(".") as [string, string | undefined];
    if (root === "item") return item.label;
    if (root === "phrase") return phrase;
    if (root === "phrases") return s.rule.phrases.get(part ?? "") ?? null;
    if (root === "subject") return s.entity?.label[lang] ?? null;
    if (s.rule.compares.has(root)) {
      const r = s.compare(root);
      const t = r.threshold;
      switch (part) {
        case undefined:
          return r.text?.[lang] ?? null;
        case "value":
          return r.figure && t ? formatFigure(r.figure.value, t)[lang] : (r.figure?.text ?? null);
        case "number":
          return r.figure ? (lang === "zh" ? fmtZh(r.figure.value) : fmtEn(r.figure.value)) : null;
        case "threshold":
          return t ? formatFigure(t.value, t)[lang] : null;
        case "ref":
          return t?.ref ?? null;
        case "unit":
          return t ? t.unitWords[lang] : null;
        case "measure":
          return t ? measureLabel(t.basis, t.period) : null;
        case "period":
          return t ? measureLabel(null, t.period) : null;
        default:
          return r.figure ? measureLabel(null, r.figure.period) : null;
      }
    }
    return valueText(s.fact(root), s.rule.facts.get(root)?.spec.labels, s, lang);
  };
}

/** The rule's verdict in a scope, or null when the plan no longer has its item or phrase. */
function verdictOf(s: Scope, plan: Plan, relevance: number): Verdict | null {
  const rule = s.rule;
  const item = plan.items.find((i) => i.id === rule.itemId);
  const row = rule.rows.find((r) => r.when(s));
  const phrase = row?.phrase(s);
  if (!item || !row || !phrase || !item.text.includes(phrase)) return null;
  const lang = s.q.lang;
  const text = (t: Bi, l: "zh" | "en") => render(t[l], resolver(s, item, phrase, l));
  const facts = Object.fromEntries([...rule.facts.keys()].map((k) => [k, s.fact(k)]));
  return {
    check: {
      rule: rule.id,
      clause: item.id,
      outcome: row.spec.outcome,
      facts,
      missing: row.spec.missing.map((m) => text(m, lang)),
      explanation: text(row.spec.explanation, lang),
      subject: subjectText(s.entity, lang),
    },
    itemId: item.id,
    phrase,
    verdict: { zh: text(row.spec.verdict, "zh"), en: text(row.spec.verdict, "en") },
    deadline: row.spec.deadline ? (item.deadlines.find((d) => d.text === row.spec.deadline) ?? null) : null,
    relevance,
  };
}

/** How much a question (with this subject) is about a rule: the first trigger that holds; 0 = not. */
function relevanceOf(rule: BoundRule, s: Scope): number {
  return rule.relevance.find((r) => r.when(s))?.score ?? 0;
}

/** Whether the rule's own relevance says the question is not about it (steel capacity, asked of no new build). */
function excluded(rule: BoundRule, s: Scope): boolean {
  return rule.relevance.find((r) => r.when(s))?.excludes ?? false;
}

/** A rule this relevant to an entity is squarely about it. */
const SQUARELY = 8;

/**
 * Every relevant rule × entity of a check question, most relevant first; `[]` when the question is
 * not a check question ({@link asksObligation}) or no rule is about it. Per entity (and for the
 * question as a whole) the most relevant rule speaks, ties going to the earlier rule in the file;
 * beside the most relevant verdict the others are kept when as relevant, or when their entity is
 * described (has a figure, fuel or standard of its own, or is listed with another) — so laying hens
 * and pigs, each with its figure, get a verdict each, and a boiler mentioned in passing does not. Departments and deadline dates come from `plan` (the book's plan, as loaded now).
 */
export function evaluateQuestion(
  facts: QuestionFacts,
  book: RuleBook,
  plan: Plan,
  /** Items of this plan the previous check judged, when the question changes its facts (救护车呢). */
  previousItems: ReadonlySet<string> = new Set(),
  /** Of those, the one the previous answer led with (the others may be items merely cited beside it). */
  leadingItem: string | null = null,
  /**
   * The question asks the leading item's check again of the same thing (这台锅炉烧天然气呢): its verdict is
   * given even where a rule the change brings in is more relevant to the thing now.
   */
  askedAgain = false,
  /**
   * A follow-up's own words, read alone: at equal relevance the rule of the leading item they are about
   * (the breather valves asked after the sealing points) speaks before the one only the carried case is about.
   */
  ownFacts: QuestionFacts | null = null,
): Verdict[] {
  if (book.doc !== plan.doc) return [];
  if (!asksObligation(facts) && previousItems.size === 0) return [];
  type Pair = { rule: BoundRule; scope: Scope; score: number; key: number; own: number };
  const best = new Map<number, Pair>();
  // Rules squarely about an entity beside its most relevant one (a city's delivery van: the
  // new-energy rule and the old-diesel phase-out) may each give a verdict.
  const also: Pair[] = [];
  // The rule the previous answer led with, on the entity it is most about: its verdict on the changed case.
  let led: Pair | null = null;
  for (const rule of book.rules) {
    const subjects = rule.spec.subject
      ? facts.entities.filter((e) => rule.spec.subject?.includes(e.kind))
      : [];
    for (const entity of subjects.length > 0 ? subjects : [null]) {
      const scope = new Scope(facts, entity, rule, book);
      // A changed fact keeps the conversation on the rule it was about, whatever the new words miss.
      // A rule that says the question is not about it stays out, unless the previous answer led with it.
      const kept = previousItems.has(rule.itemId) && (rule.itemId === leadingItem || !excluded(rule, scope));
      const previous = kept ? 1 : 0;
      const score = Math.max(relevanceOf(rule, scope), previous);
      const key = entity ? facts.entities.indexOf(entity) : -1;
      // (Within the item the conversation was on: a place said of the same case moves no answer to another item.)
      const own =
        score > 0 && ownFacts && (leadingItem === null || rule.itemId === leadingItem)
          ? ownRelevance(rule, entity, ownFacts, book)
          : 0;
      const held = best.get(key);
      if (score > 0 && (!held || score > held.score || (score === held.score && own > held.own)))
        best.set(key, { rule, scope, score, key, own });
      if (entity && score >= SQUARELY) also.push({ rule, scope, score, key, own });
      if (
        askedAgain &&
        rule.itemId === leadingItem &&
        (!led || relevanceOf(rule, scope) > relevanceOf(led.rule, led.scope))
      )
        led = { rule, scope, score, key, own };
    }
  }
  const beside = also.filter((p) => {
    const held = best.get(p.key);
    return (
      held !== undefined && held.rule !== p.rule && p.score >= held.score - 1 && p.scope.entity?.described
    );
  });
  const pairs = [...best.values()].sort(
    (a, b) => b.score - a.score || b.own - a.own || a.key - b.key || a.rule.order - b.rule.order,
  );
  const top = pairs[0]?.score ?? 0;
  const kept = pairs.filter((p) => p.score === top || p.scope.entity?.described);
  const verdicts = kept.map((p) => verdictOf(p.scope, plan, p.score)).filter((v): v is Verdict => v !== null);
  // A rule beside the most relevant one speaks only when it applies: it can say that an obligation
  // holds, not hold the answer back for a fact it alone would need.
  for (const p of beside) {
    const v = verdictOf(p.scope, plan, p.score);
    if (v?.check.outcome === "applies") verdicts.push(v);
  }
  // Asked again of the same thing, the rule the conversation was about answers first, when it can decide.
  const asked = led as Pair | null; // assigned in the loop above, which narrowing does not follow
  const heard = asked ? verdictOf(asked.scope, plan, asked.score) : null;
  if (heard && heard.check.outcome !== "need_more_info")
    return [heard, ...verdicts.filter((v) => v.itemId !== heard.itemId)];
  return verdicts;
}

/** How relevant a rule is to a follow-up's own words alone, on the entity of the same kind they name. */
function ownRelevance(rule: BoundRule, entity: Entity | null, own: QuestionFacts, book: RuleBook): number {
  const same = entity ? (own.entities.find((e) => e.kind === entity.kind) ?? null) : null;
  if (entity && !same) return 0;
  return relevanceOf(rule, new Scope(own, same, rule, book));
}
