/**
 * Hybrid retrieval over the items of every plan: an HNSW vector index (hashed n-gram embeddings)
 * and a BM25 lexical index, fused by item with reciprocal rank fusion. Built from the corpus and
 * cached on disk under a key of the corpus hash and the code's own hash, so a stale cache is never read.
 */
import { createHash } from "node:crypto";
import { join } from "node:path";
import { Document } from "@langchain/core/documents";
import {
  type Corpus,
  cityNames,
  departmentWords,
  type Item,
  implementersIn,
  implementsPlan,
  type Plan,
  provinceNames,
  sourceFingerprint,
} from "../corpus/index.js";
import { CACHE_FORMAT, type CachedIndex, CacheRejected, readIndexCache, writeIndexCache } from "./cache.js";
import { HashedNgramEmbeddings } from "./embeddings.js";
import { LexicalIndex } from "./lexical.js";
import { generalCounts, lexicalTerms, STOPWORDS, segmenter } from "./tokenize.js";
import { DEFAULT_HNSW, HnswVectorStore } from "./vector-store.js";
import {
  activeLexicon,
  activeSources,
  buildVocabularyData,
  cedictStamp,
  keynessOf,
  Vocabulary,
  type VocabularyData,
} from "./vocabulary/index.js";

export { cityNames, loadCityNames, provinceNames } from "../corpus/index.js";
export { placesByPinyin } from "./cities.js";
export { lexicalTerms, STOPWORDS, segmenter } from "./tokenize.js";
export {
  type Expansion,
  expandTerms,
  type Repair,
  type Repaired,
  VOCABULARY_SOURCES,
  Vocabulary,
  type VocabularySource,
} from "./vocabulary/index.js";

/** Embedding width of the plan index. */
export const DIMENSIONS = 512;

/** How the two rankings are fused: reciprocal rank fusion with a weight per index. */
export interface Fusion {
  /** RRF constant: small because the lists are short (dozens of items). */
  k: number;
  vectorWeight: number;
  lexicalWeight: number;
  /**
   * The lexical ranker's weight for a question in English: it reaches the plans through the vocabulary's plan
   * terms, which the lexical index matches as such, while the vector ranker reads English and the terms
   * mixed (measured on the English questions of the development set: first 94.8 % at 2, 95.9 % at 4).
   */
  englishLexicalWeight: number;
  /**
   * How far a lexical match's share of the best lexical score in the scope scales its rank's weight (0:
   * plain RRF). Plain RRF gives a clear lexical first little more than a weak second, which a vector first
   * then outranks; the share's power lets the gap count. Measured on the development sets: 0.25 (first
   * +0.2 points on each, top-3 −0.2 / −0.1); 0.5 and 1 cost top-3 more (−0.3 / −0.5). The share is of the
   * best in the whole scope, not of the item's own plan (51st round: genre dev first +0.3, dev +0.1): ranks
   * count within each plan, so a plan's best match, however weak, had a strong plan's full first weight.
   */
  lexicalScoreShare?: number;
}

/** Scopes with fewer items than this are ranked by exact cosine rather than a filtered graph search. */
export const EXACT_BELOW = 2000;

/** How many candidates each ranker hands to fusion (more only when more results are asked for). */
export const CANDIDATES = 100;
/** The plans of this many best lexical matches are ranked by vector within themselves when none of their items is among the vector ranker's candidates. */
export const VECTOR_RANKED_LEXICAL_PLANS = 10;

/** Measured on the gold set (npm run bench prints the comparison) and, for the score share, the development sets. */
export const DEFAULT_FUSION: Fusion = {
  k: 5,
  vectorWeight: 1,
  lexicalWeight: 2,
  englishLexicalWeight: 4,
  lexicalScoreShare: 0.25,
};
/**
 * Score factor for items of a plan that another loaded plan implements (the national plan beside a
 * city's), when the question names no plan: the specific plan answers first on a shared topic.
 */
export const GENERAL_PLAN_FACTOR = 0.6;
/** How many document masks (for searches within named documents) are kept. */
const MASKS_KEPT = 64;
/**
 * A general plan is not weighed down when its best lexical (BM25) match scores this many times the
 * implementing plans' best and the question has a word only it uses: the topic is its own (火炬
 * flares in the national plan, which the city's never names).
 */
export const GENERAL_PLAN_OUTWEIGHS = 1.5;
/** Shortest item title whose verbatim presence in a question ranks its item first. */
const TITLE_MATCH = 4;
/** "Which areas count as key regions?", "What places does it treat as…?": a question asking what a term takes in. */
const ASKS_MEMBERS =
  /\b(?:which|what)\b[^?]{0,60}?\b(?:counts? as|counted as|treats? as|treated as|considered|belongs? to|included in|make up|fall under)\b/i;
/** Below this cosine similarity an item of the implemented plan is not linked as the one implemented. */
export const IMPLEMENTS_SIMILARITY = 0.35;

/** Han characters of the asker's words an item must write in one run to lead by it (see {@link phraseFirst}). */
const PHRASE_RUN = 6;
/** …by this many characters more than any other of the first {@link PHRASE_POOL} hits writes… */
const PHRASE_MARGIN = 3;
const PHRASE_POOL = 5;
/** …when it scores at least this share of the first. */
const PHRASE_NEAR = 0.85;

/** The longest run of characters of `a` (the asker's words, punctuation taken out) that `text` writes as one. */
function longestRun(a: string, text: string): number {
  let best = 0;
  for (let i = 0; i + best < a.length; i++)
    for (let n = best + 1; i + n <= a.length && text.includes(a.slice(i, i + n)); n++) best = n;
  return best;
}

/**
 * A hit near the first that writes a long run of the asker's words as they stand (重点区域平原地区散煤), clearly
 * longer than any other hit does, leads: the words say what the question is about — the item that only shares
 * one term of it (重点区域, the regions' definition) is found near by the vector of that term. Ranks in place.
 */
