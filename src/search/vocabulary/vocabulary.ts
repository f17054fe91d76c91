/**
 * The vocabulary that bridges a question's words to the documents' words, from four sources: the
 * genre's lexicon (data/lexicon.yaml), English through CC-CEDICT's glosses of the corpus's words,
 * Chinese near-synonyms through shared glosses, and homophone typos repaired by pinyin against the
 * corpus. What depends on the corpus and the dictionary is derived when the index is built
 * ({@link buildVocabularyData}) and cached with it; asking only reads it.
 */
import { z } from "zod";
import { type Bridges, BridgeTable, bestTargets, encodeBridges } from "./bridges.js";
import { type Cedict, cedictPath, readCedict } from "./cedict.js";
import { buildEnglishBridges, englishMatches } from "./english.js";
import { buildGlossedBridges } from "./glossed.js";
import { lemmas } from "./glosses.js";
import { keyFactor } from "./keyness.js";
import { type DomainLexicon, lexiconMatches } from "./lexicon.js";
import { SoundIndex } from "./pinyin.js";
import { VOCABULARY_SOURCES, type VocabularySource } from "./sources.js";
import { buildSynonymBridges } from "./synonyms.js";
import { type Repaired, soundAlikeWords, TypoRepairer } from "./typos.js";

const CJK_WORD = /^[\u3400-\u9fff]{2,}$/;
let warned = false;

/** What the index build derives for the vocabulary. */
export interface VocabularyData {
  sources: VocabularySource[];
  /** English key → corpus words. */
  english: Bridges;
  /** Chinese word the corpus lacks → corpus words. */
  synonyms: Bridges;
  /** Chinese word the corpus lacks → the plan terms of the lexicon's English phrase it is glossed as. */
  glossed: Bridges;
  /** Dictionary words that sound like the corpus's but are other words: never repaired. */
  soundAlikes: string[];
}

/** The cached form of {@link VocabularyData} (vocabulary.json): bridge tables as text. */
export const VocabularyFile = z.object({
  sources: z.array(z.enum(VOCABULARY_SOURCES)),
  english: BridgeTable,
  synonyms: BridgeTable,
  glossed: BridgeTable,
  soundAlikes: z.string().transform((s) => (s ? s.split(" ") : [])),
});

/** {@link VocabularyData} as the text of vocabulary.json. */
export function serializeVocabulary(data: VocabularyData): string {
  return JSON.stringify({
    sources: data.sources,
    english: encodeBridges(data.english),
    synonyms: encodeBridges(data.synonyms),
    glossed: encodeBridges(data.glossed),
    soundAlikes: data.soundAlikes.join(" "),
  });
}

/** One phrase of a text and the plans' terms it stands for. */
export interface Expansion {
  /** What the text said (an English phrase stemmed, or a Chinese word). */
  phrase: string;
  terms: string[];
  /** Which source gave it. */
  source: Exclude<VocabularySource, "pinyin">;
  /** How sure: 1 for the lexicon, the bridge's weight for the dictionary. */
  weight: number;
  /**
   * Whether it is evidence that the text is about the plans' topics: the lexicon's own entries, its
   * English topic words (straw) rendered by the dictionary, and near-synonyms. Other dictionary
   * translations of English (business → 商务) help ranking but are no such evidence.
   */
  topic: boolean;
}

/** How sure an English or synonym bridge must be to add terms to a question. */
export const BRIDGE_WEIGHT = 0.5;

/** What the vocabulary needs from the corpus and the segmenter. */
export interface VocabularyCorpus {
  /** The texts typos are repaired against: the items and the department names and aliases. */
  texts: readonly string[];
  /** Names the product knows besides the corpus's words (departments and their aliases). */
  names: readonly string[];
  /** Whether the corpus has this word (as the lexical index segments it). */
  isCorpusWord(word: string): boolean;
  /** Dictionary words of a text (`guess`: let the segmenter join unknown characters too). */
  segment(text: string, guess: boolean): string[];
}

/**
 * Derives the vocabulary data for a corpus: English and synonym bridges from CC-CEDICT (when those
 * sources are on and the compact dictionary has been built) and the dictionary words that sound like
 * the corpus's. `corpusWords`: the corpus's words of two or more characters.
 */
