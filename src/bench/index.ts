/**
 * The benchmark's parts: start-up, answer() latency and quality on the real plans, many documents at
 * once, the vector index at scale against brute force, and bot throughput; the synthetic corpus they
 * share; and the report table.
 */
export { bruteForceTopK, dot, recallAtK, VectorMatrix } from "./brute.js";
export { type ManyDocumentsResult, measureManyDocuments, syntheticPlanPage } from "./documents.js";
export { type HttpBenchOptions, type HttpThroughputResult, measureHttpThroughput } from "./http.js";
export {
  type LatencyAndQuality,
  measureLatencyAndQuality,
  measureStartup,
  measureThroughput,
  type QualityRow,
  type StartupResult,
  type ThroughputResult,
} from "./plan.js";
export { mixSeed, mulberry32, pick, type Random, randInt, sample } from "./prng.js";
export {
  type BenchResults,
  checkTargets,
  isFailure,
  renderTable,
  type ScaleFailure,
  type Target,
} from "./report.js";
export {
  type EfResult,
  embedBatches,
  runScale,
  type ScaleOptions,
  type ScaleResult,
  type VectorBatch,
} from "./scale.js";
export {
  fmt,
  type LatencySummary,
  mb,
  median,
  pct,
  peakRssMb,
  percentile,
  rssMb,
  summarize,
  timed,
  timedAsync,
} from "./stats.js";
export { buildPools, type SentencePools, SyntheticCorpus, type SyntheticItem } from "./synthetic.js";
