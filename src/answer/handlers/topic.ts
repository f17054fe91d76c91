/**
 * A question about the content: the items retrieval finds, or not covered when the documents do not
 * share enough of its words. A who- or when-question about a topic puts the departments or the
 * deadlines of the items first.
 */
import type { Item } from "../../corpus/index.js";
import { citeItem, itemLink } from "../citation.js";
import { citing, type Handler, resolved } from "../deps.js";
import { covers, quoteFor, retrieve } from "../retrieval.js";
import { focusOf } from "./cite.js";
import { notCovered } from "./not-covered.js";

/** Further citations are kept while they score at least this share of the first. */
export const RELATED_SHARE = 0.7;
/** At most this many items are cited for one topic. */
const MAX_ITEMS = 3;

const round = (x: number) => Math.round(x * 1000) / 1000;

/** Resolves a topic question by retrieval (within the previous items for a narrowing follow-up). */
export const topic: Handler = (query, deps) => {
  const within =
    query.followUp?.kind === "within"
      ? new Set(
          query.followUp.context.items
            .map((k) => deps.plans.find((p) => p.doc === k.doc)?.items.find((i) => i.id === k.id))
            .filter((i): i is Item => i !== undefined),
        )
      : undefined;
  const hits = retrieve(deps.index, query, 5, within);
  const top = hits[0];
  if (!top || !covers(deps.index, query, top)) return notCovered(query, deps);
  const kept = hits.filter((h, i) => i === 0 || h.score >= top.score * RELATED_SHARE).slice(0, MAX_ITEMS);
  const c = citing(query, deps);
  const citations = kept.map((h) =>
    citeItem(h.item, quoteFor(deps.index, h.item, query), round(h.score / top.score), c),
  );
  const related = deps.index.related(top.item, 3).map((i) => itemLink(i, c));
  return resolved(query, "answered", { kind: "item", focus: focusOf(query), related }, citations);
};