function phraseFirst(asked: string, ranked: SearchHit[]): void {
  if (!/\p{Script=Han}{6}/u.test(asked.replace(/[^\p{Script=Han}]/gu, ""))) return;
  const top = ranked[0];
  if (!top) return;
  // (Within the first hit's plan: another plan of the same place writes the place's name beside its own words.)
  const pool = ranked.slice(0, PHRASE_POOL).filter((h) => h.item.doc === top.item.doc);
  const words = asked.replace(/[^\p{Script=Han}\p{L}\p{N}]/gu, "");
  const runs = pool.map((h) => longestRun(words, h.item.text));
  const best = Math.max(...runs);
  const at = runs.indexOf(best);
  const leader = pool[at];
  if (
    leader &&
    leader !== top &&
    best >= PHRASE_RUN &&
    runs.every((r, i) => i === at || r <= best - PHRASE_MARGIN) &&
    leader.score >= top.score * PHRASE_NEAR
  ) {
    ranked.splice(ranked.indexOf(leader), 1);
    ranked.unshift({ ...leader, score: top.score });
  }
}

/** One retrieved item. `score` is the fused score; ranks are 1-based, null when that index missed it. */
export interface SearchHit {
  item: Item;
  score: number;
  vectorRank: number | null;
  lexicalRank: number | null;
  /** Cosine similarity of the query and the item. */
  similarity: number;
}

/** What the query shares with the corpus: drives the not-covered decision. */
export interface Coverage {
  /** Sum of IDF over the query's words that occur in the corpus, in {@link IDF_UNIT}s of the rarest IDF. */
  matchedIdf: number;
  /** Query words that occur in the corpus. */
  matchedWords: string[];
  /** Content words of the query that occur nowhere in the corpus (numbers and question words aside). */
  unmatchedWords: string[];
  /** How much the unmatched words weigh against the question: {@link IDF_UNIT} each, less for verbs and the like. */
  unmatchedWeight: number;
  /** Unmatched words that other documents use but the named ones (`docs`) lack: topics they do not cover. */
  absentTerms: number;
  /** The IDF a word found in one item only would have (what a known lexicon word counts as matched). */
  rareIdf: number;
  /**
   * Places the question names that lie outside every named document (叶县 asked of a neighbouring county's
   * plan): a local plan says nothing of them, whatever else the question shares with it.
   */
  elsewhere: string[];
}

/** Words that ask rather than say: never counted as unmatched content. */
/**
 * The scale of rarity in coverage: a word only one item uses counts this much, whatever the size of
 * the corpus, and so does a content word the documents lack, against the question. IDF itself grows
 * with every document added (ln N) and would make the same question more covered, or less, in a
 * larger corpus; coverage divides it by the rarest IDF and multiplies by this unit. 4 is about that
 * IDF in a single city's plan beside the national one, where the weights were first calibrated.
 */
export const IDF_UNIT = 4;

const QUESTION_WORDS = new Set(
  "文件 文件里 怎么 怎么样 怎样 如何 几点 出自 哪条 哪一条 一条 哪项 哪里 规定 说 讲 讲的是 说的是 是否 能否 可以 可不可以 算不算 属于 适用 必须 应该 还能 还 也 到底 啥 吗 呢 关于 里面 里 中 请 问 谁 该 得 管 用 给 没 不 了 有人 提到 内容 原文 谁管 归谁管 这事 咋回事 回事 听说 以后 今后 现在 将来 还要 都 都得 得 不会 会不会 要不要 是不是".split(
    " ",
  ),
);

/** Words for "everywhere" that say where, not what. */
const EVERYWHERE = ["全国", "全省", "全市", "全县", "中国"];

/** A question about a plan's neighbours: the places it names beside the plan's are asked as such. */
const NEIGHBOURS = /周边|周围|邻近|相邻|接壤|毗邻|交界|联防|联控|协作|兄弟/;
/** Where the asker is from or lives (我是某市来的), just before a place: not what is asked about. */
const ASKER_FROM = /(?:我|俺|本人)(?:们)?(?:是|係|系|在|从|從|来自|來自|老家|住)$/;

/** How many idf units a year weighs that documents named in the question never name. */
const ABSENT_YEAR_IN_NAMED = 3;

/**
 * Place names say where, not what: a question is not about a plan because it names its city or a
 * province. The loaded documents' places and the provinces of the genre's data.
 */
function placeWords(corpus: Corpus): Set<string> {
  const words = new Set(EVERYWHERE);
  const add = (zh: string | undefined) => {
    if (!zh) return;
    words.add(zh);
    words.add(zh.replace(/(?:维吾尔自治区|壮族自治区|回族自治区|自治区|省|市|县|区)$/, ""));
  };
  for (const p of corpus.plans) {
    add(p.profile.place?.zh);
    add(p.profile.province?.zh);
    for (const a of p.profile.placeAliases) if (/\p{Script=Han}/u.test(a)) add(a);
  }
  for (const p of corpus.genre.provinces) add(p.zh);
  return words;
}

/** The department names and aliases of the loaded documents and the genre (typos are repaired against them too). */
function departmentNames(): string[] {
  return departmentWords().filter((n) => /[\u4e00-\u9fff]/.test(n));
}

/** The corpus's words as the lexical index holds them (two or more Han characters), with their counts. */
function corpusWordCounts(lexical: LexicalIndex): Map<string, number> {
  const out = new Map<string, number>();
  for (const [term, count] of lexical.termCounts())
    if (/^[\u3400-\u9fff]{2,}$/.test(term)) out.set(term, count);
  return out;
}

/**
 * What else shapes the vocabulary besides the code: the sources in use, the lexicon file and the
 * compact dictionary. Part of the cache key, so changing any of them rebuilds the index.
 */
function vocabularyFingerprint(): string {
  return `${[...activeSources()].sort().join(",")}:${activeLexicon().hash}:${cedictStamp() ?? "no-cedict"}`;
}

/** What the plans say, once each: section titles, item titles and texts (what typos are repaired against). */
function vocabularyTexts(plans: readonly Plan[]): string[] {
  return plans.flatMap((p) => [
    // How the documents are named (邢政办〔2024〕3号, a place, an issuer): not typos of other words.
    ...[
      p.meta.title,
      p.meta.planTitle,
      p.meta.docNumber,
      p.meta.issuer,
      p.profile.name.zh,
      ...p.profile.aliases,
    ].filter((n): n is string => !!n),
    ...p.sections.map((s) => s.title),
    ...p.items.map((i) => `${i.title}\n${i.text}`),
  ]);
}

