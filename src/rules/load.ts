/**
 * Loads the rules files beside the documents (`corpus/<doc>.rules.yaml`) and binds each to its parsed
 * plan. Binding checks everything a rule relies on: its item exists, every phrase and threshold
 * reference is verbatim in the item, every threshold is one of the item's parsed quantities (or, for a
 * standard or a year, reads as one), every deadline is parsed from the item, and every name in a
 * condition or template is known. A file that fails validation, or a rule that fails binding, is
 * skipped with a warning naming the file, the rule and the reason — loudly, never by switching off.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { type Plan, readYamlFile } from "../corpus/index.js";
import {
  type BookTest,
  type CompareSpec,
  type FactSpec,
  type RowSpec,
  type RuleSpec,
  RulesFile,
  type Scalar,
} from "./book.js";
import { compileCondition, type ListKey, type Names, type Pred } from "./conditions.js";
import type { Entity, QuestionFacts } from "./question.js";
import type { Scope } from "./scope.js";
import { placeholders } from "./template.js";
import { resolveThreshold, type Scale, type Threshold } from "./threshold.js";
import { type Vocabulary, vocabulary } from "./vocabulary.js";

/**
 * A list of words (北京|天津|Anyang|Xi'an) with each Latin name on word edges: Nanyang holds no Anyang.
 * A pattern with groups is kept as written.
 */
