/**
 * Chinese near-synonyms through CC-CEDICT: a word the corpus lacks reaches the corpus words whose
 * glosses it shares (冬天 "winter" → 冬季, 期限 "time limit; deadline" → 限期, 允许 "to permit; to
 * allow" → 许可), or that it is a variant or an abbreviation of (平米 → 平方米, 公车 → 公务用车).
 * Only corpus words are targets. Two words are as close as the cosine of their sets of glosses, each
 * shared gloss counting by how specific it is (a gloss many headwords share says little) and less
 * when the two sides qualify it differently ("fine {monetary}" against "fine") — so a word whose
 * other senses differ (内容 "content; substance; details" against 含量 "content; quantity
 * contained") is only partly the other.
 */
import { BridgeBuilder, type Bridges } from "./bridges.js";
import type { Cedict, CedictEntry } from "./cedict.js";
import { type SenseKey, senseKeysOf } from "./glosses.js";

/** A gloss shared by more headwords than this is too general to bridge anything. */
const MAX_SHARED = 25;
/** Bridges below this weight are not kept. */
const MIN_WEIGHT = 0.4;
/** How many corpus words one word keeps. */
const KEEP = 3;
/** Longest word bridged (longer ones are phrases, not words). */
const MAX_LENGTH = 6;

/** How specific a gloss shared by `n` headwords is: 1 for a gloss at most two words share. */
function specificity(n: number): number {
  return Math.min(1, 2 / Math.log2(2 + n));
}

function qualifierFactor(a: SenseKey, b: SenseKey): number {
  if (a.qualifiers.length === 0 && b.qualifiers.length === 0) return 1;
  if (a.qualifiers.some((q) => b.qualifiers.includes(q))) return 1;
  return a.qualifiers.length > 0 && b.qualifiers.length > 0 ? 0.5 : 0.75;
}

/**
 * Chinese word the corpus lacks → corpus words it stands for. `targetFactor` weighs each corpus word
 * as a target (its keyness factor: 明天 "tomorrow" → 未来 bridges to nothing the plans are about).
 */
export function buildSynonymBridges(
  corpusWords: ReadonlySet<string>,
  cedict: Cedict,
  targetFactor: (word: string) => number = () => 1,
): Bridges {
  const keysOf = senseKeysOf;
  // How many headwords share each exact gloss, and which corpus words have it.
  const shared = new Map<string, number>();
  const inCorpus = new Map<string, Array<{ word: string; key: SenseKey; size: number }>>();
  for (const [word, entry] of cedict.entries) {
    const own = keysOf(entry);
    for (const key of own) {
      shared.set(key.exact, (shared.get(key.exact) ?? 0) + 1);
      if (corpusWords.has(word)) {
        const list = inCorpus.get(key.exact) ?? [];
        list.push({ word, key, size: own.length });
        inCorpus.set(key.exact, list);
      }
    }
  }
  const bridges = new BridgeBuilder();
  const viaGlosses = (from: string, entry: CedictEntry, factor: number) => {
    const own = keysOf(entry);
    const overlap = new Map<string, { weight: number; size: number }>();
    for (const key of own) {
      const n = shared.get(key.exact) ?? 1;
      if (n > MAX_SHARED) continue;
      for (const target of inCorpus.get(key.exact) ?? []) {
        if (target.word === from) continue;
        const o = overlap.get(target.word) ?? { weight: 0, size: target.size };
        o.weight += specificity(n) * qualifierFactor(key, target.key);
        overlap.set(target.word, o);
      }
    }
    for (const [target, { weight, size }] of overlap) {
      const cosine = weight / Math.sqrt(own.length * size);
      bridges.add(from, target, Math.min(1, factor * targetFactor(target) * cosine));
    }
  };
  for (const [word, entry] of cedict.entries) {
    if (corpusWords.has(word) || [...word].length > MAX_LENGTH) continue;
    viaGlosses(word, entry, 1);
    for (const link of entry.links) {
      if (corpusWords.has(link)) bridges.add(word, link, targetFactor(link));
      else {
        const linked = cedict.entries.get(link);
        if (linked) viaGlosses(word, linked, 0.9);
      }
    }
  }
  return bridges.build(MIN_WEIGHT, KEEP);
}
