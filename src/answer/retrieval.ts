/**
 * Retrieval for the resolver: fused search within the documents a question is about, the
 * not-covered decision, and the quote that answers the question within an item.
 */
import { join } from "node:path";
import { z } from "zod";
import { type Item, type Plan, projectPaths, readYamlFile } from "../corpus/index.js";
import { IDF_UNIT, lexicalTerms, type SearchHit, type SearchIndex } from "../search/index.js";
import { askingWords, type Query, refusingKinds, textWithout } from "../understand/index.js";
import { bestQuote } from "./quote.js";

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

/** What the not-covered decision weighs for one question (see data/not-covered.yaml). */
export interface CoverageFeatures {
  lang: Query["lang"];
  matched: number;
  unmatched: number;
  /** English: the rarity of the plan terms the dictionary gives for the asker's words (weak evidence). */
  translated: number;
  agreed: number;
  similarity: number;
  offTopic: number;
  /** 1 when the question names the document it asks about (国家计划里…) and some of its words are there. */
  named: number;
  /**
   * 1 when it also names a place outside every named local plan (叶县 asked of a neighbouring county's plan):
   * not weighed but decisive — a county's plan says nothing of another county, however much else it shares.
   */
  elsewhere?: number;
}

/**
 * The asking vocabulary's patterns this module reads, compiled once per vocabulary: whole when- and
 * who-words (a plan term that is itself one: 期限, 牵头单位), and every who-word and role word in a text
 * (由谁 | 牵头: data/asking.yaml `whoAsk` and `roles`).
 */
function asking(): { whole: RegExp[]; who: RegExp; when: RegExp; roles: RegExp } {
  const w = askingWords();
  if (compiled?.words !== w) {
    const roles = [...Object.values(w.roles), w.anyRole].map((re) => re.source).join("|");
    compiled = {
      words: w,
      whole: [w.whenAsk, w.whoAsk].map((re) => new RegExp(`^(?:${re.source})$`, "iu")),
      who: new RegExp(w.whoAsk.source, "gi"),
      when: new RegExp(w.whenAsk.source, "gi"),
      roles: new RegExp(roles, "gi"),
    };
  }
  return compiled;
}
let compiled: {
  words: ReturnType<typeof askingWords>;
  whole: RegExp[];
  who: RegExp;
  when: RegExp;
  roles: RegExp;
} | null = null;

/** A plan term that is itself a when- or who-question's word (期限, 时限, 牵头单位). */
function isAskingTerm(term: string): boolean {
  return asking().whole.some((re) => re.test(term));
}

/** The features of a question against the best item retrieval found for it. */
export function coverageFeatures(index: SearchIndex, query: Query, top: SearchHit): CoverageFeatures {
  const docs = query.docs.length > 0 ? new Set(query.docs) : undefined;
  const common = {
    lang: query.lang,
    agreed: top.vectorRank === 1 && top.lexicalRank === 1 ? 1 : 0,
    similarity: top.similarity,
    offTopic: query.offTopicCue ? 1 : 0,
  };
  // Naming the document is evidence only for words the document has: "the city plan on
  // football" names it, and nothing in it is about football.
  const named = (matched: number, translated: number) => (query.named && matched + translated > 0 ? 1 : 0);
  if (query.lang === "en") {
    // English reaches the documents through the vocabulary: its plan terms and any Chinese it quotes
    // are the evidence; its words that nothing carries over count against it.
    const own = query.text.match(/[a-z][a-z0-9.]*[a-z0-9]|[\u4e00-\u9fff]+/gi) ?? [];
    const c = index.coverage([...query.expansions, ...own].join(" "), { docs });
    const t = index.coverage(query.translations.join(" "), { generalWords: "discount", docs });
    // Asked of documents it names, a word none of whose plan terms they have is carried nowhere (the
    // deployment's default documents are no such evidence: the question did not choose them). One of its
    // terms there is enough (监测 of 监测 空气站).
    // (A when- or who-word's terms — deadline → 期限 — ask, they are no topic the documents must have.)
    const absent =
      docs && query.named
        ? query.expansions.filter((e) => {
            const terms = e.split(/\s+/).filter(Boolean);
            return (
              terms.length > 0 &&
              !terms.every(isAskingTerm) &&
              terms.every((t) => index.coverage(t, { docs }).matchedWords.length === 0)
            );
          }).length
        : 0;
    // A year the documents never name ("by 2030" of plans to 2025) is a time they do not cover.
    const years = (query.text.match(/\b(?:19|20)\d\d\b/g) ?? []).filter((y) => index.idf(y) === 0).length;
    return {
      ...common,
      matched: c.matchedIdf,
      unmatched: (query.unbridged.length + absent + years) * IDF_UNIT,
      translated: t.matchedIdf,
      // As in Chinese: a genre topic the named documents lack is not found by naming them.
      named: absent > 0 ? 0 : named(c.matchedIdf, t.matchedIdf),
    };
  }
  // (A who-question's words and the role asked after them — 由谁 | 牵头 — ask, they are no topic the documents
  // must write: a plan that labels its leads 源头 never says 牵头.)
  const { who, when, roles } = asking();
  // (Nor do a when-question's words — 截止日期, 完成时限 — name a topic: a plan that writes 9月30日前 never says 截止.)
  const unasked = textWithout(query.searchText, query.framing).replace(who, " ");
  const asked = query.intents.includes("when") ? unasked.replace(when, " ") : unasked;
  const c = index.coverage(query.intents.includes("who") ? asked.replace(roles, " ") : asked, {
    generalWords: "discount",
    docs,
    own: query.text,
  });
  return {
    ...common,
    elsewhere: c.elsewhere.length > 0 ? 1 : 0,
    matched: c.matchedIdf,
    unmatched: c.unmatchedWeight,
    translated: 0,
    // A topic of the genre the named document never mentions (岸电 asked of an ozone plan) is not found
    // by naming it.
    named: c.absentTerms > 0 ? 0 : named(c.matchedIdf, 0),
  };
}

