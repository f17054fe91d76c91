/**
 * `npm run bench`: start-up, answer() latency, retrieval quality beside the alternatives, synthetic
 * scale (10k, 100k, 1M items) against brute force, and bot throughput — one markdown table on stdout,
 * the same figures as JSON in `--out` (default bench-results.json). `--quick` (the plan and 10k items,
 * small samples) is CI's smoke test. Scale runs each get their own process, so memory is measured
 * cleanly and a run that dies (out of memory, out of time) is reported instead of ending the bench.
 */
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { SingleBar } from "cli-progress";
import { Command, Option } from "commander";
import {
  type BenchResults,
  checkTargets,
  embedBatches,
  type ManyDocumentsResult,
  measureHttpThroughput,
  measureLatencyAndQuality,
  measureManyDocuments,
  measureStartup,
  measureThroughput,
  peakRssMb,
  renderTable,
  runScale,
  type ScaleFailure,
  type ScaleResult,
  SyntheticCorpus,
  type VectorBatch,
} from "../bench/index.js";
import { loadCorpus } from "../corpus/index.js";
import { DEFAULT_HNSW, HashedNgramEmbeddings } from "../search/index.js";

const SELF = fileURLToPath(import.meta.url);
/** dist/bench.js → the project root. */
const ROOT = dirname(dirname(SELF));
const RESULT_PREFIX = "@@bench-result ";

interface ScaleJob {
  size: number;
  dimensions: number;
  queries: number;
  efs: number[];
  seed: number;
  /** hnswlib efConstruction; the product's (DEFAULT_HNSW) when absent. */
  efConstruction?: number;
}

/** "10k@256,1m@256" → jobs. */
function parseSizes(
  spec: string,
  queries: number,
  efs: number[],
  seed: number,
  efConstruction?: number,
): ScaleJob[] {
  return spec
    .split(",")
    .filter((s) => s.trim() !== "")
    .map((part) => {
      const m = /^\s*(\d+(?:\.\d+)?)([km]?)(?:@(\d+))?\s*$/i.exec(part);
      if (!m) throw new Error(`bad size ${JSON.stringify(part)} (want e.g. 100k@256)`);
      const unit = (m[2] ?? "").toLowerCase();
      const size = Math.round(Number(m[1]) * (unit === "m" ? 1e6 : unit === "k" ? 1e3 : 1));
      return { size, dimensions: Number(m[3] ?? 256), queries, efs, seed, efConstruction };
    });
}

/** Batches a worker thread may have made and not yet handed over: bounds the memory of the queue. */
const IN_FLIGHT = 4;

function syntheticCorpus(seed: number): SyntheticCorpus {
  const items = loadCorpus(join(ROOT, "corpus")).plans.flatMap((p) => p.items);
  return SyntheticCorpus.fromItems(items, seed);
}

/** In the embedding worker thread: generate and embed every item, a batch per credit from the parent. */
async function embedWorker(job: ScaleJob): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error("embedWorker runs in a worker thread");
  const embeddings = new HashedNgramEmbeddings({ dimensions: job.dimensions });
  let credits = IN_FLIGHT;
  let wake: (() => void) | undefined;
  port.on("message", () => {
    credits++;
    wake?.();
  });
  for (const batch of embedBatches(syntheticCorpus(job.seed), embeddings, 0, job.size)) {
    while (credits === 0) await new Promise<void>((resolve) => (wake = resolve));
    credits--;
    port.postMessage(batch, [batch.vectors.buffer as ArrayBuffer]);
  }
  port.close();
}

