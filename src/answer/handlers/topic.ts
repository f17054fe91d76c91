/**
 * A question about the content: the items retrieval finds, or not covered when the documents do not
 * share enough of its words. A who- or when-question about a topic puts the departments or the
 * deadlines of the items first.
 */
import { type Item, type Plan, parseSmallNumeral } from "../../corpus/index.js";
import { lexicalTerms, type SearchHit } from "../../search/index.js";
import type { Query } from "../../understand/index.js";
import { citeItem, itemLink } from "../citation.js";
import { citing, type Handler, itemOf, type ResolveDeps, resolved } from "../deps.js";
import { covers, goalsFirst, grantingFirst, measuresFirst, quoteFor, retrieve } from "../retrieval.js";
import { focusOf } from "./cite.js";
import { notCovered } from "./not-covered.js";

/** Further citations are kept while they score at least this share of the first. */
export const RELATED_SHARE = 0.7;
/** A point scoring above this share of the first keeps the item they share first (see topic). */
const POINT_LEADS = 0.9;
/**
 * …or above this share, when it gives the figure a question asks for and the item has none, or the item is a
 * heading that says no more than its title and the point is the only one of its points found.
 */
const NEAR_POINT_LEADS = 0.8;
/** A previous item found among the best for an aspect follow-up leads only when its score is this share of the best's. */
const PREVIOUS_NEAR = 0.75;
/** At most this many items are cited for one topic. */
const MAX_ITEMS = 3;

const round = (x: number) => Math.round(x * 1000) / 1000;