/** The text an item is indexed under: its section's title, its own title twice (titles name the topic), its text. */
function indexText(plan: Plan, item: Item): string {
  const section = plan.sections.find((s) => s.number === item.section);
  return `${section?.title ?? ""}\n${item.title}\n${item.title}\n${item.text}`;
}

/**
 * A hash of the code that shapes the index: the running bundle when built, else the corpus and
 * search sources (with their subfolders). Changing the tokeniser or embeddings therefore invalidates old caches.
 */
export function codeFingerprint(): string {
  return sourceFingerprint(["corpus", "search"]);
}

/** Options for {@link SearchIndex.open}. */
/** What an index build derives from the corpus beside the vectors and postings. */
interface Derived {
  generality: Record<string, number>;
  vocabulary: VocabularyData;
}

/** Derived tables by index key, for the process's later builds of the same corpus (a few at most). */
const derivedByKey = new Map<string, Derived>();
function derivedOnce(key: string, derive: () => Derived): Derived {
  const known = derivedByKey.get(key);
  if (known) return known;
  const derived = derive();
  if (derivedByKey.size >= 4) derivedByKey.delete(derivedByKey.keys().next().value as string);
  derivedByKey.set(key, derived);
  return derived;
}

export interface OpenOptions {
  /** Where cached indexes live; each key gets its own subdirectory. */
  cacheDir: string;
  /** Skip the cache entirely (benchmarks of a cold build). */
  noCache?: boolean;
  /**
   * Told, in one line, why a cache directory was not used or could not be written (the index is
   * rebuilt either way). Default: the line on stderr.
   */
  onWarning?: (message: string) => void;
}

/** The default cache warning: one line on stderr (stdout may carry JSON lines). */
const warnOnStderr = (message: string) => process.stderr.write(`warning: ${message}\n`);

/** How {@link SearchIndex.open} got its index. */
export type IndexOrigin = "built" | "cache";

/** Hybrid search over all items of a corpus. */
export class SearchIndex {
  private readonly items: Item[];
  private readonly planOf = new Map<Item, Plan>();
  /** `doc#id` → item: what a vector hit's metadata points to. */
  private readonly byKey = new Map<string, Item>();
  /** Plans another loaded plan implements: less specific, weighed down when no plan is named. */
  private readonly general: ReadonlySet<Plan>;
  private readonly implemented = new Map<Item, Item | null>();
  /** The documents each plan implements (by the numbers and titles it cites). */
  private readonly implementedPlans = new Map<Plan, ReadonlySet<string>>();
  private readonly neighbours = new Map<Item, Item[]>();
  /** Each document's vector labels (an item's label is its position in the corpus). */
  private readonly labelsOf = new Map<string, number[]>();
  /** Masks of document sets already asked of (see maskOf). */
  private readonly masks = new Map<string, Uint8Array>();
  /**
   * How `search` ranks by default: the best candidates of each ranker ("top-k"), or every item
   * ("exhaustive", as the first version did — kept so the benchmark can set the two side by side).
   */
  mode: "top-k" | "exhaustive" = "top-k";
  /**
   * The words that bridge questions to this corpus: expansions (lexicon, English and synonyms through
   * CC-CEDICT), known terms and homophone typo repair.
   */
  readonly vocabulary: Vocabulary;

  private constructor(
    readonly plans: readonly Plan[],
    private readonly vectors: HnswVectorStore,
    private readonly lexical: LexicalIndex,
    readonly origin: IndexOrigin,
    readonly embeddings: HashedNgramEmbeddings,
    /** General-language frequency of the corpus's words (jieba's dictionary): 人民 is common, 秸秆 is not. */
    private readonly generality: Readonly<Record<string, number>>,
    /** Place names (the documents' places, provinces): where, not what — never evidence of a topic. */
    private readonly places: ReadonlySet<string>,
    vocabularyData: VocabularyData,
  ) {
    this.items = plans.flatMap((p) => p.items);
    this.items.forEach((item, label) => {
      const list = this.labelsOf.get(item.doc) ?? [];
      list.push(label);
      this.labelsOf.set(item.doc, list);
    });
    this.vocabulary = new Vocabulary(vocabularyData, activeLexicon(), {
      texts: vocabularyTexts(plans),
      // Places are names too: a banner's short name (鄂旗) is no typo of a word that sounds like it.
      names: [...departmentNames(), ...[...places].filter((n) => /[\u4e00-\u9fff]/.test(n))],
      isCorpusWord: (w) => this.lexical.documentFrequency(w.toLowerCase()) > 0,
      segment: (t, guess) => segmenter().cut(t.toLowerCase(), guess),
    });
    this.general = new Set(implementersIn(plans).keys());
    for (const p of plans) {
      for (const i of p.items) {
        this.planOf.set(i, p);
        this.byKey.set(`${i.doc}#${i.id}`, i);
      }
    }
  }

