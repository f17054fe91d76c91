/**
 * An hnswlib-node index behind @langchain/core's {@link SaveableVectorStore}: documents in, scored
 * documents out, saved to and loaded from a directory. (@langchain/community's HNSWLib would do the
 * same but pulls in packages that need Node 22.)
 */
import { randomUUID } from "node:crypto";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Document, type DocumentInterface } from "@langchain/core/documents";
import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import { SaveableVectorStore } from "@langchain/core/vectorstores";
// hnswlib-node is CommonJS: its named export works under vitest but not under plain node.
import hnswlib from "hnswlib-node";
import { z } from "zod";
import { checkHnswFile } from "./hnsw-file.js";

/** HNSW build and search parameters. */
export interface HnswParams {
  /** Graph degree. */
  m: number;
  efConstruction: number;
  /** Search breadth; raised to k when k is larger. */
  efSearch: number;
}

export const DEFAULT_HNSW: HnswParams = { m: 16, efConstruction: 200, efSearch: 64 };

/** The document list saved beside the index (`docs.json`): what each label of the index is. */
export const StoredDocs = z.object({
  dimensions: z.number().int().positive(),
  params: z.object({
    m: z.number().int().positive(),
    efConstruction: z.number().int().positive(),
    efSearch: z.number().int().positive(),
  }),
  docs: z.array(z.object({ pageContent: z.string(), metadata: z.record(z.string(), z.unknown()) })),
});
export type StoredDocs = z.infer<typeof StoredDocs>;

/** The files {@link HnswVectorStore.save} writes (the index only when the store holds documents). */
export const VECTOR_STORE_FILES = { index: "hnsw.index", docs: "docs.json" } as const;

/** A cosine-space HNSW index whose labels are positions in its document list. */
export class HnswVectorStore extends SaveableVectorStore {
  declare FilterType: (doc: DocumentInterface) => boolean;
  private index: InstanceType<typeof hnswlib.HierarchicalNSW> | undefined;
  private readonly docs: DocumentInterface[] = [];
  /** Points read back from hnswlib for exact scoring, kept: a read copies the vector into a new array. */
  private readonly points = new Map<number, Float32Array>();

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

  /**
   * Exact cosine similarity of the query to the given labels, best first — for a small part of the
   * index (one document's items), where a filtered graph search would visit most of the graph.
   */
  scoreLabels(query: number[], labels: readonly number[], k: number): [DocumentInterface, number][] {
    if (!this.index) return [];
    const index = this.index;
    const scored = labels.map((label) => {
      let v = this.points.get(label);
      if (!v) {
        v = Float32Array.from(index.getPoint(label));
        this.points.set(label, v);
      }
      let dot = 0;
      for (let i = 0; i < v.length; i++) dot += (v[i] as number) * (query[i] as number);
      return [this.docs[label] as DocumentInterface, dot] as [DocumentInterface, number];
    });
    return scored.sort((a, b) => b[1] - a[1]).slice(0, k);
  }

  /** Writes `hnsw.index` and `docs.json` into `directory`. */
  async save(directory: string): Promise<void> {
    await mkdir(directory, { recursive: true });
    if (this.index) await this.index.writeIndex(join(directory, VECTOR_STORE_FILES.index));
    await writeFile(join(directory, VECTOR_STORE_FILES.docs), JSON.stringify(this.stored()));
  }

  /** The document list as saved in `docs.json`. */
  stored(): StoredDocs {
    return {
      dimensions: this.dimensions,
      params: this.params,
      docs: this.docs.map((d) => ({ pageContent: d.pageContent, metadata: d.metadata })),
    };
  }

  /** Reads a store written by {@link save}; throws when the files are missing, malformed or disagree. */
  static override async load(directory: string, embeddings: EmbeddingsInterface): Promise<HnswVectorStore> {
    const stored = StoredDocs.parse(
      JSON.parse(await readFile(join(directory, VECTOR_STORE_FILES.docs), "utf8")),
    );
    const bytes = stored.docs.length > 0 ? await readFile(join(directory, VECTOR_STORE_FILES.index)) : null;
    return HnswVectorStore.restore(stored, bytes, embeddings);
  }

  /**
   * A store from its document list and the bytes of its index file, already read. The bytes are
   * checked ({@link checkHnswFile}) before hnswlib sees them — it trusts its file, and a damaged one
   * crashes the process — and hnswlib then reads a private copy of exactly those bytes, so a file
   * changed on disk after the check can never reach it.
   */
  static async restore(
    stored: StoredDocs,
    indexBytes: Buffer | null,
    embeddings: EmbeddingsInterface,
  ): Promise<HnswVectorStore> {
    const store = new HnswVectorStore(embeddings, stored.dimensions, stored.params);
    for (const d of stored.docs) store.docs.push(new Document(d));
    if (store.docs.length === 0) return store;
    if (!indexBytes)
      throw new Error(`${VECTOR_STORE_FILES.index} missing for ${store.docs.length} documents`);
    checkHnswFile(indexBytes, {
      dimensions: stored.dimensions,
      elements: store.docs.length,
      m: stored.params.m,
      efConstruction: stored.params.efConstruction,
    });
    // Created exclusively ("wx") under a random name: nothing else can have put a file there.
    const copy = join(tmpdir(), `policy-bot-hnsw-${process.pid}-${randomUUID()}.index`);
    try {
      await writeFile(copy, indexBytes, { flag: "wx", mode: 0o600 });
      store.index = new hnswlib.HierarchicalNSW("cosine", stored.dimensions);
      await store.index.readIndex(copy);
    } finally {
      await rm(copy, { force: true });
    }
    if (store.index.getCurrentCount() !== store.docs.length)
      throw new Error(`${VECTOR_STORE_FILES.index} and ${VECTOR_STORE_FILES.docs} disagree`);
    return store;
  }
}