/** The weights of the not-covered score per language, and the threshold an answered question reaches. */
export const CoverageWeights = z.object({
  unmatched: z.number(),
  translated: z.number(),
  agreed: z.number(),
  similarity: z.number(),
  offTopic: z.number(),
  /** Absent in older files: naming the document adds nothing. */
  named: z.number().default(0),
  threshold: z.number(),
});
export type CoverageWeights = z.infer<typeof CoverageWeights>;
const CoverageFile = z.object({ zh: CoverageWeights, en: CoverageWeights });

let weights: z.infer<typeof CoverageFile> | undefined;
/** The calibrated weights (data/not-covered.yaml), read once. */
export function coverageWeights(): z.infer<typeof CoverageFile> {
  weights ??= CoverageFile.parse(readYamlFile(join(projectPaths().data, "not-covered.yaml")));
  return weights;
}

/** The not-covered score of a question's features under a language's weights. */
export function coverageScore(f: CoverageFeatures, w: CoverageWeights): number {
  return (
    f.matched +
    w.translated * f.translated -
    w.unmatched * f.unmatched +
    w.agreed * f.agreed +
    w.similarity * f.similarity -
    w.offTopic * f.offTopic +
    w.named * f.named
  );
}

/** Items whose text is looked at for the kind of answer a question asks for (money, a time of day). */
const ANSWER_ITEMS = 3;

/**
 * Whether the documents cover a question: its score against the best hit reaches the calibrated
 * threshold, and when it asks for a kind of answer only some items give (an amount of money, a time
 * of day), one of the first hits gives it.
 */
export function covers(index: SearchIndex, query: Query, hits: readonly SearchHit[]): boolean {
  const top = hits[0];
  if (!top) return false;
  const w = coverageWeights()[query.lang];
  const features = coverageFeatures(index, query, top);
  if (features.elsewhere || coverageScore(features, w) < w.threshold) return false;
  // (A kind that only ranks — 会有什么后果 — refuses nothing when no item gives it.)
  return givesAskedAnswer({ ...query, asksFor: refusingKinds(query.asksFor) }, hits.slice(0, ANSWER_ITEMS));
}

/**
 * Asked whether a thing is granted (有补贴吗: a kind whose evidence must share the question's words), the
 * item found that grants it comes first: the item on the works (清洁取暖改造) does not say what the item
 * on the policy beside it does (落实清洁取暖补贴). So does the item saying what befalls those who fail
 * (考核奖惩) beside the task itself, asked what follows from failing it (a kind that `leads`).
 */
