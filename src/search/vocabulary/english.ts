/**
 * English words → the corpus's Chinese, through CC-CEDICT's glosses of the corpus's own words: the
 * English "straw" reaches 秸秆 because CEDICT glosses 秸秆 as "straw", and "price of electricity"
 * reaches 电价. Only whole glosses bridge (a word inside a longer gloss — "finished" in "finished
 * product" — does not). A target with many senses is a less certain rendering, and a target that is
 * not characteristic of the corpus (its keyness factor) bridges less or not at all. Verb senses
 * ("to ban") are kept under `to …` and weigh a little less when a question's word could be either.
 */
import { BridgeBuilder, type Bridges, bestTargets } from "./bridges.js";
import type { Cedict } from "./cedict.js";
import { contentWords, lemmas, senseKeysOf } from "./glosses.js";

/** Bridges below this weight are not kept. */
const MIN_WEIGHT = 0.3;
/** How many corpus words one English key keeps. */
const KEEP = 6;
/** A verb sense, when the question's word may be a noun: slightly less sure. */
const VERB_FACTOR = 0.9;

/**
 * English key (stemmed content words; `to …` for verb senses) → corpus words. `targetFactor` weighs
 * each corpus word as a target (its keyness factor; 1 when not given).
 */
export function buildEnglishBridges(
  corpusWords: Iterable<string>,
  cedict: Cedict,
  targetFactor: (word: string) => number = () => 1,
): Bridges {
  const bridges = new BridgeBuilder();
  for (const word of corpusWords) {
    const entry = cedict.entries.get(word);
    const factor = targetFactor(word);
    if (!entry || factor <= 0) continue;
    // A word with many senses is a less certain rendering of any one of them.
    const polysemy = 1 / (1 + 0.05 * Math.max(0, entry.senses.length - 2));
    for (const k of senseKeysOf(entry)) {
      // A proper noun bridges only by its whole name ("state council" → 国务院; not "china" → 唐山).
      if (!k.proper || k.words.length >= 2) bridges.add(k.key, word, polysemy * factor);
    }
  }
  return bridges.build(MIN_WEIGHT, KEEP);
}

const keyWordSets = new WeakMap<Bridges, Set<string>>();

/** Every word of every key of a bridge table. */
function keyWords(bridges: Bridges): Set<string> {
  let set = keyWordSets.get(bridges);
  if (!set) {
    set = new Set(Object.keys(bridges).flatMap((k) => k.split(" ")));
    keyWordSets.set(bridges, set);
  }
  return set;
}

/** One English phrase of a text and the corpus words it reached. */
export interface EnglishMatch {
  /** The stemmed words matched. */
  english: string;
  terms: Array<readonly [string, number]>;
}

/**
 * The corpus words for the English of `text`: its content words, longest runs first (up to four
 * words: "price of electricity"), each word used once.
 */
export function englishMatches(
  text: string,
  bridges: Bridges,
  options: { minWeight: number; ratio: number; limit: number; ignore?: ReadonlySet<string> } = {
    minWeight: 0.5,
    ratio: 0.75,
    limit: 2,
  },
): EnglishMatch[] {
  const ignore = options.ignore;
  const known = keyWords(bridges);
  // Each word in the form the glosses have it (banned → ban), if they have it at all.
  const words = contentWords(text.replace(/[\u3400-\u9fff]+/g, " , ")).map(
    (w) => lemmas(w).find((l) => known.has(l)) ?? w,
  );
  const used = new Array<boolean>(words.length).fill(false);
  const out: EnglishMatch[] = [];
  for (let n = Math.min(4, words.length); n >= 1; n--) {
    for (let i = 0; i + n <= words.length; i++) {
      if (used.slice(i, i + n).some(Boolean)) continue;
      // An asking word alone is not bridged ("handle"), within a phrase it may be ("set off").
      if (n === 1 && ignore?.has(words[i] as string)) continue;
      const key = words.slice(i, i + n).join(" ");
      const merged = new Map<string, number>();
      for (const [t, w] of bridges[key] ?? []) merged.set(t, w);
      for (const [t, w] of bridges[`to ${key}`] ?? [])
        merged.set(t, Math.max(merged.get(t) ?? 0, w * VERB_FACTOR));
      const ranked = [...merged].sort((a, b) => b[1] - a[1]);
      const terms = bestTargets(ranked, options);
      if (terms.length === 0) continue;
      used.fill(true, i, i + n);
      out.push({ english: key, terms });
    }
  }
  return out;
}