function onWordEdges(pattern: string): string {
  if (/[()]/.test(pattern)) return pattern;
  return pattern
    .split("|")
    .map((word) => (/^[A-Za-z][A-Za-z' .-]*[A-Za-z]$/.test(word) ? `\\b${word}\\b` : word))
    .join("|");
}

/** A fact with its getter. */
export interface BoundFact {
  spec: FactSpec;
  get: (s: Scope) => Scalar;
  /** The comparison whose figure it is (`from: size.value` → size), else null. */
  figureOf: string | null;
}

/** A comparison with its thresholds resolved from the item (keyed by the `by` fact's value; "" when single). */
export interface BoundCompare {
  spec: CompareSpec;
  scale: Scale;
  by: string | null;
  thresholds: Map<string, Threshold>;
}

/** A decision-table row with its condition compiled; its phrase is a named phrase or a threshold's reference. */
export interface BoundRow {
  spec: RowSpec;
  when: Pred;
  phrase: (s: Scope) => string | null;
}

/** A rule bound to its plan. */
export interface BoundRule {
  id: string;
  itemId: string;
  spec: RuleSpec;
  /** Place in the file: ties of relevance go to the earlier rule. */
  order: number;
  phrases: Map<string, string>;
  facts: Map<string, BoundFact>;
  compares: Map<string, BoundCompare>;
  /** `excludes`: a conditional entry of score 0 — the rule says the question is not about it. */
  relevance: Array<{ score: number; when: Pred; excludes: boolean }>;
  rows: BoundRow[];
}

/** The rules of one document, bound to it. */
export interface RuleBook {
  doc: string;
  file: string;
  rules: BoundRule[];
  /** The file's own test cases over the whole book. */
  tests: BookTest[];
  words: Map<string, RegExp>;
  /** The words (ids) that name places. */
  places: string[];
  vocabulary: Vocabulary;
}

/** A rules file, or a rule of one, that was not loaded, and why. */
export interface RulesWarning {
  file: string;
  reason: string;
}

/** What a fact may read of the entity it is about (nothing when the question names none). */
const ENTITY: Readonly<Record<string, (e: Entity) => Scalar>> = {
  kind: (e) => e.kind,
  thing: (e) => e.thing,
  animal: (e) => e.animal,
  fuel: (e) => e.fuel,
  standard: (e) => e.standard?.level ?? null,
  described: (e) => e.described,
};
/** What a fact may read of the question as a whole. */
const QUESTION: Readonly<Record<string, (q: QuestionFacts) => Scalar>> = {
  newBuild: (q) => q.newBuild,
  grade: (q) => q.grade,
  year: (q) => q.year,
  self: (q) => q.self,
  standard: (q) => q.standard?.level ?? null,
  industry: (q) => q.industries[0] ?? null,
};
/** What a fact may read of the figure a comparison chose. */
const FIGURE = ["value", "unit", "basis", "period"];
/** What a template may say of a comparison: `{size}` is the comparison in words. */
const COMPARE_PARTS = ["value", "threshold", "ref", "measure", "period", "asked", "number", "unit"];

/** The getter of a fact's `from` path. */
function fromPath(path: string, compares: ReadonlyMap<string, unknown>): (s: Scope) => Scalar {
  const [root, field = ""] = path.split(".") as [string, string | undefined];
  const entity = root === "entity" ? ENTITY[field] : undefined;
  if (entity) return (s) => (s.entity ? entity(s.entity) : null);
  const question = root === "question" ? QUESTION[field] : undefined;
  if (question) return (s) => question(s.q);
  if (!compares.has(root) || !FIGURE.includes(field)) throw new Error(`unknown source «${path}»`);
  return (s) => {
    const r = s.compare(root);
    if (field === "unit") return r.threshold?.unitWords.zh || writtenUnit(r.figure?.text ?? "", s.book);
    return r.figure?.[field as "value" | "basis" | "period"] ?? null;
  };
}

/** The plan unit a figure is written in (头, 羽, 只), if any. */
function writtenUnit(text: string, book: RuleBook): string | null {
  return Object.keys(book.vocabulary.planUnits).find((u) => u.length === 1 && text.includes(u)) ?? null;
}

function bindFact(
  name: string,
  spec: FactSpec,
  names: Names,
  compares: ReadonlyMap<string, unknown>,
): BoundFact {
  const where = `fact ${name}`;
  const [root, field] = (spec.from ?? "").split(".");
  const figureOf = root && field === "value" && compares.has(root) ? root : null;
  if (spec.from) {
    const get = fromPath(spec.from, compares);
    return { spec, figureOf, get: (s) => get(s) ?? spec.default };
  }
  if (spec.cases) {
    const cases = spec.cases.map((c, i) => ({
      value: c.value,
      when: compileCondition(c.when, names, `${where}.cases[${i}]`),
    }));
    return { spec, figureOf, get: (s) => cases.find((c) => c.when(s))?.value ?? spec.default };
  }
  if (spec.first) {
    const [list, ids] = Object.entries(spec.first)[0] as [ListKey, string[]];
    for (const id of ids)
      if (!names.ids[list].has(id)) throw new Error(`${where}: unknown ${list} id «${id}»`);
    const has = (s: Scope, id: string) =>
      list === "things" || list === "places"
        ? s.q[list].has(id)
        : s.q[list as "industries" | "fuels"].includes(id);
    return { spec, figureOf, get: (s) => ids.find((id) => has(s, id)) ?? spec.default };
  }
  const cue = spec.match as string;
  if (!names.ids.cues.has(cue)) throw new Error(`${where}: unknown cue «${cue}»`);
  return { spec, figureOf, get: (s) => s.cue(cue)?.[0] ?? spec.default };
}

/** Checks that every placeholder of a template names something the rule has. */
function checkTemplate(text: string, rule: RuleSpec, where: string): void {
  const figure = (name: string) => rule.facts[name]?.from?.split(".")[0] ?? "";
  for (const p of placeholders(text)) {
    const [root, part] = p.split(".") as [string, string | undefined];
    const ok =
      (root in rule.facts && (part === undefined || (part === "number" && figure(root) in rule.compare))) ||
      (root in rule.compare && (part === undefined || COMPARE_PARTS.includes(part))) ||
      (root === "phrases" && part !== undefined && part in rule.phrases) ||
      (["item", "phrase", "subject"].includes(root) && part === undefined);
    if (!ok) throw new Error(`${where}: unknown placeholder {${p}}`);
  }
}

/** Binds one rule to its plan; throws with the reason when it cannot. */
function bindRule(
  spec: RuleSpec,
  order: number,
  plan: Plan,
  base: Omit<Names, "values">,
  v: Vocabulary,
): BoundRule {
  const item = plan.items.find((i) => i.id === spec.item);
  if (!item) throw new Error(`item ${spec.item} is not in the plan`);
  for (const [key, phrase] of Object.entries(spec.phrases))
    if (!item.text.includes(phrase)) throw new Error(`phrase ${key} «${phrase}» is not in item ${item.id}`);
  const kinds = new Set(["animal", ...v.things.map((t) => t.entity).filter((k): k is string => !!k)]);
  for (const k of spec.subject ?? []) if (!kinds.has(k)) throw new Error(`unknown subject kind «${k}»`);

  const compares = new Map<string, BoundCompare>();
  for (const [name, c] of Object.entries(spec.compare)) {
    const scale: Scale = c.figure.includes("standard")
      ? "standard"
      : c.figure.includes("year")
        ? "year"
        : "number";
    const refs = typeof c.threshold === "string" ? { "": c.threshold } : c.threshold.cases;
    const by = typeof c.threshold === "string" ? null : c.threshold.by;
    if (by !== null && !(by in spec.facts)) throw new Error(`comparison ${name}: unknown fact «${by}»`);
    const thresholds = new Map<string, Threshold>();
    for (const [key, ref] of Object.entries(refs)) {
      const t = resolveThreshold(item, ref, scale, v);
      if (scale === "number" && !c.figure.includes(t.unit))
        throw new Error(
          `comparison ${name}: «${ref}» is in ${t.unit}, not among its figure units ${c.figure.join(", ")}`,
        );
      thresholds.set(key, t);
    }
    compares.set(name, { spec: c, scale, by, thresholds });
  }
  const names: Names = { ...base, values: new Set([...Object.keys(spec.facts), ...compares.keys()]) };
  const facts = new Map(
    Object.entries(spec.facts).map(([n, f]) => [n, bindFact(n, f, names, compares)] as const),
  );
  const relevance = spec.relevance.map((r, i) => ({
    score: r.score,
    when: compileCondition(r.when, names, `relevance[${i}]`),
    excludes: r.score === 0 && Object.keys(r.when).length > 0,
  }));
  const deadlines = item.deadlines.map((d) => d.text);
  const rows = spec.table.map((row, i): BoundRow => {
    const where = `table[${i}]`;
    const named = spec.phrases[row.phrase];
    if (named === undefined && !compares.has(row.phrase))
      throw new Error(`${where}: unknown phrase «${row.phrase}»`);
    const phrase = (s: Scope) => named ?? s.compare(row.phrase).threshold?.ref ?? null;
    if (row.deadline && !deadlines.includes(row.deadline))
      throw new Error(`${where}: deadline «${row.deadline}» is not parsed from item ${item.id}`);
    for (const t of [row.verdict, row.explanation, ...row.missing])
      for (const text of [t.zh, t.en]) checkTemplate(text, spec, where);
    return { spec: row, when: compileCondition(row.when, names, where), phrase };
  });
  if (Object.keys(spec.table.at(-1)?.when ?? {}).length > 0)
    throw new Error("the last row of the table must have no condition (it decides every other case)");
  if (spec.guided) {
    for (const step of spec.guided.steps)
      if (!spec.facts[step]?.ask) throw new Error(`guided: step «${step}» is not a fact with ask`);
    checkTemplate(spec.guided.question.zh, spec, "guided.question");
    checkTemplate(spec.guided.question.en, spec, "guided.question");
  }
  const phrases = new Map(Object.entries(spec.phrases));
  return { id: spec.id, itemId: item.id, spec, order, phrases, facts, compares, relevance, rows };
}

const reasonOf = (e: unknown) => (e instanceof Error ? e.message : String(e)).split("\n")[0] ?? "";

/**
 * Reads every `*.rules.yaml` in `corpusDir`, validates it (zod) and binds it to the plan it belongs
 * to (its `doc`, else the file name before `.rules.yaml`). Returns the books by document id and a
 * warning per file or rule that was skipped; never throws for a bad file. A plan without a rules
 * file simply has no book (no checks).
 */
export function loadRuleBooks(
  corpusDir: string,
  plans: readonly Plan[],
  v: Vocabulary = vocabulary(),
): { books: Map<string, RuleBook>; warnings: RulesWarning[] } {
  const books = new Map<string, RuleBook>();
  const warnings: RulesWarning[] = [];
  const files = readdirSync(corpusDir)
    .filter((f) => f.endsWith(".rules.yaml"))
    .sort();
  const base: Omit<Names, "values"> = {
    ids: {
      things: new Set(v.things.map((t) => t.id)),
      places: new Set(v.places.map((p) => p.id)),
      industries: new Set(v.industries.list.map((i) => i.id)),
      fuels: new Set(v.fuels.list.map((f) => f.id)),
      cues: new Set(v.cues.keys()),
      units: new Set([...v.units.map((u) => u.unit), "none"]),
    } satisfies Record<ListKey, Set<string>>,
  };
  for (const file of files) {
    let parsed: RulesFile;
    try {
      const result = RulesFile.safeParse(readYamlFile(join(corpusDir, file)));
      if (!result.success) {
        const issue = result.error.issues[0];
        warnings.push({ file, reason: `invalid: ${issue?.path.join(".")}: ${issue?.message}` });
        continue;
      }
      parsed = result.data;
    } catch (e) {
      warnings.push({ file, reason: `unreadable: ${reasonOf(e)}` });
      continue;
    }
    const doc = parsed.doc ?? file.slice(0, -".rules.yaml".length);
    const plan = plans.find((p) => p.doc === doc);
    if (!plan) {
      warnings.push({ file, reason: `no document «${doc}» in the corpus` });
      continue;
    }
    const words = new Map(
      Object.entries(parsed.words).map(([k, p]) => [k, new RegExp(onWordEdges(p), "i")] as const),
    );
    const ids = { ...base.ids, cues: new Set([...base.ids.cues, ...words.keys()]) };
    const rules: BoundRule[] = [];
    for (const [order, spec] of parsed.rules.entries()) {
      try {
        if (rules.some((r) => r.id === spec.id)) throw new Error("duplicate rule id");
        rules.push(bindRule(spec, order, plan, { ids }, v));
      } catch (e) {
        warnings.push({ file, reason: `rule ${spec.id}: ${reasonOf(e)}` });
      }
    }
    const unknown = parsed.places.filter((id) => !words.has(id));
    if (unknown.length > 0) warnings.push({ file, reason: `places: no word ${unknown.join(", ")}` });
    const places = parsed.places.filter((id) => words.has(id));
    books.set(doc, { doc, file, rules, tests: parsed.tests, words, places, vocabulary: v });
  }
  return { books, warnings };
}

/**
 * Where the books' place words (a rules file's `places`) stand in a text: a follow-up naming another
 * place moves a check's case there, and the previous case's places give way.
 */
export function placeSpans(books: Iterable<RuleBook>, text: string): Array<{ start: number; end: number }> {
  const spans: Array<{ start: number; end: number }> = [];
  for (const book of books)
    for (const id of book.places) {
      const word = book.words.get(id) as RegExp;
      for (const m of text.matchAll(new RegExp(word.source, "gi")))
        if (m[0].length > 0) spans.push({ start: m.index, end: m.index + m[0].length });
    }
  // Two words may name one place (郑州 is a key-region city and one of 京津冀及周边): one span each.
  const merged: Array<{ start: number; end: number }> = [];
  for (const span of spans.sort((a, b) => a.start - b.start)) {
    const last = merged.at(-1);
    if (last && span.start < last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}