export function buildVocabularyData(
  corpusWords: ReadonlySet<string>,
  texts: readonly string[],
  sources: ReadonlySet<VocabularySource>,
  options: {
    /** Each corpus word's keyness ({@link keynessOf}); bridges to unkey words are weighed down. */
    keyness?: ReadonlyMap<string, number>;
    /** The lexicon whose English phrases Chinese words may be glossed into. */
    lexicon?: DomainLexicon;
    cedict?: Cedict | null;
  } = {},
): VocabularyData {
  const needed = sources.has("english") || sources.has("synonyms") || sources.has("pinyin");
  const cedict = options.cedict !== undefined ? options.cedict : needed ? readCedict() : null;
  if (needed && cedict === null && !warned) {
    warned = true;
    process.emitWarning(
      `${cedictPath()} is missing (npm run build makes it): the dictionary's bridges and the sound-alike guard are off`,
    );
  }
  const factor = (w: string) => keyFactor(options.keyness?.get(w));
  const none = (): Bridges => Object.create(null);
  const english =
    cedict && sources.has("english") ? buildEnglishBridges(corpusWords, cedict, factor) : none();
  const synonyms =
    cedict && sources.has("synonyms") ? buildSynonymBridges(corpusWords, cedict, factor) : none();
  const lexicon = options.lexicon;
  const glossed =
    cedict && lexicon && sources.has("synonyms")
      ? buildGlossedBridges(
          lexicon.englishTerms,
          cedict,
          (w) => corpusWords.has(w) || lexicon.words.includes(w),
        )
      : none();
  const soundAlikes =
    cedict && sources.has("pinyin")
      ? soundAlikeWords(cedict.entries.keys(), new SoundIndex(texts), corpusWords)
      : [];
  return { sources: [...sources], english, synonyms, glossed, soundAlikes };
}

/** How many words' expansions a vocabulary keeps before it starts afresh. */
const EXPANSIONS_KEPT = 20_000;

/** The vocabulary of one corpus: expansions, known terms and typo repair. */
export class Vocabulary {
  private readonly sources: ReadonlySet<VocabularySource>;
  private readonly lexiconWords: ReadonlySet<string>;
  /** The lexicon's words alone (no names). */
  private readonly genreTerms: ReadonlySet<string>;
  private repairer: TypoRepairer | undefined;
  /** {@link expandWord}'s answers by word. */
  private readonly expansions = new Map<string, readonly Expansion[]>();

  constructor(
    private readonly data: VocabularyData,
    private readonly lexicon: DomainLexicon,
    private readonly corpus: VocabularyCorpus,
  ) {
    this.sources = new Set(data.sources);
    this.lexiconWords = new Set([...lexicon.words, ...corpus.names.filter((n) => CJK_WORD.test(n))]);
    this.genreTerms = new Set(lexicon.words);
  }

  /**
   * {@link expand} of one word, kept: a search asks it of each word of a question that the plans may
   * write otherwise, and the words recur from question to question.
   */
  expandWord(word: string): readonly Expansion[] {
    let found = this.expansions.get(word);
    if (found === undefined) {
      // Bounded: a long-running bot sees endless words.
      if (this.expansions.size >= EXPANSIONS_KEPT) this.expansions.clear();
      found = this.expand(word);
      this.expansions.set(word, found);
    }
    return found;
  }

  /**
   * What a text says in other words, as the plans say it: lexicon phrases first (longest first, each
   * used once), then English words through the dictionary, then Chinese words the corpus lacks
   * through their near-synonyms.
   */
  expand(text: string): Expansion[] {
    const { matches, rest } = lexiconMatches(text, this.lexicon);
    const out: Expansion[] = matches.map((m) => ({
      phrase: m.phrase,
      terms: m.terms.split(/\s+/),
      source: "lexicon",
      weight: 1,
      topic: true,
    }));
    if (this.sources.has("english") && /[a-z]/i.test(rest)) {
      const options = { minWeight: BRIDGE_WEIGHT, ratio: 0.75, limit: 2, ignore: this.lexicon.asking };
      for (const m of englishMatches(rest, this.data.english, options))
        out.push({
          phrase: m.english,
          terms: m.terms.map(([t]) => t),
          source: "english",
          weight: m.terms[0]?.[1] ?? 0,
          topic: this.isTopic(m.english),
        });
    }
    if (this.sources.has("synonyms")) {
      for (const word of this.unknownWords(rest)) {
        // Glossed as one of the lexicon's English phrases (采石场 "quarry"): the lexicon's terms; and
        // the corpus words it shares glosses with or is a variant of (公车 → 公务用车).
        const glossed = this.data.glossed[word] ?? [];
        const near = bestTargets(this.data.synonyms[word], {
          minWeight: BRIDGE_WEIGHT,
          ratio: 0.8,
          limit: 2,
        });
        const terms = [...new Set([...glossed, ...near].map(([t]) => t))];
        if (terms.length === 0) continue;
        const weight = Math.max(...[...glossed, ...near].map(([, w]) => w));
        out.push({ phrase: word, terms, source: "synonyms", weight, topic: true });
      }
    }
    return out;
  }

