/**
 * A follow-up about the previous answer's items ("谁牵头？", "几时到期？", "原文呢？"): the same items
 * again, with what was asked about them in front.
 */
import type { Item } from "../../corpus/index.js";
import { askingWords, type Query } from "../../understand/index.js";
import { citeItem } from "../citation.js";
import { citing, type Handler, itemOf, type ResolveDeps, resolved } from "../deps.js";
import { headQuote } from "../quote.js";
import { quoteFor, retrieve } from "../retrieval.js";
import { focusOf } from "./cite.js";

/** Resolves a follow-up on the previous items. */
export const previousItems: Handler = (query, deps) => {
  if (query.followUp?.kind !== "items") return null;
  const items = query.followUp.context.items
    .map((k) => itemOf(deps.plans, k))
    .filter((i): i is Item => i !== undefined);
  if (items.length === 0) return null;
  const c = citing(query, deps);
  const ordered = roleFirst(whoFirst(inOrderAsked(items, query, deps), query, deps), query);
  // 那这一点谁牵头: one thing pointed at is shown alone, not with the rest of the previous answer — with the
  // task above it when that task's departments carry it out.
  const single = askingWords().singlePointer.test(query.text);
  const shown = !single ? 3 : ordered[0] === items[0] ? 1 : 2;
  // (Asked for a kind of answer — 那有补贴吗 — the sentence giving it is quoted, not the item's first.)
  const quote = (item: Item) =>
    query.asksFor.length > 0 ? quoteFor(deps.index, item, query) : headQuote(item);
  const citations = ordered.slice(0, shown).map((item) => citeItem(item, quote(item), 1, c));
  return resolved(query, "answered", { kind: "item", focus: focusOf(query), related: [] }, citations);
};

/**
 * The previous items as they were, unless the first is a heading shown with its own points (5.2 with
 * 5.2.1, 5.2.2): then, asked when, a point with a date comes first, and a point closer to the
 * question's own words (国三车 → the point on 国三 trucks) before the others — not for whom to ask,
 * whose words (哪些部门参与) say nothing of the content.
 */
function inOrderAsked(items: readonly Item[], query: Query, deps: ResolveDeps): Item[] {
  const [head] = items;
  const family = items.filter((i) => i === head || (i.parent === head?.id && i.doc === head?.doc));
  if (!head || family.length < 2) return [...items];
  const asked = (i: Item) => query.intents.includes("when") && i.deadlines.length > 0;
  const own = query.residue > 0 && !query.intents.includes("who");
  const ranked = own ? retrieve(deps.index, query, family.length, new Set(family)) : [];
  const rank = (i: Item) => {
    const at = ranked.findIndex((h) => h.item === i);
    return at < 0 ? ranked.length + family.indexOf(i) : at;
  };
  const ordered = [...family].sort((a, b) => Number(asked(b)) - Number(asked(a)) || rank(a) - rank(b));
  return [...ordered, ...items.filter((i) => !family.includes(i))];
}

/**
 * Asked who, a point that names no department (a）, （1）) gives way to the task above it, whose
 * departments carry it out; a task that names none, when its points each name their own
 * (1.【2025年6月底前】…（X牵头）), is shown with those points.
 */
function whoFirst(items: readonly Item[], query: Query, deps: ResolveDeps): Item[] {
  const [first] = items;
  if (!first || first.departments.length > 0) return [...items];
  if (!query.intents.includes("who") && query.role === null) return [...items];
  const plan = deps.plans.find((p) => p.doc === first.doc);
  const parent = first.parent === null ? undefined : plan?.items.find((i) => i.id === first.parent);
  // (A point with a time of its own is a task in itself: it stays in front, the task above beside it.)
  if (parent && parent.departments.length > 0)
    return first.deadlines.length > 0
      ? [first, parent, ...items.filter((i) => i !== parent && i !== first)]
      : [parent, ...items.filter((i) => i !== parent)];
  const points = (plan?.items ?? []).filter((i) => i.parent === first.id && i.departments.length > 0);
  if (points.length === 0) return [...items];
  return [first, ...points, ...items.filter((i) => i !== first && !points.includes(i))];
}

/**
 * After a department's listing, a role asked of it (其中我们牵头的有哪些, which of them do we lead?):
 * the items where one of those departments holds that role first, in their order.
 */
function roleFirst(items: readonly Item[], query: Query): Item[] {
  const names = query.followUp?.context.departments ?? [];
  if (query.role === null || names.length === 0) return [...items];
  const holds = (i: Item) => i.departments.some((d) => names.includes(d.name) && d.role === query.role);
  return [...items.filter(holds), ...items.filter((i) => !holds(i))];
}