/** Resolves a topic question by retrieval (within the previous items for a narrowing follow-up). */
export const topic: Handler = (query, deps) => {
  const previous =
    query.followUp?.kind === "within"
      ? query.followUp.context.items
          .map((k) => itemOf(deps.plans, k))
          .filter((i): i is Item => i !== undefined)
      : null;
  let hits = retrieve(deps.index, query, 5, previous ? new Set(previous) : undefined);
  // "这几条里哪条讲散煤" when none of them does: the sections they stand in (what was shown was a part).
  if (previous && !covers(deps.index, query, hits))
    hits = retrieve(deps.index, query, 5, sectionsOf(previous, deps.plans));
  const covered = covers(deps.index, query, hits) && !asksAnotherYear(query, deps.plans);
  // 国家层面呢？ after a city's item: the national items the previous ones implement come first, and
  // answer even when the national plan words the topic otherwise (优良天数 of a city's targets).
  const counterparts = counterpartsOf(query, deps, hits[0]?.score ?? 1);
  if (counterparts.length > 0) {
    const known = new Set(counterparts.map((h) => h.item));
    hits = [...counterparts, ...(covered ? hits.filter((h) => !known.has(h.item)) : [])];
  }
  // 监测那一块呢 after the items on coking plants: the previous item that has the new topic comes first.
  if (query.followUp?.kind === "aspect" && covered) hits = previousFirst(hits, query.followUp.context.items);
  // 国四的淘汰几辆 after the item on diesel trucks: a new topic said so briefly that the previous item, found
  // near the best and writing every word of it, is what it narrows.
  if (query.followUp?.kind === "scope" && covered) {
    // (Words no plan writes — 几辆 — are the asking, not the topic.)
    const words = lexicalTerms(query.searchText).filter((w) => !w.startsWith("~") && deps.index.idf(w) > 0);
    const first = query.followUp.context.items[0];
    const writesAll = hits.some(
      (h) =>
        h.item.doc === first?.doc && h.item.id === first.id && words.every((w) => h.item.text.includes(w)),
    );
    if (first && words.length > 0 && writesAll) hits = previousFirst(hits, [first]);
  }
  // 燃气锅炉呢，低氮改造何时完成 after the item on biomass boilers: a thing of the previous question's kind swapped
  // in after a clause (no case checked) is asked of the previous item when that item, found among the best,
  // writes the thing too.
  const swappedIn = query.followUp?.kind === "facts" && query.followUp.context.kind === "item";
  const previousItem = swappedIn ? query.followUp?.context.items[0] : undefined;
  if (covered && previousItem && query.facts.entities.length > 0) {
    const writesThing = hits
      .slice(0, 5)
      .some(
        (h) =>
          h.item.doc === previousItem.doc &&
          h.item.id === previousItem.id &&
          query.facts.entities.every((e) => h.item.text.includes(e.mention)),
      );
    if (writesThing) hits = previousFirst(hits, [previousItem]);
  }
  // 有补贴吗 of a topic: the item found that grants it, beside the item on the topic itself.
  if (covered) hits = grantingFirst(query, hits, aspectOf(query, deps.plans));
  // 今年的目标是啥: the entry the plan gives its goals in.
  if (covered) hits = goalsFirst(deps.index, query, hits);
  // 秸秆焚烧怎么管的, found first among a plan's aims: the item that orders it.
  if (covered) hits = measuresFirst(query, hits, RELATED_SHARE);
  const top = hits[0];
  if (!top || (counterparts.length === 0 && !covered)) return notCovered(query, deps);
  const kept = hits.filter((h, i) => i === 0 || h.score >= top.score * RELATED_SHARE).slice(0, MAX_ITEMS);
  // Several points of one item found together (6.1.1, 6.1, 6.1.2): the question is about the item, whose
  // heading comes first — when the points are parts of its task.
  const parentOf = (h: (typeof kept)[number]) =>
    kept.find((k) => k.item.id === h.item.parent && k.item.doc === h.item.doc);
  const head = parentOf(kept[0] as (typeof kept)[number]);
  if (head && !query.intents.includes("when")) {
    const siblings = kept.filter((h) => h.item.parent === head.item.id && h.item.doc === head.item.doc);
    // Points that each name their own departments are tasks of their own, not parts of the item's one
    // task: the one the question found first stays first.
    const tasks = siblings.every((h) => h.item.departments.length > 0);
    // A point the question finds clearly before its siblings (秸秆禁烧期是哪几段时间 → the point that
    // gives them) is what it asks, not the item they share.
    const [first, second] = siblings;
    const leads = first !== undefined && second !== undefined && second.score < first.score * POINT_LEADS;
    if (siblings.length >= 2 && !tasks && !leads) kept.unshift(...kept.splice(kept.indexOf(head), 1));
  }
  // A heading that says no more than its title (（三）持续压减燃煤锅炉。(X牵头…)) — or one without a figure when
  // the question asks how many — found first beside its point the question finds clearly before the other
  // points: the point says what is asked.
  const [lead, ...rest] = kept;
  const points = rest.filter((h) => h.item.parent === lead?.item.id && h.item.doc === lead?.item.doc);
  const [point, other] = points;
  // (The figure asked for is the point's alone: it may score a little further below the heading.)
  const givesFigure =
    lead !== undefined &&
    point !== undefined &&
    ASKS_FIGURE.test(query.text) &&
    lead.item.quantities.length === 0 &&
    point.item.quantities.length > 0;
  if (
    lead &&
    point &&
    (headingOnly(lead.item) || givesFigure) &&
    // (A heading alone gives way at the lower share only to a point found without its siblings: several found
    // together are the heading's parts, and it stays first.)
    point.score >= lead.score * (givesFigure || !other ? NEAR_POINT_LEADS : POINT_LEADS) &&
    (!other || other.score < point.score * POINT_LEADS)
  )
    kept.unshift(...kept.splice(kept.indexOf(point), 1));
  // 严防散煤复烧的第（1）点: a point asked by its number with its item's topic — the item found first, or the
  // item of the point found first, has it.
  const asked = query.refs.length === 0 ? POINT_ASKED.exec(query.text) : null;
  const number = asked ? parseSmallNumeral(asked[1] as string) : null;
  const found = kept[0]?.item;
  if (number && found) {
    const pointOf = (parent: Item) =>
      deps.plans
        .find((p) => p.doc === parent.doc)
        ?.items.find((i) => i.parent === parent.id && i.number === number);
    const parent = deps.plans.find((p) => p.doc === found.doc)?.items.find((i) => i.id === found.parent);
    const point = pointOf(found) ?? (parent ? pointOf(parent) : undefined);
    if (point && point !== found) {
      const at = kept.findIndex((h) => h.item === point);
      const hit = at >= 0 ? (kept.splice(at, 1)[0] as SearchHit) : { ...(kept[0] as SearchHit), item: point };
      kept.unshift(hit);
    }
  }
  // Asked when, a heading without a date of its own (4.3) gives way to its own part that has one (4.3.1).
  if (query.intents.includes("when") && top.item.deadlines.length === 0) {
    const dated = kept.findIndex(
      (h) => h.item.deadlines.length > 0 && h.item.parent === top.item.id && h.item.doc === top.item.doc,
    );
    if (dated > 0) kept.unshift(...kept.splice(dated, 1));
  }
  const c = citing(query, deps);
  const citations = kept.map((h) =>
    citeItem(h.item, quoteFor(deps.index, h.item, query), round(h.score / top.score), c),
  );
  const related = deps.index.related(top.item, 3).map((i) => itemLink(i, c));
  return resolved(query, "answered", { kind: "item", focus: focusOf(query), related }, citations);
};

