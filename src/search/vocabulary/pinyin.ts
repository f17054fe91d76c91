/**
 * The corpus by sound: toneless pinyin of Chinese characters (pinyin-pro, memoised per
 * character) and an index of every stretch of the corpus texts by its syllables, so a stretch of a
 * question can be found by how it sounds.
 */
import { pinyin } from "pinyin-pro";

const primary = new Map<string, string>();

/** A run of Han characters (the basic and extension-A blocks). */
export const HAN_RUN = /[\u3400-\u9fff]+/g;

/**
 * The most common toneless reading of a Han character; "" for any other character. Rare readings
 * (池 che, 概 gui) are left out on purpose: with them too many words would sound alike.
 */
export function primaryReading(char: string): string {
  let r = primary.get(char);
  if (r === undefined) {
    r = /^[\u3400-\u9fff]$/.test(char) ? pinyin(char, { toneType: "none" }).toLowerCase() : "";
    primary.set(char, r);
  }
  return r;
}

/** The syllables of a text's characters (one per character; "" for non-Han characters). */
export function syllablesOf(text: string): string[] {
  return [...text].map(primaryReading);
}

/** Where a stretch of the indexed texts is: run and offset. */
export type SoundHit = readonly [run: number, at: number];

/** Texts indexed by sound: every Han run with its syllables, and each syllable bigram's places. */
export class SoundIndex {
  /** The texts joined with a separator, for "do they contain this verbatim?". */
  private readonly joined: string;
  readonly runs: Array<{ text: string; syllables: string[] }> = [];
  /** Syllable → small integer, so a bigram is one number. */
  private readonly ids = new Map<string, number>();
  /** Bigram number → places, each packed as run × 2^16 + offset. */
  private readonly seeds = new Map<number, number[]>();
  /** Every syllable the texts use. */
  readonly syllables = new Set<string>();
  /**
   * Where each pair of adjacent UTF-16 units of `joined` occurs: pair → slot, and the slot's
   * positions `positions[starts[slot] .. starts[slot + 1])`. Typo repair asks "is this in the texts?"
   * many times a question; a scan of the joined texts would cost their length each time.
   */
  private readonly pairSlots = new Map<number, number>();
  private readonly starts: Int32Array;
  private readonly positions: Int32Array;
  private readonly units = new Set<string>();

  constructor(texts: readonly string[]) {
    this.joined = `\u0000${texts.join("\u0000")}\u0000`;
    ({ starts: this.starts, positions: this.positions } = this.indexPairs());
    // A run that recurs (a phrase many plans share) is indexed once: its places would all give the
    // same repair, and a question's look-up would pay for each.
    const indexed = new Set<string>();
    for (const t of texts) {
      for (const m of t.matchAll(HAN_RUN)) {
        const run = m[0];
        if (run.length < 2 || run.length >= 0x10000 || indexed.has(run)) continue;
        indexed.add(run);
        const syllables = syllablesOf(run);
        const r = this.runs.length;
        this.runs.push({ text: run, syllables });
        let previous = this.idOf(syllables[0] as string);
        for (let i = 1; i < syllables.length; i++) {
          const id = this.idOf(syllables[i] as string);
          const key = previous * 0x10000 + id;
          const place = r * 0x10000 + (i - 1);
          const list = this.seeds.get(key);
          if (list) list.push(place);
          else this.seeds.set(key, [place]);
          previous = id;
        }
      }
    }
    for (const s of this.ids.keys()) this.syllables.add(s);
  }

  private idOf(syllable: string): number {
    let id = this.ids.get(syllable);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(syllable, id);
    }
    return id;
  }

  /** Counts, then places, every adjacent pair of units (a pair with the separator is left out). */
  private indexPairs(): { starts: Int32Array; positions: Int32Array } {
    const j = this.joined;
    const counts: number[] = [];
    for (let i = 0; i < j.length; i++) this.units.add(j[i] as string);
    for (let i = 0; i + 1 < j.length; i++) {
      const a = j.charCodeAt(i);
      const b = j.charCodeAt(i + 1);
      if (a === 0 || b === 0) continue;
      const key = a * 0x10000 + b;
      let slot = this.pairSlots.get(key);
      if (slot === undefined) {
        slot = counts.length;
        this.pairSlots.set(key, slot);
        counts.push(0);
      }
      counts[slot] = (counts[slot] as number) + 1;
    }
    const starts = new Int32Array(counts.length + 1);
    for (let k = 0; k < counts.length; k++) starts[k + 1] = (starts[k] as number) + (counts[k] as number);
    const positions = new Int32Array(starts[counts.length] as number);
    const filled = starts.slice(0, counts.length);
    for (let i = 0; i + 1 < j.length; i++) {
      const a = j.charCodeAt(i);
      const b = j.charCodeAt(i + 1);
      if (a === 0 || b === 0) continue;
      const slot = this.pairSlots.get(a * 0x10000 + b) as number;
      positions[filled[slot] as number] = i;
      filled[slot] = (filled[slot] as number) + 1;
    }
    return { starts, positions };
  }

  /** Whether the texts contain `text` verbatim: checked where its rarest pair of units occurs. */
  has(text: string): boolean {
    if (text.length <= 1) return text.length === 0 || this.units.has(text);
    let rarest = -1;
    let at = 0;
    let fewest = Number.POSITIVE_INFINITY;
    for (let i = 0; i + 1 < text.length; i++) {
      const slot = this.pairSlots.get(text.charCodeAt(i) * 0x10000 + text.charCodeAt(i + 1));
      if (slot === undefined) return false;
      const count = (this.starts[slot + 1] as number) - (this.starts[slot] as number);
      if (count < fewest) [rarest, at, fewest] = [slot, i, count];
    }
    for (let k = this.starts[rarest] as number; k < (this.starts[rarest + 1] as number); k++) {
      const begin = (this.positions[k] as number) - at;
      if (begin >= 0 && this.joined.startsWith(text, begin)) return true;
    }
    return false;
  }

  /** Places where a stretch starts with these two syllables. */
  /** Where the syllables a, b stand side by side: each place packed as run × 2^16 + offset. */
  places(a: string, b: string): readonly number[] {
    const x = this.ids.get(a);
    const y = this.ids.get(b);
    if (x === undefined || y === undefined) return [];
    return this.seeds.get(x * 0x10000 + y) ?? [];
  }

  seed(a: string, b: string): SoundHit[] {
    const x = this.ids.get(a);
    const y = this.ids.get(b);
    if (x === undefined || y === undefined) return [];
    return (this.seeds.get(x * 0x10000 + y) ?? []).map(
      (p) => [Math.floor(p / 0x10000), p % 0x10000] as const,
    );
  }

  /** A stretch of the texts with exactly these syllables, or null. */
  find(syllables: readonly string[]): string | null {
    if (syllables.length < 2) return null;
    for (const [r, p] of this.seed(syllables[0] as string, syllables[1] as string)) {
      const run = this.runs[r] as { text: string; syllables: string[] };
      if (syllables.every((s, k) => run.syllables[p + k] === s))
        return run.text.slice(p, p + syllables.length);
    }
    return null;
  }
}
