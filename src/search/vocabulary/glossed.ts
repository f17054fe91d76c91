/**
 * Chinese words into the lexicon through their English glosses: a word the corpus lacks whose
 * CC-CEDICT gloss is exactly one of the lexicon's English phrases takes that phrase's plan terms
 * (采石场 "quarry" → 矿山 砂石骨料, 雾霾 "smog" → 重污染天气, 饭馆 "restaurant" → 餐饮 油烟). The
 * lexicon's English is genre knowledge; the dictionary says which Chinese words mean the same.
 */
import { BridgeBuilder, type Bridges } from "./bridges.js";
import type { Cedict } from "./cedict.js";
import { phraseKey, senseKeysOf } from "./glosses.js";

/** Bridges below this weight are not kept. */
const MIN_WEIGHT = 0.5;

/**
 * Chinese word (not a corpus word, not already a lexicon word) → the plan terms of the lexicon's
 * English phrase one of its glosses is. Weight: 1 over the square root of the word's number of
 * senses (a word that also means other things is less surely this one).
 */
export function buildGlossedBridges(
  english: ReadonlyMap<string, string>,
  cedict: Cedict,
  skip: (word: string) => boolean,
): Bridges {
  const phrases = new Map<string, string>();
  for (const [key, terms] of english) phrases.set(phraseKey(key), terms);
  const bridges = new BridgeBuilder();
  for (const [word, entry] of cedict.entries) {
    if (skip(word) || entry.senses.length === 0) continue;
    const weight = 1 / Math.sqrt(entry.senses.length);
    for (const k of senseKeysOf(entry)) {
      const terms = k.proper ? undefined : phrases.get(k.exact);
      if (terms) for (const t of terms.split(/\s+/)) bridges.add(word, t, weight);
    }
  }
  return bridges.build(MIN_WEIGHT, 6);
}
