/**
 * Guided checks (the Telegram /check dialog, a web form) built from a rule book: a rule with a
 * `guided` block asks its steps one at a time — each step a fact of the rule, its options the fact's
 * declared values, or for the figure of a comparison its declared figures or the bands around the
 * clause's own threshold (below, exactly, above) — and turns the answers into the question that the
 * answer pipeline then evaluates like any other.
 */
import type { Scalar } from "./book.js";
import type { BoundCompare, BoundFact, BoundRule, RuleBook } from "./load.js";
import type { Bi } from "./schema.js";
import { render } from "./template.js";
import { formatFigure, type Threshold } from "./threshold.js";

/** A guided check: the facts a rule needs, asked one step at a time. */
export interface GuidedCheck {
  /** The rule's id, e.g. "ammonia-pilot". */
  id: string;
  title: Bi;
  steps: Array<{
    fact: string;
    prompt: Bi;
    /** value ≤ 20 ASCII chars */
    options: Array<{ value: string; label: Bi }>;
  }>;
  /** Builds the question text that answer() will evaluate from the chosen values. */
  toQuestion(values: Record<string, string>, lang: "zh" | "en"): string;
}

const UNKNOWN = "unknown";
const BANDS: ReadonlyArray<{ value: string; factor: number; label: Bi }> = [
  { value: "below", factor: 0.75, label: { zh: "低于门槛", en: "Below the threshold" } },
  { value: "exactly", factor: 1, label: { zh: "正好等于门槛", en: "Exactly the threshold" } },
  { value: "above", factor: 1.5, label: { zh: "高于门槛", en: "Above the threshold" } },
];

/** A figure near `x`: whole numbers from 10 up, so a band reads like something a person would write. */
const nice = (x: number) => (x >= 10 ? Math.round(x) : Math.round(x * 100) / 100);

const optionValue = (v: Scalar) => (v === null ? UNKNOWN : String(v));

/** The threshold a comparison uses once the guided answers are known (its `by` fact chosen). */
function thresholdFor(cmp: BoundCompare, values: Record<string, string>): Threshold | null {
  return cmp.thresholds.get(cmp.by === null ? "" : (values[cmp.by] ?? "")) ?? null;
}

/** The options of one step. */
function optionsOf(
  rule: BoundRule,
  book: RuleBook,
  fact: BoundFact,
): GuidedCheck["steps"][number]["options"] {
  const cmp = fact.figureOf ? rule.compares.get(fact.figureOf) : undefined;
  if (cmp && fact.spec.options === undefined) return BANDS.map(({ value, label }) => ({ value, label }));
  return (fact.spec.options ?? []).map((v) => {
    const t = cmp ? [...cmp.thresholds.values()][0] : undefined;
    const label = (t && typeof v === "number" ? formatFigure(v, t) : null) ??
      fact.spec.labels?.[optionValue(v)] ??
      book.vocabulary.labels.get(String(v)) ?? { zh: optionValue(v), en: optionValue(v) };
    return { value: optionValue(v), label };
  });
}

/** The guided checks of a book, in the order of its rules; rules without a `guided` block have none. */
export function guidedChecks(book: RuleBook): GuidedCheck[] {
  return book.rules.flatMap((rule): GuidedCheck[] => {
    const g = rule.spec.guided;
    if (!g) return [];
    const steps = g.steps.map((name) => {
      const fact = rule.facts.get(name) as BoundFact;
      return { fact: name, prompt: fact.spec.ask as Bi, options: optionsOf(rule, book, fact) };
    });
    const toQuestion = (values: Record<string, string>, lang: "zh" | "en") => {
      // An answer outside the options (forged or stale) reads as the first option.
      const chosen: Record<string, string> = {};
      for (const s of steps)
        chosen[s.fact] = s.options.some((o) => o.value === values[s.fact])
          ? (values[s.fact] as string)
          : (s.options[0]?.value ?? UNKNOWN);
      return render(g.question[lang], (name) => {
        const [root, part] = name.split(".") as [string, string | undefined];
        const cmp = rule.compares.get(root);
        if (cmp) {
          const t = thresholdFor(cmp, chosen);
          const label = (k: string | null) => (k ? (book.vocabulary.labels.get(k)?.[lang] ?? null) : null);
          return part === "period"
            ? label(t?.period ?? null)
            : part === "unit"
              ? (t?.unitWords[lang] ?? null)
              : null;
        }
        const fact = rule.facts.get(root);
        const value = chosen[root];
        if (!fact || value === undefined || value === UNKNOWN) return null;
        const figureCmp = fact.figureOf ? rule.compares.get(fact.figureOf) : undefined;
        if (figureCmp) {
          const t = thresholdFor(figureCmp, chosen);
          const band = BANDS.find((b) => b.value === value);
          if (!t) return null;
          const n = band ? nice(t.value * band.factor) : Number(value);
          return part === "number"
            ? formatFigure(n, { ...t, unitWords: { zh: "", en: "" } })[lang]
            : formatFigure(n, t)[lang];
        }
        return (
          fact.spec.say?.[value]?.[lang] ??
          fact.spec.labels?.[value]?.[lang] ??
          book.vocabulary.labels.get(value)?.[lang] ??
          value
        );
      });
    };
    return [{ id: rule.id, title: g.title, steps, toQuestion }];
  });
}
