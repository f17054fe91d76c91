/**
 * Runs an evaluation set through an engine: each case answered in file order, the cases of a
 * session as one conversation (each with the previous answer's context), and scored.
 */
import type { Response } from "../answer/index.js";
import type { Engine } from "../engine/index.js";
import { type EvalCase, type EvalSet, questionOf } from "./cases.js";
import { type CaseScore, scoreCase } from "./score.js";

/** One scored case. */
export interface ScoredCase {
  c: EvalCase;
  r: Response;
  score: CaseScore;
}

/** Answers and scores every case of a set. */
export async function runSet(engine: Engine, set: EvalSet): Promise<ScoredCase[]> {
  const contexts = new Map<string, Response["context"]>();
  const out: ScoredCase[] = [];
  for (const c of set.cases) {
    const context = c.session ? (contexts.get(c.session) ?? null) : null;
    const r = await engine.answer(questionOf(c), { context });
    if (c.session) contexts.set(c.session, r.context ?? context);
    out.push({ c, r, score: scoreCase(c, r, set.defaults.doc) });
  }
  return out;
}
