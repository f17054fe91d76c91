/**
 * Chinese near-synonyms through CC-CEDICT: a word the corpus lacks reaches the corpus words that
 * share one of its glosses exactly (机器 "machine" → 机械, 夜里 "nighttime" → 夜间, 火烧 "to set
 * fire to" → 焚烧), or that it is a variant or an abbreviation of (公车 → 公务用车). Only corpus
 * words are targets. A gloss many headwords share says little (weight falls with their number), a
 * word's later senses are less its meaning than its first, and a gloss qualified differently on the
 * two sides ("fine {monetary}" against "fine") is a weaker match.
 */
import { BridgeBuilder, type Bridges } from "./bridges.js";
import type { Cedict, CedictEntry } from "./cedict.js";
import { type SenseKey, senseKey } from "./glosses.js";

/** A gloss shared by more headwords than this is too general to bridge anything. */
const MAX_SHARED = 25;
/** Bridges below this weight are not kept. */
const MIN_WEIGHT = 0.4;
/** How many corpus words one word keeps. */
const KEEP = 3;
/** Longest word bridged (longer ones are phrases, not words). */
const MAX_LENGTH = 6;

/** How specific a gloss shared by `n` headwords is: 1 for a gloss only two words share. */
function specificity(n: number): number {
  return Math.min(1, 2 / Math.log2(2 + n));
}

/** Weight for a word's sense by its position: the first sense is the word's meaning. */
function rankFactor(rank: number): number {
  return rank === 0 ? 1 : rank === 1 ? 0.85 : 0.7;
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
  // How many headwords share each exact gloss, and which corpus words have it (with its rank there).
  const shared = new Map<string, number>();
  const inCorpus = new Map<string, Array<{ word: string; key: SenseKey; rank: number }>>();
  const keys = new Map<CedictEntry, SenseKey[]>();
  const keysOf = (entry: CedictEntry): SenseKey[] => {
    let k = keys.get(entry);
    if (!k) {
      k = entry.senses.map(senseKey).filter((x): x is SenseKey => x !== null);
      keys.set(entry, k);
    }
    return k;
  };
  for (const [word, entry] of cedict.entries) {
    keysOf(entry).forEach((key, rank) => {
      shared.set(key.exact, (shared.get(key.exact) ?? 0) + 1);
      if (corpusWords.has(word)) {
        const list = inCorpus.get(key.exact) ?? [];
        list.push({ word, key, rank });
        inCorpus.set(key.exact, list);
      }
    });
  }
  const bridges = new BridgeBuilder();
  const viaGlosses = (from: string, entry: CedictEntry, factor: number) => {
    keysOf(entry).forEach((key, rank) => {
      const n = shared.get(key.exact) ?? 1;
      if (n > MAX_SHARED) return;
      for (const target of inCorpus.get(key.exact) ?? []) {
        if (target.word === from) continue;
        const w =
          factor *
          targetFactor(target.word) *
          specificity(n) *
          rankFactor(rank) *
          rankFactor(target.rank) *
          qualifierFactor(key, target.key);
        bridges.add(from, target.word, w);
      }
    });
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
