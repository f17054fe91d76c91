/** Input that is not a question at all: empty, only punctuation or emoji, or far too long. */
import type { Query } from "../../understand/index.js";
import { resolved } from "../deps.js";
import type { Resolved } from "../schema.js";

/** The invalid-input answer (the text renderer shows help with examples). */
export function invalidInput(query: Query): Resolved | null {
  if (!query.invalid) return null;
  return resolved(query, "invalid_input", { kind: "invalid_input", reason: query.invalid });
}
