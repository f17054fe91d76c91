/** Evaluation: sets of questions with expectations, scoring, and running a set through an engine. */

export { type CoverageCase, type CoverageErrors, calibrate, coverageCases, errorsOf } from "./calibrate.js";
export { type EvalCase, type EvalSet, loadEvalSet, questionOf, SetDefaults } from "./cases.js";
export { runSet, type ScoredCase } from "./run.js";
export {
  type CaseScore,
  METRICS,
  type Metric,
  type RefusalFigures,
  refusals,
  scoreCase,
  tally,
} from "./score.js";
