/**
 * The shape of a rules file, `corpus/<doc>.rules.yaml`: a plan's obligations as data beside the
 * document. Each rule names its item, the verbatim phrases it may cite, the facts it reads, the
 * thresholds it compares (references to the item's own parsed quantities), when a question is about
 * it, a decision table to an outcome with zh/en templates, an optional guided dialog, and its test
 * cases. ./load.ts validates a file against these schemas and binds it to the parsed plan.
 */
import { z } from "zod";
import { Outcome } from "./schema.js";

/** A text in both languages; `{name}` placeholders and `[[optional parts]]` allowed (see ./template.ts). */
const Text = z.object({ zh: z.string(), en: z.string() });

/** A value a fact may take. */
export const Scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export type Scalar = z.infer<typeof Scalar>;

/**
 * A condition: every key must hold. Keys are `all` / `any` (lists of conditions), `not` (a
 * condition), `things` / `places` / `industries` / `fuels` / `cues` / `units` (any of these ids in
 * the question; `"*"` for things, places, industries or fuels: any at all), or the name of a fact or comparison with a value, a list of values, or `{not: …}`.
 */
export type Condition = { [key: string]: unknown };
export const Condition: z.ZodType<Condition> = z.record(z.string(), z.unknown());

/**
 * Where a fact comes from — exactly one of:
 * - `from`: `entity.kind|thing|animal|fuel|standard|described`,
 *   `question.newBuild|grade|year|standard|self|industry`, or
 *   `<comparison>.value|unit|basis|period` (the figure a comparison chose);
 * - `cases`: the value of the first case whose condition holds (else `default`);
 * - `first`: the first of the listed ids the question names (`{places: [...]}` …);
 * - `match`: the words a cue matched.
 */
export const FactSpec = z
  .object({
    from: z.string().optional(),
    cases: z.array(z.object({ value: Scalar, when: Condition })).optional(),
    first: z
      .partialRecord(z.enum(["things", "places", "industries", "fuels"]), z.array(z.string()))
      .optional(),
    match: z.string().optional(),
    default: Scalar.default(null),
    /** Display names of values, overriding the vocabulary's. */
    labels: z.record(z.string(), Text).optional(),
    /** Guided dialogs: the prompt, the options (values, or figures for a comparison's figure). */
    ask: Text.optional(),
    options: z.array(Scalar).optional(),
    /** Guided dialogs: how an option reads inside the generated question (default: its label). */
    say: z.record(z.string(), Text).optional(),
  })
  .refine((f) => [f.from, f.cases, f.first, f.match].filter((x) => x !== undefined).length === 1, {
    message: "a fact needs exactly one of from, cases, first, match",
  });
export type FactSpec = z.infer<typeof FactSpec>;

/**
 * A comparison of one figure with a threshold of the item. `figure`: the units accepted, best first
 * (`none` for a bare number, `standard` for an emission-standard level, `year` for a year);
 * `threshold`: a reference verbatim in the item, or `{by: fact, cases: {value: reference}}`.
 */
export const CompareSpec = z.object({
  figure: z.array(z.string()).min(1),
  /** The entity's own figures (default when the rule has a subject) or the question's. */
  from: z.enum(["subject", "question"]).default("subject"),
  threshold: z.union([
    z.string().min(1),
    z.object({ by: z.string(), cases: z.record(z.string(), z.string().min(1)) }),
  ]),
  /**
   * The figure is the whole works' (a plant's sealing points, a site's freight): parts the question gives of it
   * in one sentence (两套装置分别是620个和450个, "… respectively") add up to it.
   */
  summed: z.boolean().default(false),
  /** Unit words for the comparison text, overriding the plan's (个 → sealing points). */
  unit: Text.partial().optional(),
  /** How the comparison text ends when the threshold is met, and when not. */
  yes: Text,
  no: Text,
});
export type CompareSpec = z.infer<typeof CompareSpec>;

/** One row of a decision table: the first row whose condition holds decides. */
export const RowSpec = z
  .object({
    when: Condition.default({}),
    outcome: Outcome,
    /**
     * The words of the plan that decide this case: a key of the rule's `phrases`, or the name of a
     * comparison (its threshold's reference, which varies with a `by` fact).
     */
    phrase: z.string(),
    /** The deadline of the item that governs this case, as the parsed item writes it. */
    deadline: z.string().optional(),
    verdict: Text,
    explanation: Text,
    missing: z.array(Text).default([]),
  })
  .refine((r) => (r.outcome === "need_more_info") === r.missing.length > 0, {
    message: "need_more_info rows name what is missing, and only they",
  });
export type RowSpec = z.infer<typeof RowSpec>;

/** A test case beside a rule: this question gets this outcome from this rule (most relevant verdict). */
export const RuleTest = z.object({
  q: z.string().min(1),
  outcome: Outcome,
  /** Facts the check must report (a subset). */
  facts: z.record(z.string(), Scalar).optional(),
  /** Words the explanation, the missing list or the cited phrase must contain. */
  explanation: z.string().optional(),
  missing: z.string().optional(),
  phrase: z.string().optional(),
  /** The date of the deadline that governs the case. */
  deadline: z.string().optional(),
});
export type RuleTest = z.infer<typeof RuleTest>;

/** One obligation of the plan. */
export const RuleSpec = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  /** The item's id, e.g. "6.5". */
  item: z.string().regex(/^\d+(?:\.\d+){0,3}$/),
  title: Text,
  /** Kinds of entity the rule is about, each evaluated on its own; none: the question as a whole. */
  subject: z.array(z.string()).optional(),
  /** Named verbatim phrases of the item. */
  phrases: z.record(z.string(), z.string().min(1)),
  facts: z.record(z.string(), FactSpec).default({}),
  compare: z.record(z.string(), CompareSpec).default({}),
  /** When a question is about the rule: the first entry whose condition holds gives the score (0 = not). */
  relevance: z.array(z.object({ score: z.number().min(0), when: Condition.default({}) })).min(1),
  table: z.array(RowSpec).min(1),
  /** A guided dialog (Telegram /check, web form): steps are facts that have `ask`. */
  guided: z.object({ title: Text, steps: z.array(z.string()).min(1), question: Text }).optional(),
  tests: z.array(RuleTest).default([]),
});
export type RuleSpec = z.infer<typeof RuleSpec>;

/** A test case over the whole book: every verdict a question gets, and the overall outcome. */
export const BookTest = z.object({
  q: z.string().min(1),
  overall: Outcome.optional(),
  /** The verdicts in order (all of them); an empty list: no rule is about the question. */
  verdicts: z
    .array(z.object({ rule: z.string(), outcome: Outcome, subject: z.string().optional() }))
    .optional(),
});
export type BookTest = z.infer<typeof BookTest>;

/** A rules file. */
export const RulesFile = z.object({
  /** The document it belongs to; defaults to the file name before `.rules.yaml`. */
  doc: z.string().optional(),
  /** The plan's own words a question may use (a company's name …), as cues by name. */
  words: z.record(z.string(), z.string().min(1)).default({}),
  /**
   * Which of `words` name places (cities, provinces): a follow-up that names another one (换成周口呢,
   * "and Heze?") moves the previous check's case there.
   */
  places: z.array(z.string()).default([]),
  /** In the order ties are broken: an earlier rule wins. */
  rules: z.array(RuleSpec).min(1),
  tests: z.array(BookTest).default([]),
});
export type RulesFile = z.infer<typeof RulesFile>;
