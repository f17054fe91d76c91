/**
 * The result of a deterministic obligation check, as carried in a Response's `check`.
 */
import { z } from "zod";

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
});
export type Check = z.infer<typeof Check>;
