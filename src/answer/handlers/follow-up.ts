/**
 * A follow-up about the previous answer's items ("谁牵头？", "几时到期？", "原文呢？"): the same items
 * again, with what was asked about them in front.
 */
import type { Item } from "../../corpus/index.js";
import { citeItem } from "../citation.js";
import { citing, type Handler, resolved } from "../deps.js";
import { headQuote } from "../quote.js";
import { focusOf } from "./cite.js";

/** Resolves a follow-up on the previous items. */
export const previousItems: Handler = (query, deps) => {
  if (query.followUp?.kind !== "items") return null;
  const items = query.followUp.context.items
    .map((k) => deps.plans.find((p) => p.doc === k.doc)?.items.find((i) => i.id === k.id))
    .filter((i): i is Item => i !== undefined);
  if (items.length === 0) return null;
  const c = citing(query, deps);
  const citations = items.slice(0, 3).map((item) => citeItem(item, headQuote(item), 1, c));
  return resolved(query, "answered", { kind: "item", focus: focusOf(query), related: [] }, citations);
};
