/**
 * Not covered: the documents do not address the question, a cited item does not exist, or a bare
 * item number is in several documents and nothing says which one is meant.
 */
import type { Item } from "../../corpus/index.js";
import type { Query } from "../../understand/index.js";
import { documentName, itemLink } from "../citation.js";
import { citing, type ResolveDeps, resolved } from "../deps.js";
import type { NotCoveredPayload, Resolved } from "../schema.js";

/** The not-covered answer for a reason, with the items to choose from where there are any. */
export function notCovered(
  query: Query,
  deps: ResolveDeps,
  reason: NotCoveredPayload["reason"] = "off_topic",
  written: string | null = null,
  candidates: readonly Item[] = [],
): Resolved {
  const c = citing(query, deps);
  return resolved(query, "not_covered", {
    kind: "not_covered",
    reason,
    written,
    candidates: candidates.map((i) => itemLink(i, c)),
    // The documents it was asked of, when it names some (伊川对…): that one does not cover it; else all held.
    documents: (query.docs.length > 0
      ? deps.plans.filter((p) => query.docs.includes(p.doc))
      : deps.plans
    ).map((p) => ({ doc: p.doc, name: documentName(p, query.lang) })),
    absent: reason === "off_topic" ? query.absent : null,
  });
}