export function grantingFirst(query: Query, hits: readonly SearchHit[], previous?: Item): SearchHit[] {
  const types = askingWords().answerTypes;
  const ranked = query.asksFor.filter((name) => types[name]?.shared || types[name]?.leads);
  if (ranked.length === 0 || hits.length === 0) return [...hits];
  const asked = { ...query, asksFor: ranked };
  // Asked after an answer (有补贴吗 after the one on brick lines), the item it was about, when it grants it,
  // wherever retrieval found it: the question asks of that item, not of whatever grants most.
  if (previous) {
    const found = hits.find((h) => h.item === previous);
    const lead = found ?? { ...(hits[0] as SearchHit), item: previous, vectorRank: null, lexicalRank: null };
    if (givesAskedAnswer(asked, [lead])) return [lead, ...hits.filter((h) => h !== found)];
  }
  if (givesAskedAnswer(asked, hits.slice(0, 1))) return [...hits];
  const granting = hits.slice(1, ANSWER_ITEMS).find((h) => givesAskedAnswer(asked, [h]));
  return granting ? [granting, ...hits.filter((h) => h !== granting)] : [...hits];
}

/**
 * A plan's goals asked (某县今年大气攻坚的目标是啥，PM2.5控制到多少) with no word the plan writes that the entry it
 * titles its goals in (主要目标, 工作目标) or its title does not: that entry comes first — its assessment item,
 * which repeats 目标, does not hold them. A goal of one thing (公交车新能源的目标) is that thing's item's.
 */
export function goalsFirst(index: SearchIndex, query: Query, hits: readonly SearchHit[]): SearchHit[] {
  const w = askingWords();
  const scope = scopeOf(query, index.plans);
  if (query.lang !== "zh" || scope?.length !== 1 || !w.goalAsk.test(query.text)) return [...hits];
  const plan = scope[0] as Plan;
  const goals = plan.items.find((i) => w.goalTitle.test(i.title));
  if (!goals || hits[0]?.item === goals) return [...hits];
  const written = (t: string) => plan.items.some((i) => i.text.includes(t) || i.title.includes(t));
  const words = lexicalTerms(query.searchText).filter(
    (t) => !t.startsWith("~") && t.length >= 2 && /\p{Script=Han}/u.test(t) && written(t),
  );
  // (Words naming the plan, 空气质量攻坚方案 of a 大气污染防治攻坚方案, are none of what is asked.)
  const held = (t: string) =>
    goals.text.includes(t) ||
    goals.title.includes(t) ||
    plan.meta.planTitle.includes(t) ||
    query.framing.some((f) => f.includes(t)) ||
    w.goalGeneral.test(t);
  if (!words.every(held)) return [...hits];
  const found = hits.find((h) => h.item === goals);
  const lead = found ?? {
    item: goals,
    score: hits[0]?.score ?? 1,
    vectorRank: null,
    lexicalRank: null,
    similarity: hits[0]?.similarity ?? 0,
  };
  return [lead, ...hits.filter((h) => h !== found)];
}

/**
 * A measure asked (秋收时烧秸秆怎么管的, how does the plan respond to sandstorms) where the best hit is a section that
 * frames the plan (总体要求, 工作目标): it names the topic among its aims but orders nothing, so the plan's item found
 * beside it — close in score — says what is done, and leads. (Asking the goals themselves keeps them: goalsFirst.)
 */
export function measuresFirst(query: Query, hits: readonly SearchHit[], share: number): SearchHit[] {
  const w = askingWords();
  const top = hits[0];
  if (top?.item.level !== 1 || !w.framingTitle.test(top.item.title)) return [...hits];
  if (!w.measureAsk.test(query.text) || w.goalAsk.test(query.text)) return [...hits];
  const measure = hits.find(
    (h) => h.item.doc === top.item.doc && h.item.level > 1 && h.score >= top.score * share,
  );
  return measure ? [measure, ...hits.filter((h) => h !== measure)] : [...hits];
}

/** How far (characters) before a figure a word may stand and still say what the figure is of. */
const FIGURE_REACH = 24;

/**
 * Whether the items give every kind of answer the question asks for. Of a kind items give for many
 * things (`near`: a share, a count), a figure of what it asks about: a share asked of 产能置换 is not
 * given by the clean-transport share beside it (清洁运输比例不小于80%). Some word of the question
 * (not its asking words: 比例, 是多少) that the item has must stand just before the figure, or shortly
 * after; items sharing none of its words are looked at whole, and only when none of the items shares one.
 */
