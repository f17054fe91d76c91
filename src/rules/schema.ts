/**
 * The result of a deterministic obligation check, as carried in a Response's `check`, and the
 * bilingual text both data files use.
 */
import { z } from "zod";

/** A text in Chinese and English. */
export const Bi = z.object({ zh: z.string(), en: z.string() });
export type Bi = z.infer<typeof Bi>;

/** Whether an obligation applies to the facts the question gives. */
export const Outcome = z.enum(["applies", "does_not_apply", "need_more_info"]);
export type Outcome = z.infer<typeof Outcome>;

/** A rule's verdict on a question's facts. */
export const Check = z.object({
  /** The rule's id, e.g. ammonia-pilot. */
  rule: z.string().min(1),
  /** The item the rule encodes, e.g. "6.5". */
  clause: z.string().min(1),
  outcome: Outcome,
  /** What was understood from the question, normalised (animal, count, unit, basis …). */
  facts: z.record(z.string(), z.unknown()),
  /** Facts still needed for a verdict, each naming its choices. */
  missing: z.array(z.string()),
  /** The comparison in words, in the question's language. */
  explanation: z.string(),
  /**
   * The thing this verdict is about when the question describes several (蛋鸡（12万羽）, a 20 t/h
   * boiler), in the question's language; null when the rule reads the question as a whole.
   */
  subject: z.string().nullable().default(null),
});
export type Check = z.infer<typeof Check>;
