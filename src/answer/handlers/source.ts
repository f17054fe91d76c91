/**
 * "X出自哪条": the items that contain the phrase verbatim (quotation marks aside), the one retrieval
 * ranks highest first. Declines when no item holds the phrase (retrieval then answers).
 */
import type { Item } from "../../corpus/index.js";
import { citeItem } from "../citation.js";
import { citing, type Handler, resolved } from "../deps.js";
import { quoteFor, retrieve, scopeOf } from "../retrieval.js";

const bare = (t: string) => t.replace(/[“”"'‘’「」『』]/g, "");

/** Resolves a source question. */
export const source: Handler = (query, deps) => {
  const phrase = query.phrase;
  if (!phrase) return null;
  const plans = scopeOf(query, deps.plans) ?? deps.plans;
  const holders = plans.flatMap((p) => p.items.filter((i) => bare(i.text).includes(bare(phrase))));
  if (holders.length === 0) return null;
  const ranked = retrieve(deps.index, query, 20).map((h) => h.item);
  const rank = (i: Item) => (ranked.includes(i) ? ranked.indexOf(i) : ranked.length);
  const best = [...holders].sort((a, b) => rank(a) - rank(b))[0] as Item;
  const citation = citeItem(best, quoteFor(deps.index, best, query), 1, citing(query, deps));
  return resolved(query, "answered", { kind: "item", focus: null, related: [] }, [citation]);
};
