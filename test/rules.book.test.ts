/**
 * The one generic test of every rules file beside the documents (corpus/*.rules.yaml): it loads
 * without a warning, every rule's own test cases give their outcome from that rule, the book's cases
 * give every verdict they list, and every guided dialog builds questions a rule answers.
 */
import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadCorpus } from "../src/corpus/index.js";
import type { Plan } from "../src/corpus/schema.js";
import {
  Check,
  evaluateQuestion,
  extractFacts,
  guidedChecks,
  loadRuleBooks,
  overallOutcome,
  type RuleBook,
  type Verdict,
} from "../src/rules/index.js";

const CORPUS = "corpus";
const plans = loadCorpus(CORPUS).plans;
const { books, warnings } = loadRuleBooks(CORPUS, plans);
const files = readdirSync(CORPUS).filter((f) => f.endsWith(".rules.yaml"));
const isEn = (q: string) => /^[\x20-\x7e’—]+$/.test(q);
const langOf = (q: string) => (isEn(q) ? "en" : "zh");

/** The book of a rules file and its plan. */
function bookOf(file: string): { book: RuleBook; plan: Plan } {
  const book = [...books.values()].find((b) => b.file === file);
  if (!book) throw new Error(`${file}: not loaded`);
  return { book, plan: plans.find((p) => p.doc === book.doc) as Plan };
}

/** Every verdict of a question, and the one an answer leads with (the first with the overall outcome). */
function run(q: string, book: RuleBook, plan: Plan): { verdicts: Verdict[]; lead: Verdict | undefined } {
  const verdicts = evaluateQuestion(extractFacts(q.normalize("NFKC"), langOf(q)), book, plan);
  const overall = overallOutcome(verdicts);
  return { verdicts, lead: verdicts.find((v) => v.check.outcome === overall) };
}

it("finds a rules file for at least one document", () => {
  expect(files.length).toBeGreaterThan(0);
});

it("loads every rules file without a warning", () => {
  expect(warnings).toEqual([]);
});

describe.each(files)("%s", (file) => {
  const { book, plan } = bookOf(file);

  it("binds every rule of the file", () => {
    expect(book.rules.length).toBeGreaterThan(0);
    expect(new Set(book.rules.map((r) => r.id)).size).toBe(book.rules.length);
  });

  const cases = book.rules.flatMap((r) => r.spec.tests.map((t) => ({ rule: r.id, item: r.itemId, ...t })));
  it.each(cases)("$rule: $q → $outcome", (c) => {
    const { lead } = run(c.q, book, plan);
    expect(lead, c.q).toBeDefined();
    const v = lead as Verdict;
    expect(v.check.rule).toBe(c.rule);
    expect(v.check.outcome).toBe(c.outcome);
    expect(v.itemId).toBe(c.item);
    expect(v.check.clause).toBe(c.item);
    expect(() => Check.parse(v.check)).not.toThrow();
    // The cited phrase is verbatim in the cited item; missing is named exactly when more is needed.
    expect(plan.items.find((i) => i.id === c.item)?.text).toContain(v.phrase);
    if (c.outcome === "need_more_info") expect(v.check.missing.length).toBeGreaterThan(0);
    else expect(v.check.missing).toEqual([]);
    // Verdict and explanation in the question's language.
    const lang = langOf(c.q);
    expect(v.verdict[lang].length).toBeGreaterThan(0);
    if (lang === "en") expect(v.verdict.en).not.toMatch(/[\u4e00-\u9fa5]{4}/);
    else expect(v.check.explanation).toMatch(/[\u4e00-\u9fa5]/);
    expect(v.check.explanation).not.toMatch(/[{}]|\[\[|\]\]/);
    if (c.facts) expect(v.check.facts).toMatchObject(c.facts);
    if (c.explanation) expect(v.check.explanation).toContain(c.explanation);
    if (c.missing) expect(v.check.missing.join("；")).toContain(c.missing);
    if (c.phrase) expect(v.phrase).toBe(c.phrase);
    if (c.deadline) expect(v.deadline?.date).toBe(c.deadline);
  });

  it.each(book.tests)("$q", (c) => {
    const { verdicts } = run(c.q, book, plan);
    if (c.overall) expect(overallOutcome(verdicts)).toBe(c.overall);
    if (c.verdicts) {
      expect(verdicts.map((v) => [v.check.rule, v.check.outcome])).toEqual(
        c.verdicts.map((v) => [v.rule, v.outcome]),
      );
      c.verdicts.forEach((want, i) => {
        if (want.subject) expect(verdicts[i]?.check.subject).toContain(want.subject);
      });
    }
  });

  const guided = guidedChecks(book);
  /** Every combination of a dialog's answers. */
  const combos = (steps: (typeof guided)[number]["steps"]): Array<Record<string, string>> =>
    steps.reduce<Array<Record<string, string>>>(
      (acc, step) => acc.flatMap((v) => step.options.map((o) => ({ ...v, [step.fact]: o.value }))),
      [{}],
    );
  it.each(guided.flatMap((g) => (["zh", "en"] as const).map((lang) => ({ id: g.id, lang, g }))))(
    "guided $id ($lang): short ASCII option values; every combination builds a question a rule answers",
    ({ g, lang }) => {
      expect(g.steps.length).toBeGreaterThan(0);
      for (const s of g.steps) {
        expect(s.options.length).toBeGreaterThan(0);
        for (const o of s.options) expect(o.value).toMatch(/^[\x21-\x7e]{1,20}$/);
      }
      for (const values of combos(g.steps)) {
        const q = g.toQuestion(values, lang);
        expect(q).not.toMatch(/[{}]|\[\[|\]\]/);
        expect(run(q, book, plan).lead, q).toBeDefined();
      }
    },
  );
});