  /**
   * Loads the index for this corpus from the cache, or builds and caches it. A cache directory is
   * used only when every file verifies (cache.ts); otherwise it is rebuilt with a warning.
   */
  static async open(corpus: Corpus, options: OpenOptions): Promise<SearchIndex> {
    const warn = options.onWarning ?? warnOnStderr;
    const embeddings = new HashedNgramEmbeddings({ dimensions: DIMENSIONS });
    const key = createHash("sha256")
      .update(
        `${CACHE_FORMAT}:${corpus.hash}:${codeFingerprint()}:${DIMENSIONS}:${JSON.stringify(DEFAULT_HNSW)}`,
      )
      .update(`:${vocabularyFingerprint()}`)
      .digest("hex")
      .slice(0, 24);
    const dir = join(options.cacheDir, `index-${key}`);
    const items = corpus.plans.flatMap((p) => p.items);
    const fromCache = (cached: CachedIndex) =>
      new SearchIndex(
        corpus.plans,
        cached.vectors,
        cached.lexical,
        "cache",
        embeddings,
        cached.generality,
        placeWords(corpus),
        cached.vocabulary,
      );
    if (!options.noCache) {
      const expected = {
        key,
        items: items.map((i) => ({ doc: i.doc, id: i.id })),
        dimensions: DIMENSIONS,
        m: DEFAULT_HNSW.m,
        efConstruction: DEFAULT_HNSW.efConstruction,
      };
      try {
        const cached = await readIndexCache(dir, expected, embeddings);
        if (cached) return fromCache(cached);
      } catch (error) {
        const reason = error instanceof CacheRejected ? error.message : `unreadable: ${String(error)}`;
        warn(`index cache ${dir} not used (${reason}); rebuilding it`);
      }
    }
    const texts = corpus.plans.flatMap((p) => p.items.map((i) => indexText(p, i)));
    const vectors = new HnswVectorStore(embeddings, DIMENSIONS);
    await vectors.addVectors(
      await embeddings.embedDocuments(texts),
      items.map((i) => new Document({ pageContent: i.title, metadata: { doc: i.doc, id: i.id } })),
    );
    const lexical = LexicalIndex.build(texts.map(lexicalTerms));
    const derive = (): Derived => {
      const counts = corpusWordCounts(lexical);
      const cut = new Set(texts.flatMap((t) => segmenter().cut(t.toLowerCase(), true)));
      const general = generalCounts([...cut, ...counts.keys()]);
      return {
        generality: Object.fromEntries(Object.entries(general.counts).filter(([w]) => cut.has(w))),
        vocabulary: buildVocabularyData(
          new Set(counts.keys()),
          // The texts and names typos are repaired against (see the Vocabulary below): a dictionary word sounding
          // like one of them (全线 beside a place word's 全县) is a word of its own, never repaired. (Not the lexicon's
          // words: the asker's 杆子 for its 秆子 is the repair they are there for.)
          [
            ...vocabularyTexts(corpus.plans),
            ...departmentNames(),
            ...[...placeWords(corpus)].filter((n) => /[\u4e00-\u9fff]/.test(n)),
          ],
          activeSources(),
          { keyness: keynessOf(counts, general), lexicon: activeLexicon() },
        ),
      };
    };
    // The derived tables take seconds (the dictionary's bridges); a process that rebuilds the same
    // corpus's index again (a damaged cache, a second engine) reuses them. A cold build derives anew.
    const { generality, vocabulary } = options.noCache ? derive() : derivedOnce(key, derive);
    if (!options.noCache) {
      // The cache is an optimisation: a read-only or full disk must not stop the product.
      await writeIndexCache(options.cacheDir, dir, key, { vectors, lexical, generality, vocabulary }).catch(
        (error) =>
          warn(`index cache ${dir} not written (${error instanceof Error ? error.message : String(error)})`),
      );
    }
    return new SearchIndex(
      corpus.plans,
      vectors,
      lexical,
      "built",
      embeddings,
      generality,
      placeWords(corpus),
      vocabulary,
    );
  }

  /** The plan an item belongs to. */
  plan(item: Item): Plan {
    return this.planOf.get(item) as Plan;
  }

  /** Items ranked by the vector index alone, with cosine similarity; `docs` keeps only those documents' items. */
  vectorSearch(
    text: string | readonly number[],
    limit = this.items.length,
    docs?: ReadonlySet<string>,
  ): Array<{ item: Item; similarity: number }> {
    const query = typeof text === "string" ? this.embeddings.embed(text) : [...text];
    const labels = docs ? [...docs].flatMap((d) => this.labelsOf.get(d) ?? []) : null;
    // A few documents' items are scored exactly: a filtered graph search would visit most of the graph.
    const hits =
      labels && labels.length <= EXACT_BELOW
        ? this.vectors.scoreLabels(query, labels, limit)
        : this.vectors.searchSync(
            query,
            limit,
            docs ? (d: { metadata: Record<string, unknown> }) => docs.has(String(d.metadata.doc)) : undefined,
          );
    return hits.map(([doc, similarity]) => ({ item: this.itemOf(doc.metadata), similarity }));
  }

  /** The items of some documents as a mask over item labels (1 = one of theirs), as the lexical index reads it. */
  private maskOf(docs: ReadonlySet<string>): Uint8Array {
    const key = [...docs].sort().join("\u0000");
    let mask = this.masks.get(key);
    if (!mask) {
      mask = new Uint8Array(this.items.length);
      for (const doc of docs) for (const label of this.labelsOf.get(doc) ?? []) mask[label] = 1;
      // A deployment asks of few sets of documents; the masks of the last ones asked are kept.
      if (this.masks.size >= MASKS_KEPT) this.masks.delete(this.masks.keys().next().value as string);
      this.masks.set(key, mask);
    }
    return mask;
  }

  /** Items ranked by BM25 alone; `docs` keeps only those documents' items. */
  lexicalSearch(
    text: string,
    limit = this.items.length,
    docs?: ReadonlySet<string>,
  ): Array<{ item: Item; score: number }> {
    const allowed = docs ? this.maskOf(docs) : undefined;
    return this.lexical.search(lexicalTerms(text), limit, allowed).map((h) => ({
      item: this.items[h.index] as Item,
      score: h.score,
    }));
  }

  /** Rarity of a lexical term (word, or `~` + bigram) in the corpus; 0 for terms it lacks. */
  idf(term: string): number {
    return this.lexical.documentFrequency(term) > 0 ? this.lexical.idf(term) : 0;
  }

