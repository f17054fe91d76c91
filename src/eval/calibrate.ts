/**
 * Calibrating the not-covered decision: the features of every labelled question that reaches
 * retrieval (answered or expected not covered), and the weights and thresholds that make the fewest
 * false refusals and false answers — on the tuning sets only, never on a blind set.
 */
import type { CoverageFeatures, CoverageWeights } from "../answer/index.js";
import { coverageScore } from "../answer/index.js";
import type { Engine, Response } from "../engine/index.js";
import { type EvalSet, questionOf } from "./cases.js";

/** One labelled question the decision sees. */
export interface CoverageCase {
  set: string;
  id: string;
  features: CoverageFeatures;
  /** The set expects an answer. */
  answerable: boolean;
}

/** The features of every case of the sets that reaches retrieval (conversations asked in order). */
export async function coverageCases(engine: Engine, sets: readonly EvalSet[]): Promise<CoverageCase[]> {
  const out: CoverageCase[] = [];
  for (const set of sets) {
    const contexts = new Map<string, Response["context"]>();
    for (const c of set.cases) {
      const context = c.session ? (contexts.get(c.session) ?? null) : null;
      const q = questionOf(c);
      if (c.expect.status !== "invalid_input") {
        const features = engine.coverageOf(q, { context });
        if (features)
          out.push({ set: set.dir, id: c.id, features, answerable: c.expect.status === "answered" });
      }
      if (c.session) contexts.set(c.session, (await engine.answer(q, { context })).context ?? context);
    }
  }
  return out;
}

/** How a choice of weights does on some cases. */
export interface CoverageErrors {
  falseRefusals: number;
  falseAnswers: number;
}

/** Errors of weights on the cases of one language. */
export function errorsOf(cases: readonly CoverageCase[], w: CoverageWeights): CoverageErrors {
  let falseRefusals = 0;
  let falseAnswers = 0;
  for (const c of cases) {
    const covered = coverageScore(c.features, w) >= w.threshold;
    if (c.answerable && !covered) falseRefusals++;
    if (!c.answerable && covered) falseAnswers++;
  }
  return { falseRefusals, falseAnswers };
}

const range = (from: number, to: number, step: number) =>
  Array.from(
    { length: Math.round((to - from) / step) + 1 },
    (_, i) => Math.round((from + i * step) * 100) / 100,
  );

/**
 * The weights with the fewest errors on `cases` (one language), a coarse grid: errors on the sets
 * named in `strict` count first (they gate CI), then all errors, then the simplest weights.
 */
export function calibrate(cases: readonly CoverageCase[], strict: ReadonlySet<string>): CoverageWeights {
  const strictCases = cases.filter((c) => strict.has(c.set));
  const grid: CoverageWeights[] = [];
  const translatedWeights = cases.some((c) => c.features.translated > 0) ? [0, 0.25, 0.5, 1] : [0];
  for (const unmatched of [0.25, 0.5, 0.75, 1, 1.25])
    for (const translated of translatedWeights)
      for (const agreed of [0, 1, 2, 3])
        for (const similarity of [0, 2.5, 5, 10])
          for (const offTopic of [0, 4, 8, 16])
            for (const named of [0, 1, 2, 3])
              grid.push({ unmatched, translated, agreed, similarity, offTopic, named, threshold: 0 });
  let best: { w: CoverageWeights; key: number[] } | null = null;
  for (const base of grid) {
    for (const threshold of range(-6, 8, 0.25)) {
      const w = { ...base, threshold };
      const s = errorsOf(strictCases, w);
      const all = errorsOf(cases, w);
      // Fewest errors on the gating sets, then overall; among equals the simplest weights.
      const key = [
        s.falseRefusals + s.falseAnswers,
        all.falseRefusals + all.falseAnswers,
        w.agreed + w.offTopic + w.similarity + w.translated + w.named,
      ];
      if (!best || lexLess(key, best.key)) best = { w, key };
    }
  }
  if (!best) throw new Error("no cases to calibrate on");
  return best.w;
}

/** a < b in lexicographic order. */
function lexLess(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) {
    if ((a[i] as number) !== (b[i] as number)) return (a[i] as number) < (b[i] as number);
  }
  return false;
}
