/**
 * The Response of `answer(question)`: the one object the CLI, the bot and the tests consume.
 */
import { z } from "zod";
import { IsoDate, Role } from "../corpus/schema.js";
import { Check } from "../rules/schema.js";

/** The language of a question and of its answer. */
export const Lang = z.enum(["zh", "en"]);
export type Lang = z.infer<typeof Lang>;

/** How the question was handled. */
export const Status = z.enum(["answered", "not_covered", "invalid_input"]);
export type Status = z.infer<typeof Status>;

/** One cited item. `quote` is always a verbatim substring of the item's text. */
export const Citation = z.object({
  doc: z.string().min(1),
  id: z.string().min(1),
  label: z.string().min(1),
  title: z.string().min(1),
  quote: z.string().min(1),
  score: z.number(),
  departments: z.array(z.object({ name: z.string().min(1), role: Role })),
  deadlines: z.array(z.object({ text: z.string().min(1), date: IsoDate, passed: z.boolean() })),
});
export type Citation = z.infer<typeof Citation>;

/** The answer to one question. */
export const Response = z.object({
  query: z.string(),
  status: Status,
  lang: Lang,
  /** What a person reads, in the question's language. */
  answer: z.string(),
  /** Best first. Empty unless status is "answered". */
  citations: z.array(Citation),
  check: Check.nullable(),
});
export type Response = z.infer<typeof Response>;
