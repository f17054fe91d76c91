/**
 * The scale benchmark: a synthetic corpus of N items embedded and inserted into hnswlib one at a time
 * (no array of N vectors is ever held), then measured — build time, memory, size on disk, query
 * latency, and recall@10 and speed against exact brute force over the same vectors.
 *
 * While building, vectors are streamed to a scratch file; only after the index's memory has been
 * measured are they read back into one Float32Array for brute force, so the index's own RSS is clean.
 */
import { closeSync, mkdtempSync, openSync, readSync, rmSync, statSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import hnswlib from "hnswlib-node";
import { DEFAULT_HNSW, HashedNgramEmbeddings, type HnswParams } from "../search/index.js";
import { bruteForceTopK, dot, recallAtK, VectorMatrix } from "./brute.js";
import { type LatencySummary, mb, peakRssMb, rssMb, summarize } from "./stats.js";
import type { SyntheticCorpus } from "./synthetic.js";

export interface ScaleOptions {
  /** Items in the index. */
  size: number;
  dimensions: number;
  /** Queries for latency and recall, made from the items after the indexed ones. */
  queries: number;
  /** efSearch values to measure; the first is the headline. */
  efs: readonly number[];
  k?: number;
  hnsw?: HnswParams;
  /**
   * Where the item vectors come from, in order; by default generated and embedded on this thread.
   * The CLI passes a worker thread's batches so embedding overlaps insertion (2 cores).
   */
  source?: AsyncIterable<VectorBatch> | Iterable<VectorBatch>;
  /** Called after each batch with (done, total). */
  progress?: (done: number, total: number) => void;
}

export interface EfResult {
  ef: number;
  latency: LatencySummary;
  recall: number;
  /** Mean brute-force time over mean HNSW time. */
  speedup: number;
}

export interface ScaleResult {
  size: number;
  dimensions: number;
  hnsw: HnswParams;
  queries: number;
  k: number;
  /** Whole build, wall clock, ms (generate + embed + insert, less any overlap). */
  buildMs: number;
  /** Whether embedding ran on another thread, overlapping insertion. */
  pipelined: boolean;
  generateMs: number;
  embedMs: number;
  insertMs: number;
  /** Bytes of the saved hnswlib index. */
  diskBytes: number;
  saveMs: number;
  /** RSS before the build, after it, and the process peak once built (MB). */
  rssBeforeMb: number;
  rssAfterBuildMb: number;
  peakAfterBuildMb: number;
  /** Peak of the whole run, brute-force copy of the vectors included (MB). */
  peakTotalMb: number;
  /** One query's embedding time. */
  embedQuery: LatencySummary;
  /** Brute force over the Float32Array, per query. */
  brute: LatencySummary;
  efs: EfResult[];
}

const FLUSH_ROWS = 4096;

/** Consecutive item vectors, row-major, with the time it took to make them. */
export interface VectorBatch {
  start: number;
  count: number;
  vectors: Float32Array;
  generateMs: number;
  embedMs: number;
}

/** Items [start, end) of a synthetic corpus generated and embedded in batches (no more held at once). */
export function* embedBatches(
  corpus: SyntheticCorpus,
  embeddings: HashedNgramEmbeddings,
  start: number,
  end: number,
  batchSize = 1000,
): Generator<VectorBatch> {
  const dimensions = embeddings.dimensions;
  for (let at = start; at < end; at += batchSize) {
    const count = Math.min(batchSize, end - at);
    const vectors = new Float32Array(count * dimensions);
    let generateMs = 0;
    let embedMs = 0;
    for (let r = 0; r < count; r++) {
      const t0 = performance.now();
      const text = corpus.item(at + r).text;
      const t1 = performance.now();
      vectors.set(embeddings.embed(text), r * dimensions);
      embedMs += performance.now() - t1;
      generateMs += t1 - t0;
    }
    yield { start: at, count, vectors, generateMs, embedMs };
  }
}

function inlineBatches(corpus: SyntheticCorpus, size: number, dimensions: number): Generator<VectorBatch> {
  return embedBatches(corpus, new HashedNgramEmbeddings({ dimensions }), 0, size);
}

/** Builds and measures one synthetic index. */
export async function runScale(corpus: SyntheticCorpus, options: ScaleOptions): Promise<ScaleResult> {
  const { size, dimensions } = options;
  const k = options.k ?? 10;
  const params = options.hnsw ?? DEFAULT_HNSW;
  const embeddings = new HashedNgramEmbeddings({ dimensions });
  const scratch = mkdtempSync(join(tmpdir(), "policy-bot-bench-"));
  try {
    const vectorsFile = join(scratch, "vectors.f32");
    const rssBeforeMb = rssMb();
    const index = new hnswlib.HierarchicalNSW("cosine", dimensions);
    index.initIndex({
      maxElements: size,
      m: params.m,
      efConstruction: params.efConstruction,
      randomSeed: 100,
    });
    const fd = openSync(vectorsFile, "w");
    const chunk = new Float32Array(FLUSH_ROWS * dimensions);
    let inChunk = 0;
    const flush = () => {
      writeSync(fd, new Uint8Array(chunk.buffer, 0, inChunk * dimensions * 4));
      inChunk = 0;
    };
    let generateMs = 0;
    let embedMs = 0;
    let insertMs = 0;
    let done = 0;
    const started = performance.now();
    const source = options.source ?? inlineBatches(corpus, size, dimensions);
    for await (const batch of source) {
      generateMs += batch.generateMs;
      embedMs += batch.embedMs;
      const t = performance.now();
      for (let r = 0; r < batch.count; r++) {
        const v = batch.vectors.subarray(r * dimensions, (r + 1) * dimensions);
        index.addPoint(Array.from(v), batch.start + r);
        chunk.set(v, inChunk * dimensions);
        if (++inChunk === FLUSH_ROWS) flush();
      }
      insertMs += performance.now() - t;
      done += batch.count;
      options.progress?.(done, size);
    }
    if (done !== size) throw new Error(`the source gave ${done} vectors, want ${size}`);
    flush();
    closeSync(fd);
    const buildMs = performance.now() - started;
    const rssAfterBuildMb = rssMb();
    const peakAfterBuildMb = peakRssMb();

    const indexFile = join(scratch, "hnsw.index");
    const saveStart = performance.now();
    index.writeIndexSync(indexFile);
    const saveMs = performance.now() - saveStart;
    const diskBytes = statSync(indexFile).size;
    rmSync(indexFile, { force: true });

    // Queries from items outside the index.
    const embedTimes: number[] = [];
    const queries: number[][] = [];
    for (let q = 0; q < options.queries; q++) {
      const text = corpus.query(size + q);
      const t = performance.now();
      queries.push(embeddings.embed(text));
      embedTimes.push(performance.now() - t);
    }
    const approximate = new Map<number, number[][]>();
    const hnswTimes = new Map<number, number[]>();
    for (const ef of options.efs) {
      index.setEf(Math.max(ef, k));
      const labels: number[][] = [];
      const times: number[] = [];
      for (const q of queries) {
        const t = performance.now();
        const r = index.searchKnn(q, k);
        times.push(performance.now() - t);
        labels.push(r.neighbors);
      }
      approximate.set(ef, labels);
      hnswTimes.set(ef, times);
    }

    // Now the exact side: the vectors back into one Float32Array.
    const matrix = readMatrix(vectorsFile, size, dimensions);
    rmSync(vectorsFile, { force: true });
    const bruteTimes: number[] = [];
    const exact = queries.map((q) => {
      const t = performance.now();
      const top = bruteForceTopK(matrix, q, k);
      bruteTimes.push(performance.now() - t);
      return top;
    });
    const brute = summarize(bruteTimes);
    const efs = options.efs.map((ef): EfResult => {
      const labels = approximate.get(ef) as number[][];
      const latency = summarize(hnswTimes.get(ef) as number[]);
      const recalls = labels.map((l, i) =>
        recallAtK(l, exact[i] as ReturnType<typeof bruteForceTopK>, k, (row) =>
          dot(matrix, row, queries[i] as number[]),
        ),
      );
      return {
        ef,
        latency,
        recall: recalls.reduce((a, b) => a + b, 0) / Math.max(1, recalls.length),
        speedup: brute.mean / latency.mean,
      };
    });
    return {
      size,
      dimensions,
      hnsw: params,
      queries: queries.length,
      k,
      buildMs,
      pipelined: options.source !== undefined,
      generateMs,
      embedMs,
      insertMs,
      diskBytes,
      saveMs,
      rssBeforeMb,
      rssAfterBuildMb,
      peakAfterBuildMb,
      peakTotalMb: peakRssMb(),
      embedQuery: summarize(embedTimes),
      brute,
      efs,
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Reads `rows` vectors written by the build into one matrix, in chunks (files may exceed 2 GB). */
function readMatrix(file: string, rows: number, dimensions: number): VectorMatrix {
  const data = new Float32Array(rows * dimensions);
  const bytes = new Uint8Array(data.buffer);
  const fd = openSync(file, "r");
  try {
    let at = 0;
    const step = 64 * 1024 * 1024;
    while (at < bytes.length) {
      const n = readSync(fd, bytes, at, Math.min(step, bytes.length - at), at);
      if (n <= 0) throw new Error(`vectors file ends at ${at} of ${bytes.length} bytes`);
      at += n;
    }
  } finally {
    closeSync(fd);
  }
  return new VectorMatrix(rows, dimensions, data);
}

/** MB of a byte count, for reports. */
export const diskMb = (r: ScaleResult) => mb(r.diskBytes);
