/**
 * How characteristic a word is of the corpus: its rate in the corpus against its rate in general
 * Chinese (jieba's dictionary counts), as a log ratio. 秸秆, 锅炉, 电价 are far more frequent in an
 * air-quality plan than in general text (keyness 8–10); 商业, 未来, 法律 are not (about 0). A bridge
 * into the corpus is only as good as its target is the corpus's own term: "business" → 商业 is a
 * right translation that says nothing about whether a question is about the plan.
 */

/** Added to a word's general count, so a word the dictionary lacks is rare, not infinitely key. */
const SMOOTHING = 20;
/** Below this keyness a target is too general to bridge to; at KEY_FULL and above it counts fully. */
export const KEY_NONE = 1;
export const KEY_FULL = 3;

/** Keyness of each corpus word: log2 of its corpus rate over its (smoothed) general rate. */
export function keynessOf(
  corpusCounts: ReadonlyMap<string, number>,
  general: { counts: Readonly<Record<string, number>>; total: number },
): Map<string, number> {
  let corpusTotal = 0;
  for (const n of corpusCounts.values()) corpusTotal += n;
  const out = new Map<string, number>();
  if (corpusTotal === 0 || general.total === 0) return out;
  for (const [word, n] of corpusCounts) {
    const generalRate = ((general.counts[word] ?? 0) + SMOOTHING) / general.total;
    out.set(word, Math.log2(n / corpusTotal / generalRate));
  }
  return out;
}

/** A bridge weight factor from a target's keyness: 0 up to {@link KEY_NONE}, 1 from {@link KEY_FULL}. */
export function keyFactor(keyness: number | undefined): number {
  if (keyness === undefined) return 1;
  return Math.max(0, Math.min(1, (keyness - KEY_NONE) / (KEY_FULL - KEY_NONE)));
}