  /** {@link expand} as plain strings: each phrase's terms, space-separated. */
  expandTerms(text: string): string[] {
    return this.expand(text).map((e) => e.terms.join(" "));
  }

  /**
   * Whether a Chinese word the corpus lacks is one the product knows the plans' term for: a lexicon
   * word (放鞭炮, 渣土车), a department's name (城管局), or a word the dictionary glosses as one of
   * the lexicon's English phrases (采石场 "quarry"), or a word holding an everyday lexicon word (养猪
   * holds 猪). Other dictionary synonyms are not enough — they
   * add their corpus words to a question, but a word like 网上 ("online" → 在线) is no evidence
   * that the question is about the plans.
   */
  isKnownTerm(word: string): boolean {
    return (
      this.lexiconWords.has(word) ||
      (this.sources.has("synonyms") && Object.hasOwn(this.data.glossed, word)) ||
      // 养猪, 几挂炮: a word the segmenter made around an everyday lexicon word (猪, 炮) is as known.
      (this.sources.has("lexicon") &&
        CJK_WORD.test(word) &&
        this.lexicon.plain.some(([key]) => /^[\u3400-\u9fff]+$/.test(key) && word.includes(key)))
    );
  }

  /**
   * Whether a Chinese word the corpus lacks has a near-synonym it uses (夏天 → 夏季): it is neither
   * evidence for the plans (see {@link isKnownTerm}) nor against them.
   */
  isBridged(word: string): boolean {
    if (!this.sources.has("synonyms")) return false;
    return (this.data.synonyms[word] ?? []).some(([, w]) => w >= BRIDGE_WEIGHT);
  }

  /**
   * Whether a word is one of the genre's own terms (散煤, 扬尘, 燃煤锅炉): data/lexicon.yaml's groups' words. It
   * names a task however many plans write it — its weight in the corpus falls as plans are added, its meaning does not.
   */
  isGenreTerm(word: string): boolean {
    return this.genreTerms.has(word);
  }

  /** Whether a Chinese word only frames a question (俺们, 那种, 咋整): data/lexicon.yaml `fillers`. */
  isFiller(word: string): boolean {
    return this.lexicon.fillers.has(word);
  }

  /** The text with homophone typos repaired against the corpus (unchanged when pinyin is off). */
  repairTypos(text: string): Repaired {
    if (!this.sources.has("pinyin")) return { text, repairs: [] };
    this.repairer ??= new TypoRepairer(
      new SoundIndex([...this.corpus.texts, ...this.corpus.names, ...this.lexicon.words]),
      (t) => this.corpus.segment(t, false),
      { has: (w: string) => this.corpus.isCorpusWord(w) || this.lexiconWords.has(w) },
      new Set(this.data.soundAlikes),
      new Set(this.corpus.names.filter((n) => CJK_WORD.test(n))),
      this.lexicon.lookalikes,
    );
    return this.repairer.repair(text);
  }

  /** Whether an English phrase (as matched) is one of the lexicon's topic words, in any of its forms. */
  private isTopic(phrase: string): boolean {
    const words = phrase.replace(/^to /, "").split(" ");
    const same = (a: string, b: string) => a === b || lemmas(a).includes(b) || lemmas(b).includes(a);
    for (const topic of this.lexicon.topics) {
      const t = topic.split(" ");
      if (t.length === words.length && t.every((w, i) => same(words[i] as string, w))) return true;
    }
    return false;
  }

  /** Chinese words of a text that the corpus lacks, each once. */
  private unknownWords(text: string): string[] {
    const out = new Set<string>();
    for (const w of this.corpus.segment(text, true))
      if (CJK_WORD.test(w) && !this.corpus.isCorpusWord(w)) out.add(w);
    return [...out];
  }
}
