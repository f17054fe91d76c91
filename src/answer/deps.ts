/**
 * What the resolver's handlers work with: the loaded documents, their index, their rule books and
 * today's date by the engine's clock — and the small helpers every handler shares.
 */
import type { IsoDate, Item, Plan } from "../corpus/index.js";
import type { Verdict as RuleVerdict } from "../rules/index.js";
import type { SearchIndex } from "../search/index.js";
import type { Query } from "../understand/index.js";
import type { CitationContext } from "./citation.js";
import type { Citation, Context, Kind, Payload, Resolved, Status } from "./schema.js";

/** Checks a query's facts against a plan's rules, most relevant first; empty when no rule of that plan is about it. */
export type RuleChecker = (query: Query, plan: Plan) => RuleVerdict[];

/** Everything a handler may use. */
export interface ResolveDeps {
  plans: readonly Plan[];
  index: SearchIndex;
  rules: RuleChecker;
  today: IsoDate;
}

/** A handler: resolves a query of its kind, or declines (null) so the next one is tried. */
export type Handler = (query: Query, deps: ResolveDeps) => Resolved | null;

/** The loaded item a previous answer's key ({doc, id}) names; undefined when no loaded plan has it. */
export function itemOf(
  plans: readonly Plan[],
  key: { doc: string; id: string } | undefined,
): Item | undefined {
  return key ? plans.find((p) => p.doc === key.doc)?.items.find((i) => i.id === key.id) : undefined;
}

/** The citation context for a query. */
export function citing(query: Query, deps: ResolveDeps): CitationContext {
  return {
    lang: query.lang,
    today: deps.today,
    planOf: (item: Item) => deps.index.plan(item),
    implementedBy: (item: Item) => deps.index.implementedItem(item),
  };
}

/** What the next question can refer back to. */
function contextOf(
  query: Query,
  kind: Kind,
  citations: readonly Citation[],
  check: Resolved["check"],
): Context {
  const checked = check !== null;
  const docs = [...new Set(citations.map((c) => c.doc))];
  return {
    question: query.topic,
    expansions: query.expansions,
    kind,
    docs: docs.length > 0 ? docs : query.docs,
    // (A section cited whole is no entry: its items, which follow it, are what a follow-up leans on.)
    items: citations.filter((c) => !c.section).map((c) => ({ doc: c.doc, id: c.id })),
    // A question about the previous items (什么时候完成？) keeps the facts of the check before it, so
    // a later "换成国三的呢" still changes them.
    factsText: checked
      ? query.factsText
      : query.followUp?.kind === "items"
        ? query.followUp.context.factsText
        : null,
    awaiting: check?.outcome === "need_more_info",
    departments: query.departments,
    deadline: query.deadline,
    earlier: null,
  };
}

/** A resolved answer of one kind. */
export function resolved(
  query: Query,
  status: Status,
  payload: Payload,
  citations: Citation[] = [],
  check: Resolved["check"] = null,
): Resolved {
  return {
    query: query.raw,
    status,
    lang: query.lang,
    kind: payload.kind,
    citations,
    check,
    payload,
    context: status === "invalid_input" ? null : contextOf(query, payload.kind, citations, check),
  };
}