  /**
   * What the query's words (of at least `minWordLength` characters) share with the corpus vocabulary.
   * `generalWords: "discount"` weighs everyday words the plan happens to use (人民, 条件) less.
   */
  coverage(
    text: string,
    options: {
      minWordLength?: number;
      generalWords?: "discount" | "count";
      docs?: ReadonlySet<string>;
      /** Only words of this text count against (the asker's own, not the expansions added for search). */
      own?: string;
    } = {},
  ): Coverage {
    const own = options.own?.toLowerCase();
    const minWordLength = options.minWordLength ?? 1;
    // Within named documents, a word counts only if those documents use it (烟花爆竹 is in one city's
    // plan, not in the province's).
    const mask = options.docs ? this.maskOf(options.docs) : null;
    const present = mask
      ? (w: string) => this.lexical.documentFrequencyIn(w, mask) > 0
      : (w: string) => this.lexical.documentFrequency(w) > 0;
    const seen = new Set<string>();
    const elsewhere: string[] = [];
    const lower = text.toLowerCase();
    const tagged = segmenter()
      .tag(lower, true)
      .filter(({ word: w, tag }) => {
        if (seen.has(w)) return false;
        seen.add(w);
        const place =
          this.places.has(w) ||
          // Any city, county or province the dictionary knows (郑州市) says where, as a loaded one does;
          // regions named as such (a key region of the national plan) are a plan's topic.
          (tag === "ns" && /[市县区省州旗]$/.test(w)) ||
          // …and so does a prefecture-level city it tags otherwise (周口市 as a noun), or names bare (跟长沙、
          // 株洲一起), and a province (四川那边).
          (w.endsWith("市") && cityNames().has(w.slice(0, -1))) ||
          cityNames().has(w) ||
          provinceNames().has(w.replace(/省$/, ""));
        // (Only another prefecture-level city, or a county: a district (某区) is likely the plan's own, and 山区
        // is tagged as a place too.)
        const another =
          cityNames().has(w.replace(/市$/, "")) || (tag === "ns" && /^[\u4e00-\u9fff]{1,3}县$/.test(w));
        if (
          another &&
          options.docs &&
          (own === undefined || own.includes(w)) &&
          this.elsewhereThan(w, options.docs)
        )
          elsewhere.push(w);
        return (
          w.length >= minWordLength &&
          /[\u4e00-\u9fffa-z0-9]/.test(w) &&
          !STOPWORDS.has(w) &&
          !QUESTION_WORDS.has(w) &&
          !place
        );
      });
    const rareIdf = this.lexical.idfOf(1);
    let matchedIdf = 0;
    let unmatchedWeight = 0;
    let absentTerms = 0;
    const matchedWords: string[] = [];
    const unmatchedWords: string[] = [];
    for (const { word: w, tag } of tagged) {
      // Verbs (申请, 需要) are weak evidence either way; nouns and time words carry the topic.
      const weight = /^n|^t$|^eng$|^vn$/.test(tag) ? 1 : 0.5;
      // A year the documents use is in every other question too; one they never name (2030 asked of
      // plans to 2025) is a time they do not cover.
      if (/^(?:19|20)\d\d$/.test(w)) {
        // Within named documents, a year they never name (2025 asked of a 2024 annual plan).
        if (!present(w) && (own === undefined || own.includes(w))) {
          unmatchedWords.push(w);
          // Asked of documents it names, a year they never reach (2027 of a plan to 2025) is a time
          // they say nothing of: it weighs as a topic word of its own.
          unmatchedWeight += mask ? ABSENT_YEAR_IN_NAMED * IDF_UNIT : IDF_UNIT;
        }
        continue;
      }
      const specificity = options.generalWords === "discount" ? this.specificity(w) : 1;
      if (present(w)) matchedIdf += this.lexical.idf(w) * weight * specificity;
      // 城管局, 放鞭炮: the product knows what they mean — unless the named documents lack a term the
      // others have (烟花爆竹 asked of a plan that never mentions it) and all it stands for (喷漆 asked
      // of a plan that says 喷涂 is covered).
      else if (
        this.vocabulary.isKnownTerm(w) &&
        (!(mask && this.lexical.documentFrequency(w) > 0) || this.bridgedInto(w, present, options.docs))
      ) {
        // …but not an everyday wording (放烟花) whose plan terms (燃放烟花爆竹) the named documents never use
        // while others do: it counts against, at half weight (过年 → 春节 is a time, 放鞭炮 the topic).
        const targets = mask ? this.lexiconTargets(w) : [];
        if (
          targets.some((t) => this.usedAnywhere(t)) &&
          !this.bridgedInto(w, present, options.docs) &&
          // (恶臭异味 written as 异味 alone is theirs too.)
          !targets.some((t) => this.wordsOf(t).some((part) => part.length > 1 && present(part))) &&
          (own === undefined || own.includes(w))
        ) {
          unmatchedWords.push(w);
          unmatchedWeight += (IDF_UNIT * weight) / 2;
          continue;
        }
        matchedIdf += rareIdf;
      }
      // A word inside a longer one of the named documents (养殖场 in 畜禽养殖场): they speak of it.
      else if (options.docs && /^[\u4e00-\u9fff]{2,}$/.test(w) && this.writtenIn(w, options.docs))
        matchedIdf += rareIdf * weight;
      // A compound whose two words the named documents use (臭氧浓度 of 臭氧评价浓度, 错峰生产 of 错峰作业…生产).
      else if (options.docs && this.splitPresent(w, present) > 0)
        matchedIdf += this.splitPresent(w, present) * weight;
      else {
        // 跟雄安, 岸电全: the segmenter glued a function character to a word the documents use.
        const core = unglued(w, present, (t) => this.writtenAnywhereIn(`${t}行业`, options.docs));
        if (core !== null) {
          matchedIdf +=
            this.lexical.idf(core) *
            weight *
            (options.generalWords === "discount" ? this.specificity(core) : 1);
          matchedWords.push(core);
          continue;
        }
        // A lone character (换, 太) or a number says too little to count against the question, and so
        // do pronouns, numerals, adverbs and the like (那些, 几个, 老是) and everyday fillers (俺们, 上头).
        // So does one character the segmenter glued to a 要, 个 or 用 after it (厂要, 建个, 厂用) that the
        // plans never write (要关 before one is a verb that says what is asked).
        const framing =
          /^(?:r|m|q|d|c|u|p|y|e|o|f)/.test(tag) ||
          /^[\u4e00-\u9fff][要个用]$/.test(w) ||
          this.vocabulary.isFiller(w) ||
          this.vocabulary.isBridged(w);
        if (w.length > 1 && !/^[\d.]+$/.test(w) && !framing && (own === undefined || own.includes(w))) {
          unmatchedWords.push(w);
          unmatchedWeight += IDF_UNIT * weight;
          // A term the other documents use (扬尘, 岸电) that the named ones lack: they do not cover it.
          if (mask && this.lexical.documentFrequency(w) > 0) absentTerms++;
        }
        continue;
      }
      matchedWords.push(w);
    }
    const scale = rareIdf > 0 ? IDF_UNIT / rareIdf : 1;
    return {
      matchedIdf: matchedIdf * scale,
      matchedWords,
      unmatchedWords,
      unmatchedWeight,
      absentTerms,
      rareIdf,
      // A place asked about — not the plan's neighbours asked as such (周边城市, 联防联控), nor where the asker is from.
      elsewhere: NEIGHBOURS.test(text)
        ? []
        : elsewhere.filter((w) => !ASKER_FROM.test(lower.slice(0, lower.indexOf(w)))),
    };
  }

