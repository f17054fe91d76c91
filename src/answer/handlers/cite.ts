/**
 * A question that names an item (六(五), 3.1.2, 第二部分, (三十九)): the item itself, looked up in the
 * documents the question (or the conversation) is about. A reference several documents share asks
 * which one is meant; one that no document has says what the section does have.
 */
import { type Item, implementsPlan, markersOf, type Plan, type Section } from "../../corpus/index.js";
import { lexicalTerms } from "../../search/index.js";
import type { ItemRef, Query } from "../../understand/index.js";
import { textWithout } from "../../understand/index.js";
import { citeItem, citeSection } from "../citation.js";
import { citing, type Handler, type ResolveDeps, resolved } from "../deps.js";
import { headQuote } from "../quote.js";
import { quoteFor } from "../retrieval.js";
import type { Resolved } from "../schema.js";
import { notCovered } from "./not-covered.js";

const samePath = (a: readonly number[], b: readonly number[]) =>
  a.length === b.length && a.every((n, i) => n === b[i]);

/** Whether a plan numbers its items across sections (二、 starts at (三)). */
function numberedAcross(plan: Plan): boolean {
  return plan.items.some(
    (i) =>
      i.level === 2 &&
      i.section > 1 &&
      i.number > plan.items.filter((j) => j.level === 2 && j.section === i.section).length,
  );
}

/**
 * The deeper level whose numbers run on under several parents (measures 1．…35． under (一)…(六)):
 * each of its printed numbers names one item. Null when every parent restarts its count.
 */
function runningLevel(plan: Plan): number | null {
  for (const level of [3, 4]) {
    const items = plan.items.filter((i) => i.level === level);
    const parents = new Set(items.map((i) => i.parent));
    if (parents.size > 1 && new Set(items.map((i) => i.number)).size === items.length) return level;
  }
  return null;
}

/**
 * The one item of the first numbered level that has this printed number, when no other has it (序号21
 * of a task list that is the plan's only long run of numbers).
 */
function onlyNumbered(plan: Plan, n: number): Item | undefined {
  const found = plan.items.filter((i) => i.level === 2 && i.number === n);
  return found.length === 1 ? found[0] : undefined;
}

/**
 * Whether a question names a section by its title (扬尘污染精细化管控行动), or by its first four characters (扬尘污染). A
 * title that is little but its kind (攻坚行动, 保障工作) names nothing to tell its section by.
 */
function namesSection(text: string, section: Section | undefined): boolean {
  if (!section) return false;
  const core = section.title.replace(/[（(][^）)]*[）)]$/, "").replace(/(?:专项)?(?:行动|工作|攻坚战?)$/, "");
  return core.length >= 4 && text.includes(core.slice(0, 4));
}

/** The entries a reference names in one plan: one item, or a section's items when it has no own entry. */
function lookUp(ref: ItemRef, plan: Plan, lenient: boolean, text: string): Item[] {
  if (ref.footnote)
    return plan.items.filter((i) => markersOf(i.text).includes(ref.path[0] as number)).slice(0, 1);
  if (ref.across) {
    const level = numberedAcross(plan) ? 2 : runningLevel(plan);
    const found = level
      ? plan.items.find((i) => i.level === level && i.number === ref.path[0])
      : lenient
        ? onlyNumbered(plan, ref.path[0] as number)
        : undefined;
    // 第九条（二）: the point under it.
    const point =
      found && ref.path.length === 2
        ? plan.items.find((i) => i.parent === found.id && i.number === ref.path[1])
        : found;
    return point ? [point] : [];
  }
  if (ref.partial) {
    const found = plan.items.filter(
      (i) => i.path.length === ref.path.length + 1 && samePath(i.path.slice(1), ref.path),
    );
    if (found.length === 1) return found;
    // 扬尘污染精细化管控行动第（一）条第3点: the section the question names by its title.
    const named = found.filter((i) =>
      namesSection(
        text,
        plan.sections.find((s) => s.number === i.path[0]),
      ),
    );
    return named.length === 1 ? named : [];
  }
  if (ref.hint) {
    // 二、工作目标: only a section whose title starts so.
    const section = plan.sections.find((s) => s.number === ref.path[0]);
    if (!section?.title.startsWith((ref.hint as string).slice(0, 2))) return [];
  }
  const exact = plan.items.find((i) => samePath(i.path, ref.path));
  if (exact) return [exact];
  // Items numbered across sections: 第四部分第一条 is the first item of section four, （十二）.
  if (ref.path.length === 2 && numberedAcross(plan)) {
    const inSection = plan.items.filter((i) => i.level === 2 && i.section === ref.path[0]);
    const nth = inSection[(ref.path[1] as number) - 1];
    if (nth) return [nth];
    // item 24(3) of a plan numbered across, which has no section 24: the point of item (24).
    if (!plan.sections.some((s) => s.number === ref.path[0]))
      return lookUp({ ...ref, across: true }, plan, lenient, text);
    return [];
  }
  if (ref.path.length === 1) {
    const items = plan.items.filter((i) => i.section === ref.path[0] && i.level === 2);
    // 第五部分的【推进燃气锅炉低氮改造】: the one item of the section whose whole title the question gives.
    const titled = items.filter((i) => i.title.length >= 4 && text.includes(i.title));
    return titled.length === 1 ? titled : items;
  }
  return [];
}