/** The embedding worker's batches, in order, on the main thread. */
async function* workerBatches(job: ScaleJob): AsyncGenerator<VectorBatch> {
  const worker = new Worker(SELF, { workerData: { kind: "embed", job } });
  const queue: VectorBatch[] = [];
  let failure: unknown;
  let exited = false;
  let wake: (() => void) | undefined;
  const poke = () => {
    wake?.();
    wake = undefined;
  };
  worker.on("message", (batch: VectorBatch) => {
    queue.push(batch);
    poke();
  });
  worker.on("error", (error) => {
    failure = error;
    poke();
  });
  worker.on("exit", () => {
    exited = true;
    poke();
  });
  try {
    let received = 0;
    while (received < job.size) {
      const batch = queue.shift();
      if (batch) {
        received += batch.count;
        worker.postMessage("more");
        // One turn of the event loop per batch: a worker that is always ahead would otherwise keep
        // this thread in message callbacks and starve timers (the progress bar's among them).
        await new Promise<void>((resolve) => setImmediate(resolve));
        yield batch;
        continue;
      }
      if (failure) throw failure;
      if (exited) throw new Error(`the embedding worker stopped after ${received} items`);
      await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    await worker.terminate();
  }
}

/** In a child process: build and measure one synthetic index, print the result as one line. */
async function scaleWorker(job: ScaleJob): Promise<void> {
  const corpus = syntheticCorpus(job.seed);
  const bar = new SingleBar({
    format: `  ${job.size} × ${job.dimensions}d [{bar}] {percentage}% {value}/{total} items, {duration_formatted} elapsed, eta {eta_formatted}`,
    stream: process.stderr,
    noTTYOutput: true,
    notTTYSchedule: 15_000,
    etaBuffer: 5000,
  });
  const long = job.size >= 50_000;
  if (long) bar.start(job.size, 0);
  const result = await runScale(corpus, {
    size: job.size,
    dimensions: job.dimensions,
    queries: job.queries,
    efs: job.efs,
    source: workerBatches(job),
    hnsw: { ...DEFAULT_HNSW, efConstruction: job.efConstruction ?? DEFAULT_HNSW.efConstruction },
    progress: (done) => {
      if (long) bar.update(done);
      // The parent reads this if the run dies, to say how far it got.
      if (done % 10_000 === 0) process.stdout.write(`@@progress ${done} ${peakRssMb().toFixed(0)}\n`);
    },
  });
  if (long) bar.stop();
  process.stdout.write(`${RESULT_PREFIX}${JSON.stringify(result)}\n`);
}

/** In a child process: the many-documents part, printed as one line (its memory is its own). */
async function documentsWorker(spec: { plans: number; items: number; questions: number }): Promise<void> {
  const result = await measureManyDocuments(ROOT, spec.plans, spec.items, spec.questions);
  process.stdout.write(`${RESULT_PREFIX}${JSON.stringify(result)}\n`);
}

/** Runs the many-documents part in a child process with a time limit. */
function runDocumentsChild(
  spec: { plans: number; items: number; questions: number },
  timeoutMs: number,
): Promise<ManyDocumentsResult | { plans: number; items: number; error: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [SELF, "--documents-worker", JSON.stringify(spec)], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk: string) => {
      out += chunk;
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      const line = out.split("\n").find((l) => l.startsWith(RESULT_PREFIX));
      if (code === 0 && line)
        return resolve(JSON.parse(line.slice(RESULT_PREFIX.length)) as ManyDocumentsResult);
      resolve({
        plans: spec.plans,
        items: spec.plans * spec.items,
        error: `worker ended with ${signal ?? `exit code ${code}`}`,
      });
    });
  });
}

/** Runs one scale job in a child process with a time limit. */
function runScaleChild(job: ScaleJob, timeoutMs: number): Promise<ScaleResult | ScaleFailure> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, [SELF, "--scale-worker", JSON.stringify(job)], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    let reached = 0;
    let peak: number | undefined;
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk: string) => {
      out += chunk;
      for (const m of chunk.matchAll(/@@progress (\d+) (\d+)/g)) {
        reached = Number(m[1]);
        peak = Number(m[2]);
      }
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      const line = out.split("\n").find((l) => l.startsWith(RESULT_PREFIX));
      if (code === 0 && line) return resolve(JSON.parse(line.slice(RESULT_PREFIX.length)) as ScaleResult);
      const elapsedMs = performance.now() - started;
      const error =
        signal === "SIGKILL" && elapsedMs >= timeoutMs
          ? `time limit (${Math.round(timeoutMs / 60_000)} min)`
          : `worker ended with ${signal ?? `exit code ${code}`}`;
      resolve({ size: job.size, dimensions: job.dimensions, error, reached, elapsedMs, peakRssMb: peak });
    });
  });
}

const log = (msg: string) => process.stderr.write(`[bench] ${msg}\n`);

interface Options {
  quick?: boolean;
  out: string;
  sizes?: string;
  queries?: string;
  skip: string;
  scaleTimeout: string;
  efConstruction?: string;
  scaleWorker?: string;
  documents?: string;
  documentsWorker?: string;
}