/**
 * A question about a year the documents it names never write (宣化2026年的PM2.5目标 of a plan for 2025):
 * what they say of their own years is no answer to it.
 */
function asksAnotherYear(query: Query, plans: readonly Plan[]): boolean {
  // Asked when a task is due, a year said is the asker's guess or a season's span, not what is asked of.
  if (query.docs.length === 0 || query.followUp || query.intents.includes("when")) return false;
  // 2024—2025年秋冬季: the season's first year.
  // (An English question writes its year bare: "the target for 2026".)
  const year =
    query.lang === "en"
      ? /(?<![\d.\-–—]\s*)\b(20\d\d)\b(?!\s*[—–\-~]\s*20\d\d)/g
      : /(?<!\d\s*[—–\-~至到]\s*)(20\d\d)(?:\s*[—–\-~至到]\s*20\d\d)?\s*年/g;
  const years = [...query.text.matchAll(year)].map((m) => m[1] as string);
  const named = plans.filter((p) => query.docs.includes(p.doc));
  // 2025—2026年秋冬季, 2025年10月至2026年3月: a season reaching into the next year, no year of its own.
  const writes = (p: Plan, y: string) =>
    new RegExp(`(?<!(?:\\d{4}|月|日)\\s*[—–\\-~至到]\\s*)${y}`).test(p.source);
  return years.length > 0 && years.some((y) => !named.some((p) => writes(p, y)));
}

/** The item the previous answer was about, for a follow-up asking an aspect of it. */
function aspectOf(query: Query, plans: readonly Plan[]): Item | undefined {
  return query.followUp?.kind === "aspect" ? itemOf(plans, query.followUp.context.items[0]) : undefined;
}

/** The hits with the previous answer's foremost item found among the first few moved to the front. */
function previousFirst(hits: SearchHit[], items: ReadonlyArray<{ doc: string; id: string }>): SearchHit[] {
  // The previous answer's items in its order: its first item is what it was about, the aspect asked one of
  // its own wherever among the best it is found (清洁运输那块呢 after the steel item). One cited beside it
  // (the goals cited after the site-dust item, for 道路扬尘那块呢) has the new topic only when found near the best.
  const best = hits[0]?.score ?? 0;
  const top = hits.slice(0, 5);
  for (const [n, k] of items.entries()) {
    const at = top.findIndex(
      (h) => k.doc === h.item.doc && k.id === h.item.id && (n === 0 || h.score >= best * PREVIOUS_NEAR),
    );
    if (at >= 0) return at > 0 ? [hits[at] as SearchHit, ...hits.slice(0, at), ...hits.slice(at + 1)] : hits;
  }
  return hits;
}

