/**
 * BM25 over the terms of {@link lexicalTerms}: exact words and bigrams, weighted by rarity.
 */
import { z } from "zod";

/** The serialised index (what the disk cache stores). */
export const LexicalIndexData = z.object({
  k1: z.number(),
  b: z.number(),
  lengths: z.array(z.number()),
  /** term → [[document index, term frequency], …] */
  postings: z.record(z.string(), z.array(z.tuple([z.number(), z.number()]))),
});
export type LexicalIndexData = z.infer<typeof LexicalIndexData>;

/** One scored document. */
export interface LexicalHit {
  index: number;
  score: number;
}

/** A BM25 index over documents given as term lists. */
export class LexicalIndex {
  private readonly avgLength: number;

  private constructor(private readonly data: LexicalIndexData) {
    const n = data.lengths.length;
    this.avgLength = n === 0 ? 0 : data.lengths.reduce((a, b) => a + b, 0) / n;
  }

  /** Builds an index; document i is `docs[i]`. */
  static build(docs: readonly string[][], k1 = 1.2, b = 0.75): LexicalIndex {
    const postings: Record<string, Array<[number, number]>> = {};
    docs.forEach((terms, i) => {
      const tf = new Map<string, number>();
      for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
      for (const [t, f] of tf) {
        const list = Object.hasOwn(postings, t) ? (postings[t] as Array<[number, number]>) : [];
        list.push([i, f]);
        postings[t] = list;
      }
    });
    return new LexicalIndex({ k1, b, lengths: docs.map((d) => d.length), postings });
  }

  /** Restores an index from {@link toJSON} output, validating it. */
  static fromJSON(json: unknown): LexicalIndex {
    return new LexicalIndex(LexicalIndexData.parse(json));
  }

  toJSON(): LexicalIndexData {
    return this.data;
  }

  get size(): number {
    return this.data.lengths.length;
  }

  /** A term's postings; own keys only, so a query word like "constructor" is just a word. */
  private postingsOf(term: string): Array<[number, number]> | undefined {
    return Object.hasOwn(this.data.postings, term) ? this.data.postings[term] : undefined;
  }

  /** How many documents contain a term. */
  documentFrequency(term: string): number {
    return this.postingsOf(term)?.length ?? 0;
  }

  /** Inverse document frequency (BM25+ style, never negative). */
  idf(term: string): number {
    return this.idfOf(this.documentFrequency(term));
  }

  /** The IDF of a term found in `df` documents. */
  idfOf(df: number): number {
    return Math.log(1 + (this.size - df + 0.5) / (df + 0.5));
  }

  /** Documents matching any query term, best first. A term repeated in the query counts once. */
  search(query: readonly string[], limit = Number.POSITIVE_INFINITY): LexicalHit[] {
    const { k1, b, lengths } = this.data;
    const scores = new Map<number, number>();
    for (const term of new Set(query)) {
      const list = this.postingsOf(term);
      if (!list) continue;
      const idf = this.idf(term);
      for (const [doc, tf] of list) {
        const norm = tf + k1 * (1 - b + (b * (lengths[doc] as number)) / (this.avgLength || 1));
        scores.set(doc, (scores.get(doc) ?? 0) + (idf * (tf * (k1 + 1))) / norm);
      }
    }
    return [...scores.entries()]
      .map(([index, score]) => ({ index, score }))
      .sort((x, y) => y.score - x.score || x.index - y.index)
      .slice(0, limit);
  }
}
