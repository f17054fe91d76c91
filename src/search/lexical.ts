/**
 * BM25 over the terms of {@link lexicalTerms}: exact words and bigrams, weighted by rarity. An
 * inverted index in typed arrays (term → the documents holding it, with term frequencies), so memory
 * grows with the postings, not with objects per posting, and a query touches only the documents that
 * share one of its terms, keeping the best `limit` in a heap instead of sorting every match.
 */
import { z } from "zod";

const numbers = z.custom<number[]>((v) => Array.isArray(v), "expected an array of numbers");

/** The serialised index (what the disk cache stores): postings as flat arrays. */
export const LexicalIndexData = z.object({
  version: z.literal(2),
  k1: z.number(),
  b: z.number(),
  /** Length (in terms) of each document. */
  lengths: numbers,
  terms: z.array(z.string()),
  /** The postings of term i are `docs[offsets[i] .. offsets[i + 1])`, with `tfs` at the same positions. */
  offsets: numbers,
  docs: numbers,
  tfs: numbers,
});
export type LexicalIndexData = z.infer<typeof LexicalIndexData>;

/** One scored document. */
export interface LexicalHit {
  index: number;
  score: number;
}

/** Whether every element of an array is an integer within [min, max]. */
function integers(values: readonly number[], min: number, max: number): boolean {
  for (const v of values) if (!Number.isInteger(v) || v < min || v > max) return false;
  return true;
}

/** The `limit` best of scored documents: a min-heap on score (ties: lower index first). */
function topK(candidates: Int32Array, count: number, scores: Float64Array, limit: number): LexicalHit[] {
  const worse = (a: number, b: number) => {
    const sa = scores[a] as number;
    const sb = scores[b] as number;
    return sa < sb || (sa === sb && a > b);
  };
  const heap: number[] = [];
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && worse(heap[l] as number, heap[m] as number)) m = l;
      if (r < heap.length && worse(heap[r] as number, heap[m] as number)) m = r;
      if (m === i) return;
      [heap[i], heap[m]] = [heap[m] as number, heap[i] as number];
      i = m;
    }
  };
  for (let c = 0; c < count; c++) {
    const doc = candidates[c] as number;
    if (heap.length < limit) {
      heap.push(doc);
      for (let i = heap.length - 1; i > 0; ) {
        const p = (i - 1) >> 1;
        if (!worse(heap[i] as number, heap[p] as number)) break;
        [heap[i], heap[p]] = [heap[p] as number, heap[i] as number];
        i = p;
      }
    } else if (worse(heap[0] as number, doc)) {
      heap[0] = doc;
      down(0);
    }
  }
  return heap
    .map((index) => ({ index, score: scores[index] as number }))
    .sort((x, y) => y.score - x.score || x.index - y.index);
}

/** A BM25 index over documents given as term lists. */
export class LexicalIndex {
  private readonly avgLength: number;
  private readonly termIndex = new Map<string, number>();
  private readonly offsets: Int32Array;
  private readonly docs: Int32Array;
  private readonly tfs: Uint16Array;
  private readonly lengths: Uint32Array;
  /** Scratch space for one query: scores by document, and which documents were touched. */
  private readonly scores: Float64Array;
  private readonly touched: Int32Array;

  private constructor(private readonly data: LexicalIndexData) {
    data.terms.forEach((t, i) => {
      this.termIndex.set(t, i);
    });
    this.offsets = Int32Array.from(data.offsets);
    this.docs = Int32Array.from(data.docs);
    this.tfs = Uint16Array.from(data.tfs, (f) => Math.min(f, 65535));
    this.lengths = Uint32Array.from(data.lengths);
    const n = this.lengths.length;
    this.avgLength = n === 0 ? 0 : this.lengths.reduce((a, b) => a + b, 0) / n;
    this.scores = new Float64Array(n);
    this.touched = new Int32Array(n);
  }

  /** Builds an index; document i is `docs[i]`. */
  static build(docs: readonly string[][], k1 = 1.2, b = 0.75): LexicalIndex {
    const postings = new Map<string, number[]>();
    docs.forEach((terms, i) => {
      const tf = new Map<string, number>();
      for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
      for (const [t, f] of tf) {
        let list = postings.get(t);
        if (!list) {
          list = [];
          postings.set(t, list);
        }
        list.push(i, f);
      }
    });
    const terms = [...postings.keys()];
    const offsets = [0];
    const ids: number[] = [];
    const tfs: number[] = [];
    for (const t of terms) {
      const list = postings.get(t) as number[];
      for (let j = 0; j < list.length; j += 2) {
        ids.push(list[j] as number);
        tfs.push(list[j + 1] as number);
      }
      offsets.push(ids.length);
    }
    return new LexicalIndex({
      version: 2,
      k1,
      b,
      lengths: docs.map((d) => d.length),
      terms,
      offsets,
      docs: ids,
      tfs,
    });
  }