  /**
   * The lesser rarity of the two words a Chinese compound splits into when `present` finds both (臭氧 and
   * 浓度 of 臭氧浓度); 0 when no split of it into words of two characters or more is found.
   */
  private splitPresent(word: string, present: (w: string) => boolean): number {
    if (!/^[\u4e00-\u9fff]{3,8}$/.test(word)) return 0;
    // A three-character term parts one character from a word (氨排放 of 氨污染…排放); longer ones two and two.
    const shortest = word.length === 3 ? 1 : 2;
    for (let i = shortest; i <= word.length - shortest; i++) {
      const [left, right] = [word.slice(0, i), word.slice(i)];
      // Two everyday words (电动 + 汽车) say less than a term of the genre: their generality counts.
      if (present(left) && present(right))
        return (
          Math.min(this.lexical.idf(left), this.lexical.idf(right)) *
          Math.min(this.specificity(left), this.specificity(right))
        );
    }
    return 0;
  }

  /** Whether the text of one of `docs`, or of any document when none is named, contains `word`. */
  private writtenAnywhereIn(word: string, docs: ReadonlySet<string> | undefined): boolean {
    if (docs !== undefined) return this.writtenIn(word, docs);
    return this.items.some((item) => item.text.includes(word));
  }

  /**
   * Whether a place a question names lies outside every named document: each is a city's or county's own plan
   * whose text never writes it (its own place, subdivisions, province and neighbours it names are inside). A
   * national or provincial plan reaches places it does not list.
   */
  private elsewhereThan(place: string, docs: ReadonlySet<string>): boolean {
    // (叶县 keeps its 县: 叶 alone is no name.)
    const short = place.replace(/(?:市|县|区|旗|省)$/, "");
    const bare = short.length >= 2 ? short : place;
    if (bare.length < 2 || EVERYWHERE.includes(place) || provinceNames().has(bare)) return false;
    const named = this.plans.filter((p) => docs.has(p.doc));
    return (
      named.length > 0 &&
      named.every(
        (p) =>
          (p.profile.level === "city" || p.profile.level === "county") &&
          !p.source.includes(bare) &&
          ![p.profile.place?.zh ?? "", ...p.profile.placeAliases, ...p.profile.subdivisions].some(
            (a) => a.length > 1 && (a.includes(bare) || bare.includes(a)),
          ),
      )
    );
  }

  /** Whether the text of one of `docs` contains `word` (inside a longer word too). */
  private writtenIn(word: string, docs: ReadonlySet<string>): boolean {
    for (const doc of docs)
      for (const label of this.labelsOf.get(doc) ?? [])
        if (this.items[label]?.text.includes(word)) return true;
    return false;
  }

  /** Whether any document uses a wording, as one word or as the words it segments into (燃放 烟花爆竹). */
  private usedAnywhere(wording: string): boolean {
    if (this.lexical.documentFrequency(wording) > 0) return true;
    const words = this.wordsOf(wording);
    return words.length > 1 && words.every((w) => this.lexical.documentFrequency(w) > 0);
  }

  /** The words a wording segments into (燃放烟花爆竹 → 燃放, 烟花爆竹; 恶臭异味, kept whole, → 恶臭, 异味). */
  private wordsOf(wording: string): string[] {
    const words = segmenter()
      .tag(wording, true)
      .map(({ word }) => word);
    return words.length === 1 && /^\p{Script=Han}{4}$/u.test(wording)
      ? [wording.slice(0, 2), wording.slice(2)]
      : words;
  }

  /** The Chinese plan terms the lexicon carries an everyday word to (放烟花 → 燃放烟花爆竹). */
  private lexiconTargets(word: string): string[] {
    return this.vocabulary
      .expandWord(word)
      .filter((e) => e.source === "lexicon" && e.phrase === word)
      .flatMap((e) => e.terms.filter((t) => t !== word && /^[\u4e00-\u9fff]{2,}$/.test(t)));
  }

  /**
   * Whether a lexicon term's Chinese plan wording (喷漆 → 涂装 喷涂) is found where `present` looks. A
   * class name it also maps to (VOCs) is in nearly every plan and says nothing of this one.
   */
  private bridgedInto(word: string, present: (w: string) => boolean, docs?: ReadonlySet<string>): boolean {
    // A wording of three or more characters inside a longer word of the named documents counts too
    // (燃煤发电 in 燃煤发电机组).
    const found = (t: string) =>
      present(t) || (docs !== undefined && t.length >= 3 && this.writtenIn(t, docs));
    return this.vocabulary
      .expandWord(word)
      .some(
        (e) =>
          e.source === "lexicon" &&
          e.phrase === word &&
          e.terms.some((t) => t !== word && /^[\u4e00-\u9fff]{2,}$/.test(t) && found(t)),
      );
  }

  /**
   * How much a word found in the plan says that a question is about the plan: 1 for words rare in
   * general Chinese (秸秆, 油烟), less for everyday words the plan also happens to use (人民, 条件).
   */
  private specificity(word: string): number {
    const f = this.generality[word];
    return f === undefined || f < 1000 ? 1 : f < 10000 ? 0.5 : 0.25;
  }

