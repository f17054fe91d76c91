/**
 * An hnswlib-node index behind @langchain/core's {@link SaveableVectorStore}: documents in, scored
 * documents out, saved to and loaded from a directory. (@langchain/community's HNSWLib would do the
 * same but pulls in packages that need Node 22.)
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { Document, type DocumentInterface } from "@langchain/core/documents";
import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import { SaveableVectorStore } from "@langchain/core/vectorstores";
// hnswlib-node is CommonJS: its named export works under vitest but not under plain node.
import hnswlib from "hnswlib-node";
import { z } from "zod";

/** HNSW build and search parameters. */
export interface HnswParams {
  /** Graph degree. */
  m: number;
  efConstruction: number;
  /** Search breadth; raised to k when k is larger. */
  efSearch: number;
}

export const DEFAULT_HNSW: HnswParams = { m: 16, efConstruction: 200, efSearch: 64 };

const StoredDocs = z.object({
  dimensions: z.number().int().positive(),
  params: z.object({ m: z.number(), efConstruction: z.number(), efSearch: z.number() }),
  docs: z.array(z.object({ pageContent: z.string(), metadata: z.record(z.string(), z.unknown()) })),
});

/** A cosine-space HNSW index whose labels are positions in its document list. */
export class HnswVectorStore extends SaveableVectorStore {
  declare FilterType: (doc: DocumentInterface) => boolean;
  private index: InstanceType<typeof hnswlib.HierarchicalNSW> | undefined;
  private readonly docs: DocumentInterface[] = [];

  constructor(
    embeddings: EmbeddingsInterface,
    readonly dimensions: number,
    readonly params: HnswParams = DEFAULT_HNSW,
  ) {
    super(embeddings, {});
  }

  _vectorstoreType(): string {
    return "hnswlib-node";
  }

  get size(): number {
    return this.docs.length;
  }

  private ensureCapacity(extra: number): InstanceType<typeof hnswlib.HierarchicalNSW> {
    if (!this.index) {
      this.index = new hnswlib.HierarchicalNSW("cosine", this.dimensions);
      this.index.initIndex({
        maxElements: Math.max(extra, 16),
        m: this.params.m,
        efConstruction: this.params.efConstruction,
        randomSeed: 100,
      });
    } else if (this.index.getCurrentCount() + extra > this.index.getMaxElements()) {
      this.index.resizeIndex(Math.max(this.index.getMaxElements() * 2, this.index.getCurrentCount() + extra));
    }
    return this.index;
  }

  async addVectors(vectors: number[][], documents: DocumentInterface[]): Promise<string[]> {
    if (vectors.length !== documents.length) throw new Error("addVectors: one vector per document");
    const index = this.ensureCapacity(vectors.length);
    const ids: string[] = [];
    vectors.forEach((v, i) => {
      if (v.length !== this.dimensions)
        throw new Error(`vector has ${v.length} dimensions, index ${this.dimensions}`);
      const label = this.docs.length;
      index.addPoint(v, label);
      this.docs.push(documents[i] as DocumentInterface);
      ids.push(String(label));
    });
    return ids;
  }

  async addDocuments(documents: DocumentInterface[]): Promise<string[]> {
    return this.addVectors(
      await this.embeddings.embedDocuments(documents.map((d) => d.pageContent)),
      documents,
    );
  }

  /** Nearest documents with cosine similarity (1 = same direction), best first. */
  async similaritySearchVectorWithScore(
    query: number[],
    k: number,
    filter?: this["FilterType"],
  ): Promise<[DocumentInterface, number][]> {
    return this.searchSync(query, k, filter);
  }

  /** {@link similaritySearchVectorWithScore} without the promise: hnswlib searches synchronously. */
  searchSync(query: number[], k: number, filter?: this["FilterType"]): [DocumentInterface, number][] {
    if (!this.index || this.docs.length === 0) return [];
    const n = Math.min(k, this.docs.length);
    this.index.setEf(Math.max(this.params.efSearch, n));
    const result = filter
      ? this.index.searchKnn(query, n, (label: number) => filter(this.docs[label] as DocumentInterface))
      : this.index.searchKnn(query, n);
    return result.neighbors.map((label, i) => [
      this.docs[label] as DocumentInterface,
      1 - (result.distances[i] as number),
    ]);
  }

  /** Writes `hnsw.index` and `docs.json` into `directory`. */
  async save(directory: string): Promise<void> {
    await mkdir(directory, { recursive: true });
    if (this.index) await this.index.writeIndex(join(directory, "hnsw.index"));
    const stored = { dimensions: this.dimensions, params: this.params, docs: this.docs };
    await writeFile(join(directory, "docs.json"), JSON.stringify(stored));
  }

  /** Reads a store written by {@link save}; throws when the files are missing or malformed. */
  static override async load(directory: string, embeddings: EmbeddingsInterface): Promise<HnswVectorStore> {
    const stored = StoredDocs.parse(JSON.parse(await readFile(join(directory, "docs.json"), "utf8")));
    const store = new HnswVectorStore(embeddings, stored.dimensions, stored.params);
    for (const d of stored.docs) store.docs.push(new Document(d));
    if (store.docs.length > 0) {
      store.index = new hnswlib.HierarchicalNSW("cosine", stored.dimensions);
      await store.index.readIndex(join(directory, "hnsw.index"));
      if (store.index.getCurrentCount() !== store.docs.length)
        throw new Error("hnsw index and docs.json disagree");
    }
    return store;
  }
}