/**
 * For a follow-up asking the previous topic of another document: the item of that document the
 * previous answer's first item implements, as a hit that leads the ranking.
 */
function counterpartsOf(query: Query, deps: ResolveDeps, score: number): SearchHit[] {
  const followUp = query.followUp;
  // Also a check's case asked of another document whose rules say nothing of it (国家层面呢, asked after a check).
  const elsewhere = followUp?.kind === "facts" && query.docs.some((d) => !followUp.context.docs.includes(d));
  if (followUp?.kind !== "topic" && !elsewhere) return [];
  const asked = new Set(query.docs);
  // The previous answer's first item is what it was about; the others were related.
  const items = (followUp?.context.items ?? [])
    .slice(0, 1)
    .map((k) => itemOf(deps.plans, k))
    .flatMap((previous) => {
      if (!previous) return [];
      const implemented = deps.index.implementedItem(previous);
      if (implemented && asked.has(implemented.doc)) return [implemented];
      // 市里的呢 after a national item: the asked plan's items that implement it.
      const implementing = deps.plans
        .filter((p) => asked.has(p.doc) && p.doc !== previous.doc)
        .flatMap((p) => p.items.filter((i) => deps.index.implementedItem(i) === previous));
      if (implementing.length > 0 || asked.has(previous.doc)) return implementing;
      // A broad item (VOCs fugitive emissions, a dozen measures) neither implements one item nor is
      // implemented by one: the sentence the previous question was about (储罐呼吸阀) finds its
      // counterpart when one item of the asked plan clearly leads the others on it.
      const sentence = sentenceAbout(previous.text, followUp?.context.question ?? "");
      if (!sentence) return [];
      const [best, runnerUp] = deps.index.lexicalSearch(sentence, 2, asked);
      return best && (!runnerUp || best.score >= CLEAR_LEAD * runnerUp.score) ? [best.item] : [];
    });
  return [...new Set(items)].map((item) => ({
    item,
    score,
    similarity: 1,
    vectorRank: null,
    lexicalRank: null,
  }));
}

/** How many times the runner-up's lexical score the counterpart of a sentence must reach. */
const CLEAR_LEAD = 2;

/** The sentence of an item sharing the most two-character pieces (at least two) with a question, if any. */
function sentenceAbout(text: string, question: string): string | null {
  const pieces = (t: string) => {
    const han = t.match(/\p{Script=Han}/gu) ?? [];
    return new Set(han.slice(1).map((c, i) => `${han[i]}${c}`));
  };
  const asked = pieces(question);
  let best: { sentence: string; shared: number } | null = null;
  for (const sentence of text.split(/[。；;！!？?]/)) {
    const shared = [...pieces(sentence)].filter((p) => asked.has(p)).length;
    if (shared >= 2 && (!best || shared > best.shared)) best = { sentence, shared };
  }
  return best?.sentence ?? null;
}

/** 第（1）点, 第二点, 第2小点: a point asked by its number. */
const POINT_ASKED = /第\s*[(（]?\s*([一二三四五六七八九十\d]{1,2})\s*[)）]?\s*(?:小)?点/;

/** A question asking a figure: 多少, 几台, how many, what share. */
const ASKS_FIGURE =
  /多少|几[个台家辆户项座条万千百]|how (?:many|much)|what (?:share|percentage|proportion|rate)/i;

/** Longest text (without its brackets) of an item that is only its heading. */
const HEADING_ONLY = 40;

/** Whether an item says no more than its title: its text, brackets of departments and dates aside, is short. */
function headingOnly(item: Item): boolean {
  return item.text.replace(/[（(〔【［][^）)〕】］]*[）)〕】］]/g, "").length <= HEADING_ONLY;
}

/** Every item of the sections the given items stand in. */
function sectionsOf(items: readonly Item[], plans: readonly Plan[]): Set<Item> {
  const keys = new Set(items.map((i) => `${i.doc}#${i.section}`));
  return new Set(plans.flatMap((p) => p.items.filter((i) => keys.has(`${i.doc}#${i.section}`))));
}