  /**
   * Fused ranking. `plans` restricts the search to the plans a question names; within the scope,
   * items of a plan that another plan in the scope implements are scaled by {@link GENERAL_PLAN_FACTOR}.
   */
  search(
    query: {
      searchText: string;
      text?: string;
      /** The plan terms each of an English question's concepts carries to (lexicon, then dictionary). */
      expansions?: readonly string[];
      translations?: readonly string[];
      /** The question's language (see {@link Fusion.englishLexicalWeight}); Chinese when not given. */
      lang?: "zh" | "en";
    },
    options: { limit?: number; plans?: readonly Plan[]; fusion?: Fusion; exhaustive?: boolean } = {},
  ): SearchHit[] {
    const limit = options.limit ?? 10;
    const fusion = options.fusion ?? DEFAULT_FUSION;
    const { k, vectorWeight } = fusion;
    const lexicalWeight = query.lang === "en" ? fusion.englishLexicalWeight : fusion.lexicalWeight;
    const allowed = new Set(options.plans ?? this.plans);
    // Each ranker hands over its best candidates only (within the named plans); `exhaustive` ranks
    // every item, as the first version did (the benchmark compares the two).
    const exhaustive = options.exhaustive ?? this.mode === "exhaustive";
    const docs = options.plans && !exhaustive ? new Set(options.plans.map((p) => p.doc)) : undefined;
    const candidates = exhaustive ? this.items.length : Math.max(CANDIDATES, limit);
    const embedded = this.embeddings.embed(query.searchText);
    const vector = this.vectorSearch(embedded, candidates, docs);
    const lexical = this.lexicalSearch(query.searchText, candidates, docs);
    // Ranks count within each plan (below), but the vector ranker hands over the scope's best only: a plan
    // none of whose items made that cut — one among hundreds whose best lexical match is a name only it
    // writes (a town's works) — would have its lexical first unranked by vector. The plans of the best
    // lexical matches are ranked by vector within themselves.
    const vectorPlans = new Set(vector.map((v) => v.item.doc));
    const unranked = new Set(
      lexical
        .slice(0, VECTOR_RANKED_LEXICAL_PLANS)
        .map((l) => l.item.doc)
        .filter((d) => !vectorPlans.has(d)),
    );
    if (unranked.size > 0) vector.push(...this.vectorSearch(embedded, this.items.length, unranked));
    // A plan another plan in the scope implements is weighed down (the city's plan answers first),
    // unless its best match is far stronger than theirs: a topic only the general plan treats.
    // The asker's words without spaces: a whole item title they repeat names that item (see below).
    const asked = (query.text ?? "").replace(/\s+/g, "");
    const bestLexical = new Map<Plan, number>();
    for (const { item, score } of lexical)
      bestLexical.set(this.plan(item), Math.max(bestLexical.get(this.plan(item)) ?? 0, score));
    const weighDown = new Set(
      [...allowed].filter((g) => {
        if (!this.general.has(g)) return false;
        const implementers = (implementersIn(this.plans).get(g) ?? []).filter((l) => allowed.has(l));
        if (implementers.length === 0) return false;
        // A whole title of its own the question repeats (重点区域包括哪些城市 → 一(二) 重点区域), one no plan
        // implementing it has, names its item.
        const titled = (p: Plan) =>
          p.items.some((i) => i.title.length >= TITLE_MATCH && asked.includes(i.title));
        if (titled(g) && !implementers.some(titled)) return false;
        const theirs = Math.max(...implementers.map((l) => bestLexical.get(l) ?? 0));
        const ours = bestLexical.get(g) ?? 0;
        if (ours < GENERAL_PLAN_OUTWEIGHS * theirs) return true;
        // The asker's own words, not the expansions added for search (target → 目标, 指标); a question in
        // English has the lexicon's terms for its words (airports → 机场) as its own; with no words of its
        // own, the expansions alone must outweigh twice as far.
        const own = query.text ?? query.searchText;
        // An asker's concept whose terms only the general plan uses (环保税 → 环境保护税) is as much its own as a
        // word of the question's: the lexicon carried the asker's word there, and the city's plan has none of it.
        const ownConcept = (query.expansions ?? []).some(
          (e) =>
            (this.namesOwnTerm(e, g, implementers) && !this.usesAny(e, implementers)) ||
            e.split(/\s+/).some((term) => writesOnly(term, g, implementers)),
        );
        if (/[\u4e00-\u9fff]/.test(own)) return !(this.namesOwnTerm(own, g, implementers) || ownConcept);
        if (!/[a-z]/i.test(own) || !query.expansions)
          return (
            ours < 2 * GENERAL_PLAN_OUTWEIGHS * theirs ||
            !this.namesOwnTerm(query.searchText, g, implementers)
          );
        // An asker's concept whose other terms the city's plan uses (target → 目标 指标) is no term of the general
        // plan's own.
        const translatedConcept = (query.translations ?? []).some(
          (e) => this.namesOwnTerm(e, g, implementers) && !this.usesAny(e, implementers),
        );
        return ours < GENERAL_PLAN_OUTWEIGHS * theirs || !(ownConcept || translatedConcept);
      }),
    );
    const hits = new Map<Item, SearchHit>();
    const hit = (item: Item) => {
      let h = hits.get(item);
      if (!h) {
        h = { item, score: 0, vectorRank: null, lexicalRank: null, similarity: 0 };
        hits.set(item, h);
      }
      return h;
    };
    // Ranks count within each plan, so items of another plan on the same topic do not push an
    // item down its own plan's list; the plans are weighed against each other afterwards.
    const rankIn = () => {
      const seen = new Map<Plan, number>();
      return (item: Item) => {
        const r = (seen.get(this.plan(item)) ?? 0) + 1;
        seen.set(this.plan(item), r);
        return r;
      };
    };
    const vectorRankOf = rankIn();
    for (const { item, similarity } of vector.filter((v) => allowed.has(this.plan(v.item)))) {
      const h = hit(item);
      h.vectorRank = vectorRankOf(item);
      h.similarity = similarity;
      h.score += vectorWeight / (k + h.vectorRank);
    }
    const lexicalRankOf = rankIn();
    const share = fusion.lexicalScoreShare ?? 0;
    // The best lexical score in the scope: a plan whose best match is weak does not get a strong plan's weight.
    const bestOfAll = Math.max(0, ...[...bestLexical].filter(([p]) => allowed.has(p)).map(([, b]) => b));
    for (const { item, score } of lexical.filter((l) => allowed.has(this.plan(l.item)))) {
      const h = hit(item);
      h.lexicalRank = lexicalRankOf(item);
      const best = bestOfAll > 0 ? bestOfAll : score;
      const scale = share > 0 && best > 0 ? (score / best) ** share : 1;
      h.score += (lexicalWeight * scale) / (k + h.lexicalRank);
    }
    // An item whose whole title the question repeats (重点区域包括哪些城市 → 一(二) 重点区域) counts as
    // both rankers' first within its plan: a title names what the item is about, however little of
    // its body the question shares (a list of cities).
    // An English question asking what a title's term takes in (which areas count as key regions → 重点区域) names it
    // through the plans' words it is read as — a whole term of those.
    const termsRead: string[] =
      !/[\u4e00-\u9fff]/.test(query.text ?? "") && ASKS_MEMBERS.test(query.text ?? "")
        ? (query.searchText.match(/[\u4e00-\u9fff]{4,}/g) ?? [])
        : [];
    if (/[\u4e00-\u9fff]{4}/.test(asked) || termsRead.length > 0)
      for (const h of hits.values())
        if (
          h.item.title.length >= TITLE_MATCH &&
          (asked.includes(h.item.title) || termsRead.includes(h.item.title))
        )
          h.score = Math.max(h.score, (vectorWeight + lexicalWeight) / (k + 1));
    const ranked = [...hits.values()]
      .map((h) => (weighDown.has(this.plan(h.item)) ? { ...h, score: h.score * GENERAL_PLAN_FACTOR } : h))
      .sort((a, b) => b.score - a.score);
    phraseFirst(asked, ranked);
    return ranked.slice(0, limit);
  }

