/**
 * Embeddings that need no model: hashed character n-grams and segmented words, signed feature
 * hashing into a fixed number of dimensions, sub-linear term frequency, unit length. Texts that
 * share words and character runs land close; nothing is downloaded.
 */
import { Embeddings, type EmbeddingsParams } from "@langchain/core/embeddings";
import { cjkNgrams, latinWords, words } from "./tokenize.js";

/** Options for {@link HashedNgramEmbeddings}. */
export interface HashedNgramEmbeddingsParams extends EmbeddingsParams {
  /** Vector length; 512 keeps collisions rare for plan-sized texts. */
  dimensions?: number;
}

/** 32-bit FNV-1a over UTF-16 code units. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Feature weights: whole words say most, trigrams and bigrams smooth over segmentation. */
const WEIGHTS = { word: 1, latin: 1, bigram: 0.6, trigram: 0.4, unigram: 0.15 } as const;

/** A local {@link Embeddings} implementation: deterministic, offline, fast. */
export class HashedNgramEmbeddings extends Embeddings {
  readonly dimensions: number;

  constructor(params: HashedNgramEmbeddingsParams = {}) {
    super(params);
    this.dimensions = params.dimensions ?? 512;
  }

  /** The vector of one text, synchronously (the async methods wrap this). */
  embed(text: string): number[] {
    const features = new Map<string, number>();
    const add = (list: readonly string[], kind: keyof typeof WEIGHTS) => {
      for (const f of list) {
        const key = `${kind}:${f}`;
        features.set(key, (features.get(key) ?? 0) + 1);
      }
    };
    add(words(text), "word");
    add(latinWords(text), "latin");
    add(cjkNgrams(text, 1), "unigram");
    add(cjkNgrams(text, 2), "bigram");
    add(cjkNgrams(text, 3), "trigram");
    const v = new Float64Array(this.dimensions);
    for (const [key, tf] of features) {
      const h = fnv1a(key);
      const kind = key.slice(0, key.indexOf(":")) as keyof typeof WEIGHTS;
      const sign = h & 0x80000000 ? -1 : 1;
      const at = h % this.dimensions;
      v[at] = (v[at] as number) + sign * WEIGHTS[kind] * (1 + Math.log(tf));
    }
    let sum = 0;
    for (let i = 0; i < v.length; i++) sum += (v[i] as number) * (v[i] as number);
    const norm = Math.sqrt(sum);
    return Array.from(v, (x) => (norm === 0 ? x : x / norm));
  }

  override async embedDocuments(documents: string[]): Promise<number[][]> {
    return documents.map((d) => this.embed(d));
  }

  override async embedQuery(document: string): Promise<number[]> {
    return this.embed(document);
  }
}