  /** Restores an index from {@link toJSON} output, validating its shape and consistency. */
  static fromJSON(json: unknown): LexicalIndex {
    const data = LexicalIndexData.parse(json);
    const n = data.lengths.length;
    const postings = data.docs.length;
    const consistent =
      data.offsets.length === data.terms.length + 1 &&
      data.offsets[0] === 0 &&
      data.offsets.at(-1) === postings &&
      data.tfs.length === postings &&
      integers(data.offsets, 0, postings) &&
      data.offsets.every((o, i) => i === 0 || o >= (data.offsets[i - 1] as number)) &&
      integers(data.docs, 0, n - 1) &&
      integers(data.tfs, 1, Number.MAX_SAFE_INTEGER) &&
      integers(data.lengths, 0, Number.MAX_SAFE_INTEGER) &&
      new Set(data.terms).size === data.terms.length;
    if (!consistent) throw new Error("lexical index: inconsistent postings");
    return new LexicalIndex(data);
  }

  toJSON(): LexicalIndexData {
    return this.data;
  }

  get size(): number {
    return this.lengths.length;
  }

  /** How many documents contain a term. */
  documentFrequency(term: string): number {
    const t = this.termIndex.get(term);
    return t === undefined ? 0 : (this.offsets[t + 1] as number) - (this.offsets[t] as number);
  }

  /** Every term with how often it occurs in all documents together. */
  *termCounts(): Iterable<[string, number]> {
    const { terms } = this.data;
    for (let t = 0; t < terms.length; t++) {
      let count = 0;
      for (let p = this.offsets[t] as number; p < (this.offsets[t + 1] as number); p++)
        count += this.tfs[p] as number;
      yield [terms[t] as string, count];
    }
  }

  /** How many of the allowed documents (`allowed[doc] === 1`) contain a term. */
  documentFrequencyIn(term: string, allowed: Uint8Array): number {
    const t = this.termIndex.get(term);
    if (t === undefined) return 0;
    let n = 0;
    for (let p = this.offsets[t] as number; p < (this.offsets[t + 1] as number); p++)
      n += allowed[this.docs[p] as number] as number;
    return n;
  }

  /** Inverse document frequency (BM25+ style, never negative). */
  idf(term: string): number {
    return this.idfOf(this.documentFrequency(term));
  }

  /** The IDF of a term found in `df` documents. */
  idfOf(df: number): number {
    return Math.log(1 + (this.size - df + 0.5) / (df + 0.5));
  }

  /**
   * The `limit` best documents matching any query term, best first; a term repeated in the query
   * counts once. `allowed` keeps only some documents (the plans a question names): a mask, 1 for a
   * document kept — a typed array rather than a callback, since it is read for every posting.
   */
  search(query: readonly string[], limit = Number.POSITIVE_INFINITY, allowed?: Uint8Array): LexicalHit[] {
    const { k1, b } = this.data;
    const scores = this.scores;
    const touched = this.touched;
    let count = 0;
    const norm = this.avgLength || 1;
    for (const term of new Set(query)) {
      const t = this.termIndex.get(term);
      if (t === undefined) continue;
      const from = this.offsets[t] as number;
      const to = this.offsets[t + 1] as number;
      const idf = this.idfOf(to - from);
      for (let p = from; p < to; p++) {
        const doc = this.docs[p] as number;
        if (allowed && allowed[doc] !== 1) continue;
        const tf = this.tfs[p] as number;
        const add =
          (idf * (tf * (k1 + 1))) / (tf + k1 * (1 - b + (b * (this.lengths[doc] as number)) / norm));
        if (scores[doc] === 0) touched[count++] = doc;
        scores[doc] = (scores[doc] as number) + add;
      }
    }
    const hits = topK(touched, count, scores, Math.min(limit, count));
    for (let c = 0; c < count; c++) scores[touched[c] as number] = 0;
    return hits;
  }
}