  /** Whether any Chinese word of the text is used by one of `plans`. */
  private usesAny(text: string, plans: readonly Plan[]): boolean {
    const mask = this.maskOf(new Set(plans.map((p) => p.doc)));
    return lexicalTerms(text).some(
      (w) => w.length >= 2 && /^[\u4e00-\u9fff]+$/.test(w) && this.lexical.documentFrequencyIn(w, mask) > 0,
    );
  }

  /** Whether the text has a Chinese word `plan` uses and none of `others` does (京津冀, 火炬). */
  private namesOwnTerm(text: string, plan: Plan, others: readonly Plan[]): boolean {
    const own = this.maskOf(new Set([plan.doc]));
    const theirs = this.maskOf(new Set(others.map((p) => p.doc)));
    return lexicalTerms(text).some(
      (w) =>
        w.length >= 2 &&
        /^[\u4e00-\u9fff]+$/.test(w) &&
        this.lexical.documentFrequencyIn(w, own) > 0 &&
        this.lexical.documentFrequencyIn(w, theirs) === 0,
    );
  }

  /** Items of the same plan closest to `item` by vector, best first (computed once per item). */
  related(item: Item, limit = 3): Item[] {
    let near = this.neighbours.get(item);
    if (!near || near.length < limit) {
      near = this.vectorSearch(indexText(this.plan(item), item), Math.max(limit, 8) + 8, new Set([item.doc]))
        .map((n) => n.item)
        .filter((i) => i !== item);
      this.neighbours.set(item, near);
    }
    return near.slice(0, limit);
  }

  /**
   * The item of a plan this item's plan implements that it carries out: the closest by content, if
   * close enough (a city's 三(二) on coal boilers → the national (十一)). Null when there is none.
   */
  implementedItem(item: Item): Item | null {
    const known = this.implemented.get(item);
    if (known !== undefined) return known;
    const own = this.plan(item);
    let targets = this.implementedPlans.get(own);
    if (!targets) {
      targets = new Set(this.plans.filter((g) => implementsPlan(own, g)).map((g) => g.doc));
      this.implementedPlans.set(own, targets);
    }
    let found: Item | null = null;
    if (targets.size > 0) {
      // The nearest item of the plans it implements, if near enough.
      const [nearest] = this.vectorSearch(indexText(own, item), 1, targets);
      found = nearest && nearest.similarity >= IMPLEMENTS_SIMILARITY ? nearest.item : null;
    }
    this.implemented.set(item, found);
    return found;
  }

  private itemOf(metadata: Record<string, unknown>): Item {
    const found = this.byKey.get(`${String(metadata.doc)}#${String(metadata.id)}`);
    if (!found)
      throw new Error(`index refers to unknown item ${String(metadata.doc)}#${String(metadata.id)}`);
    return found;
  }
}
export { HashedNgramEmbeddings } from "./embeddings.js";
export { LexicalIndex } from "./lexical.js";
export { cjkNgrams } from "./tokenize.js";
export { DEFAULT_HNSW, type HnswParams, HnswVectorStore } from "./vector-store.js";

/**
 * Whether a plan term of three or more characters stands verbatim in `plan` and in none of `others` (环境保护税 of
 * the national plan, a word the segmenter splits into words both plans use).
 */
function writesOnly(term: string, plan: Plan, others: readonly Plan[]): boolean {
  if (!/^[\u4e00-\u9fff]{3,}$/.test(term)) return false;
  const writes = (p: Plan) => p.items.some((i) => i.text.includes(term));
  return writes(plan) && !others.some(writes);
}

/** Characters the segmenter may glue to the word before or after them (跟雄安, 岸电全). */
const GLUED_BEFORE = new Set([..."跟和与同在把被给对向从就也都还又"]);
const GLUED_AFTER = new Set([..."全些的了着过里"]);
/** Kinds of thing a list writes once after its members (公交、出租车辆; 砖瓦、石灰窑): 车 of 公交车. */
const SHARED_HEAD = new Set([..."车船窑炉"]);

/**
 * The word of at least two characters inside a segmented word of three or more once a glued
 * function character is taken off (跟雄安 → 雄安, 岸电全 → 岸电), when the documents use it; else null.
 * `isTrade` says whether the documents name a word as a trade (钢铁行业), so 钢铁厂 is read as 钢铁.
 */
export function unglued(
  word: string,
  present: (w: string) => boolean,
  isTrade: (w: string) => boolean = () => false,
): string | null {
  if (!/^[\u4e00-\u9fff]{3,}$/.test(word)) return null;
  const chars = [...word];
  const candidates = [
    GLUED_BEFORE.has(chars[0] as string) ? chars.slice(1).join("") : null,
    GLUED_AFTER.has(chars.at(-1) as string) ? chars.slice(0, -1).join("") : null,
    // 公交车 of a plan listing 公交、出租、环卫车辆: the kind of thing said once for the list.
    SHARED_HEAD.has(chars.at(-1) as string) ? chars.slice(0, -1).join("") : null,
  ];
  const found = candidates.find((c): c is string => c !== null && present(c));
  if (found !== undefined) return found;
  // 钢铁厂 of a plan writing 钢铁行业: a works named by a trade the documents name as one (not 污水处理厂
  // of a plan that mentions 污水处理 in passing).
  const trade = chars.at(-1) === "厂" ? chars.slice(0, -1).join("") : null;
  return trade !== null && present(trade) && isTrade(trade) ? trade : null;
}
