/**
 * Timing and summary helpers for the benchmark: percentiles, medians, memory in MB, formatting.
 */

/** The q-quantile (0…1) of a list of numbers, nearest-rank; NaN for an empty list. */
export function percentile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil(q * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] as number;
}

/** Median (nearest-rank lower middle for even lengths is fine for a benchmark). */
export function median(values: readonly number[]): number {
  return percentile(values, 0.5);
}

/** p50, p95, p99 and max of a list of latencies. */
export interface LatencySummary {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

export function summarize(values: readonly number[]): LatencySummary {
  return {
    n: values.length,
    p50: percentile(values, 0.5),
    p95: percentile(values, 0.95),
    p99: percentile(values, 0.99),
    max: values.length === 0 ? Number.NaN : Math.max(...values),
    mean: values.length === 0 ? Number.NaN : values.reduce((a, b) => a + b, 0) / values.length,
  };
}

/** Milliseconds a synchronous call takes, and its result. */
export function timed<T>(fn: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = fn();
  return { ms: performance.now() - start, value };
}

/** Milliseconds an async call takes, and its result. */
export async function timedAsync<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

const MB = 1024 * 1024;

/** Resident set size now, in MB. */
export function rssMb(): number {
  return process.memoryUsage.rss() / MB;
}

/** Peak resident set size of this process so far, in MB (maxRSS is in KB). */
export function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}

/** Bytes → MB. */
export function mb(bytes: number): number {
  return bytes / MB;
}

/** A number for a table: fixed decimals, "—" for NaN or undefined. */
export function fmt(value: number | undefined | null, digits = 1): string {
  return value === undefined || value === null || Number.isNaN(value) ? "—" : value.toFixed(digits);
}

/** A share as a percentage: 0.953 → "95.3%". */
export function pct(value: number | undefined, digits = 1): string {
  return value === undefined || Number.isNaN(value) ? "—" : `${(100 * value).toFixed(digits)}%`;
}
