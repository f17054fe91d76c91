/**
 * Retrieval for the resolver: fused search within the documents a question is about, the
 * not-covered decision, and the quote that answers the question within an item.
 */
import type { Item, Plan } from "../corpus/index.js";
import { lexicalTerms, type SearchHit, type SearchIndex } from "../search/index.js";
import type { Query } from "../understand/index.js";
import { bestQuote } from "./quote.js";

/** Below this much matched IDF a question shares too little with the plans to be answered. */
export const MIN_COVERAGE = 2;
/** The same bar for English questions, whose plan terms all come from the lexicon. */
export const MIN_COVERAGE_EN = 1.5;
/** …unless the best item is at least this similar to the question. */
export const MIN_SIMILARITY = 0.3;

/** The plans a query is about: those it names (or the conversation kept), else all. */
export function scopeOf(query: Query, plans: readonly Plan[]): readonly Plan[] | undefined {
  if (query.docs.length === 0) return undefined;
  const named = plans.filter((p) => query.docs.includes(p.doc));
  return named.length > 0 ? named : undefined;
}

/** Hits already found for a query (several handlers may look at the same ranking). */
const found = new WeakMap<Query, { limit: number; hits: SearchHit[] }>();

/** Fused search for a query within its scope; `within` keeps only those items (a follow-up's narrowing). */
export function retrieve(
  index: SearchIndex,
  query: Query,
  limit: number,
  within?: ReadonlySet<Item>,
): SearchHit[] {
  const wanted = within ? 1000 : Math.max(limit, 20);
  let known = found.get(query);
  if (!known || known.limit < wanted) {
    known = {
      limit: wanted,
      hits: index.search(query, { limit: wanted, plans: scopeOf(query, index.plans) }),
    };
    found.set(query, known);
  }
  const hits = within ? known.hits.filter((h) => within.has(h.item)) : known.hits;
  return hits.slice(0, limit);
}

/**
 * Whether the documents cover a question. Chinese: the words it shares with the corpus must outweigh
 * the words it does not (明天 + 天气 is not about the plan). English: its words must map to plan
 * terms (the lexicon), to latin terms the plan uses (VOCs, PM2.5) or to Chinese it quotes.
 */
export function covers(index: SearchIndex, query: Query, top: SearchHit | undefined): boolean {
  if (!top) return false;
  const docs = query.docs.length > 0 ? new Set(query.docs) : undefined;
  if (query.lang === "en") {
    const own = query.text.match(/[a-z][a-z0-9.]*[a-z0-9]|[\u4e00-\u9fff]+/gi) ?? [];
    const c = index.coverage([...query.expansions, ...own].join(" "), { docs });
    // English words reach the plan only through the lexicon, so one mapped term (target → 目标) is
    // evidence enough; words it cannot map do not count against the question.
    return c.matchedIdf >= MIN_COVERAGE_EN;
  }
  const c = index.coverage(query.searchText, { generalWords: "discount", docs });
  if (c.matchedIdf < MIN_COVERAGE && top.similarity < MIN_SIMILARITY) return false;
  // Two independent rankers agreeing on the same item is evidence the chatter around it
  // (下午开会要用：…) does not outweigh.
  const agreed = top.vectorRank === 1 && top.lexicalRank === 1;
  return c.matchedIdf > c.unmatchedWeight || (agreed && c.matchedIdf >= MIN_COVERAGE);
}

/** The terms of each passage of an item, computed once per passage (quotes are chosen on every answer). */
const passageTerms = new WeakMap<Item, Map<string, string[]>>();

function termsIn(item: Item): (text: string) => string[] {
  let known = passageTerms.get(item);
  if (!known) {
    known = new Map();
    passageTerms.set(item, known);
  }
  const cache = known;
  return (text) => {
    let terms = cache.get(text);
    if (!terms) {
      terms = lexicalTerms(text);
      cache.set(text, terms);
    }
    return terms;
  };
}

/** The passage of an item that answers the query (verbatim). */
export function quoteFor(index: SearchIndex, item: Item, query: Query): string {
  const terms = new Set(lexicalTerms(query.searchText));
  return bestQuote(item, (t) => index.idf(t), terms, termsIn(item));
}
