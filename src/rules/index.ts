/**
 * The rules stage: deterministic obligation checks, as data. A plan's obligations are a rules file
 * beside the document (`corpus/<doc>.rules.yaml`); the asker's words are the facts vocabulary
 * (`data/facts.yaml`). This stage reads a question's facts ({@link extractFacts}), loads and binds the
 * rule books ({@link loadRuleBooks}), evaluates a question against a book ({@link evaluateQuestion},
 * {@link overallOutcome}) and builds guided dialogs from it ({@link guidedChecks}). It imports
 * src/corpus only.
 */
export type { BookTest, RuleSpec, RulesFile, RuleTest } from "./book.js";
export { POWER_PLANT } from "./entities.js";
export {
  asksObligation,
  describesEntity,
  evaluateQuestion,
  overallOutcome,
  type Verdict,
} from "./evaluate.js";
export {
  batchesIn,
  extractFacts,
  findAmounts,
  findStandard,
  quotesThreshold,
  rivalCues,
  sameMeasure,
  whereIds,
  withFuel,
  withoutCancelledPlaces,
  withoutCues,
  withoutFuel,
  withoutIndustries,
  withoutPlaces,
} from "./facts.js";
export { type GuidedCheck, guidedChecks } from "./guided.js";
export { loadRuleBooks, placeSpans, type RuleBook, type RulesWarning } from "./load.js";
export type { Amount, Entity, Figure, QuestionFacts, Standard } from "./question.js";
export { Bi, Check, Outcome } from "./schema.js";
export { compareText, fmtEn, fmtZh, meets, type Threshold } from "./threshold.js";
export { isKindOf, silentOnIndustry } from "./vocabulary.js";