export function givesAskedAnswer(query: Query, hits: readonly SearchHit[]): boolean {
  const w = askingWords();
  const types = w.answerTypes;
  const terms = [
    ...new Set(lexicalTerms(query.searchText).filter((t) => !t.startsWith("~") && t.length >= 2)),
  ];
  return query.asksFor.every((name) => {
    const type = types[name];
    const evidence = type?.evidence(query.measure);
    if (!type || !evidence) return true;
    if (!type.near && !type.shared) return hits.some((h) => evidence.test(h.item.text));
    const asking = (type.ask.exec(query.text)?.[0] ?? "").toLowerCase();
    // What the figure is of, without what kind of figure it is (臭氧浓度 → 臭氧). A year is none of it:
    // 2025年臭氧浓度 is not the 2025 PM2.5 figure.
    // (Nor the evidence itself: 补贴 carried from 补钱 is what is asked for, not what it is for — nor its unit:
    // 微克 of 多少微克 stands beside every figure in micrograms.)
    const named = terms
      .filter((t) => !asking.includes(t) && !/^\d+$/.test(t) && !evidence.test(t) && !evidence.test(`1${t}`))
      .map((t) => t.replace(w.measureWords, ""))
      .filter((t) => t.length >= 2);
    // No piece from inside a longer word: 氧化 of 二氧化硫 is no word of the question beside 氮氧化物's figure.
    // (Its head or tail may be one: 天数 of a mistyped 优两天数.)
    const inside = (t: string, o: string) => {
      const at = o.indexOf(t);
      return at > 0 && at + t.length < o.length;
    };
    const words = [...new Set(named)].filter((t) => !named.some((o) => inside(t, o)));
    const all = new RegExp(
      evidence.source,
      evidence.flags.includes("g") ? evidence.flags : `${evidence.flags}g`,
    );
    // Items that share none of its words answer only when none does (an English question's words); then
    // any figure of theirs counts, as for other kinds.
    const sharing = hits
      .map(({ item }) => ({ item, text: item.text.toLowerCase() }))
      .map((h) => ({ ...h, focus: words.filter((t) => h.text.includes(t)) }))
      .filter((h) => h.focus.length > 0);
    // (…unless it names, or is carried to, a thing in the plans' words — 二氧化硫 of "SO2" — that none of them has.)
    if (sharing.length === 0)
      return !words.some((t) => /\p{Script=Han}/u.test(t)) && hits.some((h) => evidence.test(h.item.text));
    if (!type.near) return sharing.some(({ item }) => evidence.test(item.text));
    return sharing.some(({ item, text, focus }) =>
      [...item.text.matchAll(all)].some((m) => {
        const after = text.slice(m.index, m.index + m[0].length + FIGURE_REACH / 3);
        // (A gloss in brackets between the word and its figure — 臭氧评价浓度（日最大8小时…）控制在 — is no
        // distance; a name in brackets, 细颗粒物（PM2.5）, still counts.)
        const unglossed = text
          .slice(Math.max(0, m.index - 4 * FIGURE_REACH), m.index)
          .replace(/[（(][^（）()]*[）)]/g, "")
          .slice(-FIGURE_REACH);
        const near = `${text.slice(Math.max(0, m.index - FIGURE_REACH), m.index)}${after} ${unglossed}${after}`;
        return focus.some((t) => near.includes(t));
      }),
    );
  });
}

/** The distinct terms of each passage of an item, computed once per passage (quotes are chosen on every answer). */
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
      terms = [...new Set(lexicalTerms(text))];
      cache.set(text, terms);
    }
    return terms;
  };
}

/**
 * The passage of an item that answers the query (verbatim). Asked when, of the passages about what is
 * asked, one that states a deadline answers it (2025年年底前…全部实现新能源化, not the sentence beside it).
 */
export function quoteFor(index: SearchIndex, item: Item, query: Query): string {
  const terms = new Set(lexicalTerms(query.searchText));
  const deadlines = query.intents.includes("when") ? item.deadlines.map((d) => d.text) : [];
  const statesDeadline = (passage: string) => deadlines.some((d) => passage.includes(d));
  // A sentence giving what is asked for (有补贴吗: 资金奖补) is favoured as one stating the deadline asked.
  const types = askingWords().answerTypes;
  const evidence = query.asksFor.flatMap((name) => {
    const type = types[name];
    return type?.shared ? [type.evidence(query.measure)] : [];
  });
  const gives = (passage: string) => evidence.some((e) => e.test(passage));
  return bestQuote(
    item,
    (t) => index.idf(t),
    terms,
    termsIn(item),
    (p) => statesDeadline(p) || gives(p),
  );
}