/** The plans to look in: the named ones, else those of the conversation, else all. */
function candidatePlans(query: Query, deps: ResolveDeps): readonly Plan[] {
  if (query.docs.length > 0) return deps.plans.filter((p) => query.docs.includes(p.doc));
  return deps.plans;
}

type Hit = { plan: Plan; items: Item[] };

/**
 * Which document's item a shared reference means: the conversation's document; else the local plan
 * over the plan it implements; else the one whose item the rest of the question is about (一(二)主要目标
 * → the plan whose 一(二) is 主要目标); else none (the question must say).
 */
function choose(hits: readonly Hit[], query: Query, deps: ResolveDeps): Hit | null {
  if (hits.length === 1) return hits[0] as Hit;
  const fromContext = hits.filter((h) => query.followUp?.context.docs.includes(h.plan.doc));
  if (fromContext.length === 1) return fromContext[0] as Hit;
  const specific = hits.filter((h) => !hits.some((o) => implementsPlan(o.plan, h.plan)));
  if (specific.length === 1) return specific[0] as Hit;
  const ranked = deps.index.search(query, { limit: 50, plans: specific.map((h) => h.plan) });
  const rank = (h: Hit) => {
    const at = ranked.findIndex((r) => h.items.includes(r.item));
    return at < 0 ? Number.POSITIVE_INFINITY : at;
  };
  const [best, next] = [...specific].sort((a, b) => rank(a) - rank(b));
  if (best && next && rank(best) === 0 && rank(next) > 2) return best;
  return withOwnWords(specific, query);
}

/**
 * The one hit whose item has words of the rest of the question that no other hit's item has, while
 * the others have none it lacks (（二十四）里的资金补助 → the plan whose (二十四) is on funds). Ranks
 * count within each plan, so each plan's own best item ties with the others' — words decide.
 */
function withOwnWords(hits: readonly Hit[], query: Query): Hit | null {
  const rest = textWithout(query.searchText, [...query.framing, ...query.refs.map((r) => r.written)]);
  const words = [...new Set(lexicalTerms(rest))].filter((w) => /^[\u4e00-\u9fff]{2,}$/.test(w));
  const has = (h: Hit) => new Set(words.filter((w) => h.items.some((i) => i.text.includes(w))));
  const found = hits.map(has);
  const own = found.map((f, i) => [...f].filter((w) => found.every((o, j) => j === i || !o.has(w))).length);
  const winners = own.flatMap((n, i) => (n > 0 ? [i] : []));
  return winners.length === 1 ? (hits[winners[0] as number] as Hit) : null;
}

/** Resolves a cited item, or a section's items. */
export const citedItem: Handler = (query, deps): Resolved | null => {
  const ref = query.refs[0];
  if (!ref) return null;
  const plans = candidatePlans(query, deps);
  const found = (lenient: boolean) =>
    plans
      .map((plan) => ({ plan, items: lookUp(ref, plan, lenient, query.text) }))
      .filter((h) => h.items.length > 0);
  // A number that runs across a plan's items names them first; a plan's one item with that number
  // only when no plan numbers so.
  const strict = found(false);
  const hits = strict.length > 0 || !ref.across ? strict : found(true);
  const c = citing(query, deps);
  if (hits.length === 0) {
    if (ref.path.length === 1) return null; // 第二部分 of no document: read it as a topic
    const plan = plans.find((p) => p.sections.some((s) => s.number === ref.path[0]));
    if (!plan) return null;
    const parent = ref.path.slice(0, -1);
    const siblings = plan.items.filter(
      (i) => i.path.length === ref.path.length && samePath(i.path.slice(0, -1), parent),
    );
    return notCovered(query, deps, "no_such_item", ref.written, siblings);
  }
  const chosen = choose(hits, query, deps);
  if (!chosen) {
    return notCovered(
      query,
      deps,
      "ambiguous_item",
      ref.written,
      hits.flatMap((h) => h.items.slice(0, 1)),
    );
  }
  const asksMore = query.text.replace(ref.written, "").trim().length > 1;
  const citations = chosen.items.map((item) =>
    citeItem(item, asksMore ? quoteFor(deps.index, item, query) : headQuote(item), 1, c),
  );
  // A section asked as a whole (第五部分讲哪些) whose text is all in its items: its heading comes first.
  const section =
    ref.path.length === 1 && chosen.items.length > 1
      ? chosen.plan.sections.find((s) => s.number === ref.path[0])
      : undefined;
  if (section) citations.unshift(citeSection(chosen.plan, section, c));
  return resolved(query, "answered", { kind: "item", focus: focusOf(query), related: [] }, citations);
};

/** What a question asked about its items: whose task it is, or when. */
export function focusOf(query: Query): "departments" | "deadlines" | null {
  if (query.intents.includes("who") || query.role !== null) return "departments";
  if (query.intents.includes("when")) return "deadlines";
  return null;
}