const program = new Command()
  .name("bench")
  .description(
    "Benchmark start-up, latency, quality, scale, bot and HTTP API throughput; prints one markdown table",
  )
  .option("--quick", "the plan and 10k items with small samples (CI smoke test, under a minute)")
  .option("--out <file>", "write the figures as JSON here", "bench-results.json")
  .option("--sizes <list>", "scale runs as size@dimensions, e.g. 10k@256,10k@512,100k@256,1m@256")
  .option("--queries <n>", "queries per scale run (default 200; 50 with --quick)")
  .option(
    "--skip <parts>",
    "comma list of parts to skip: startup,latency,documents,scale,throughput,http",
    "",
  )
  .option("--scale-timeout <minutes>", "time limit per scale run", "45")
  .option("--ef-construction <n>", "hnswlib efConstruction for scale runs (default: the product's, 200)")
  .option("--documents <plans>x<items>", "the many-documents run (default 1000x40; 100x40 with --quick)")
  .addOption(new Option("--scale-worker <job>").hideHelp())
  .addOption(new Option("--documents-worker <spec>").hideHelp())
  .action(async (options: Options) => {
    if (options.scaleWorker) return scaleWorker(JSON.parse(options.scaleWorker) as ScaleJob);
    if (options.documentsWorker)
      return documentsWorker(
        JSON.parse(options.documentsWorker) as { plans: number; items: number; questions: number },
      );
    const quick = options.quick === true;
    const skip = new Set(options.skip.split(",").map((s) => s.trim()));
    const queries = Number(options.queries ?? (quick ? 50 : 200));
    const efs = quick ? [64] : [64, 128, 256];
    const sizes = options.sizes ?? (quick ? "10k@256,10k@512" : "10k@256,10k@512,100k@256,1m@256");
    const efConstruction = options.efConstruction ? Number(options.efConstruction) : undefined;
    const jobs = parseSizes(sizes, queries, efs, 20240501, efConstruction);
    const results: Omit<BenchResults, "targets"> = {
      machine: {
        cpus: cpus().length,
        model: cpus()[0]?.model ?? "unknown",
        memoryGb: Math.round(totalmem() / 1024 ** 3),
        node: process.version,
        platform: `${process.platform} ${process.arch}`,
      },
      quick,
      startedAt: new Date().toISOString(),
      scale: [],
    };
    if (!skip.has("startup")) {
      log("start-up: parse, build, cache load, ask processes");
      results.startup = await measureStartup(ROOT, quick ? 2 : 5, quick ? 3 : 7);
    }
    if (!skip.has("latency")) {
      log("latency and quality over the gold set");
      results.answers = await measureLatencyAndQuality(ROOT);
    }
    results.benchPeakRssMb = peakRssMb();
    if (!skip.has("throughput")) {
      log("bot throughput");
      results.throughput = await measureThroughput(200, quick ? 2 : 10, quick ? [] : [3, 30]);
    }
    if (!skip.has("documents")) {
      const spec = /^(\d+)x(\d+)$/.exec(options.documents ?? (quick ? "100x40" : "1000x40"));
      if (!spec) throw new Error(`bad --documents ${JSON.stringify(options.documents)} (want e.g. 1000x40)`);
      const [plans, items] = [Number(spec[1]), Number(spec[2])];
      log(`documents: ${plans} plans × ${items} items`);
      results.documents = await runDocumentsChild(
        { plans, items, questions: quick ? 100 : 300 },
        Number(options.scaleTimeout) * 60_000,
      );
    }
    if (!skip.has("http")) {
      log("HTTP API throughput at 50 concurrent clients");
      results.http = await measureHttpThroughput(ROOT, {
        clients: 50,
        requests: quick ? 2000 : 20_000,
        warmup: quick ? 200 : 1000,
      });
    }
    if (!skip.has("scale")) {
      for (const job of jobs) {
        log(`scale: ${job.size} items × ${job.dimensions} dimensions, ${job.queries} queries`);
        results.scale.push(await runScaleChild(job, Number(options.scaleTimeout) * 60_000));
      }
    }
    const full: BenchResults = { ...results, targets: checkTargets(results) };
    const table = renderTable(full);
    writeFileSync(options.out, `${JSON.stringify({ ...full, table }, null, 2)}\n`);
    process.stdout.write(`${table}\n`);
    log(`figures written to ${options.out}`);
  });

const fail = (error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
};

if (!isMainThread && (workerData as { kind?: string } | null)?.kind === "embed") {
  embedWorker((workerData as { job: ScaleJob }).job).catch(fail);
} else {
  program.parseAsync().catch(fail);
}
