/**
 * Exact nearest neighbours by brute force over one Float32Array of unit vectors (cosine = dot
 * product): the ground truth the HNSW index is measured against, and the speed it must beat.
 */

/** `count` vectors of `dimensions` floats, row-major in one buffer. */
export class VectorMatrix {
  readonly data: Float32Array;
  count = 0;

  constructor(
    readonly capacity: number,
    readonly dimensions: number,
    data?: Float32Array,
  ) {
    this.data = data ?? new Float32Array(capacity * dimensions);
    if (data) this.count = Math.floor(data.length / dimensions);
  }

  /** Appends a vector; returns its row. */
  push(vector: ArrayLike<number>): number {
    if (vector.length !== this.dimensions)
      throw new Error(`vector of ${vector.length}, want ${this.dimensions}`);
    if (this.count >= this.capacity) throw new Error("VectorMatrix is full");
    this.data.set(vector, this.count * this.dimensions);
    return this.count++;
  }

  /** Row `i` as a view (no copy). */
  row(i: number): Float32Array {
    return this.data.subarray(i * this.dimensions, (i + 1) * this.dimensions);
  }
}

/** The k rows with the highest dot product with `query`, best first (ties: lower row first). */
export function bruteForceTopK(
  matrix: VectorMatrix,
  query: ArrayLike<number>,
  k: number,
): Array<{ label: number; score: number }> {
  const dim = matrix.dimensions;
  const data = matrix.data;
  const q = Float32Array.from(query);
  const n = matrix.count;
  const kk = Math.min(k, n);
  // A small sorted buffer (descending): k is 10, so insertion beats a heap.
  const labels = new Int32Array(kk).fill(-1);
  const scores = new Float64Array(kk).fill(Number.NEGATIVE_INFINITY);
  for (let row = 0, off = 0; row < n; row++, off += dim) {
    let s = 0;
    for (let j = 0; j < dim; j++) s += (data[off + j] as number) * (q[j] as number);
    if (s <= (scores[kk - 1] as number)) continue;
    let at = kk - 1;
    while (at > 0 && (scores[at - 1] as number) < s) {
      scores[at] = scores[at - 1] as number;
      labels[at] = labels[at - 1] as number;
      at--;
    }
    scores[at] = s;
    labels[at] = row;
  }
  const out: Array<{ label: number; score: number }> = [];
  for (let i = 0; i < kk; i++) out.push({ label: labels[i] as number, score: scores[i] as number });
  return out;
}

/**
 * recall@k of an approximate result against the exact one: the share of the exact k found.
 * Rows tied with the exact k-th score count as found (equal vectors are interchangeable).
 */
export function recallAtK(
  approximate: readonly number[],
  exact: ReadonlyArray<{ label: number; score: number }>,
  k: number,
  scoreOf?: (label: number) => number,
): number {
  const truth = exact.slice(0, k);
  if (truth.length === 0) return 1;
  const kth = (truth.at(-1) as { score: number }).score;
  const wanted = new Set(truth.map((t) => t.label));
  let found = 0;
  for (const label of approximate.slice(0, k)) {
    if (wanted.has(label)) found++;
    else if (scoreOf && scoreOf(label) >= kth - 1e-6) found++;
  }
  return Math.min(1, found / truth.length);
}

/** Dot product of a matrix row and a query. */
export function dot(matrix: VectorMatrix, row: number, query: ArrayLike<number>): number {
  const off = row * matrix.dimensions;
  let s = 0;
  for (let j = 0; j < matrix.dimensions; j++) s += (matrix.data[off + j] as number) * (query[j] as number);
  return s;
}
