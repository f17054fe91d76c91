/**
 * The benchmark's results, its targets, and the one markdown table that shows both.
 */
import type { ManyDocumentsResult } from "./documents.js";
import type { HttpThroughputResult } from "./http.js";
import type { LatencyAndQuality, StartupResult, ThroughputResult } from "./plan.js";
import type { ScaleResult } from "./scale.js";
import { fmt, mb, median, pct } from "./stats.js";

/** A scale run that did not finish: why, and how far it got. */
export interface ScaleFailure {
  size: number;
  dimensions: number;
  error: string;
  /** Items inserted when it stopped (from the last progress report). */
  reached: number;
  elapsedMs: number;
  peakRssMb?: number;
}

export interface BenchResults {
  machine: { cpus: number; model: string; memoryGb: number; node: string; platform: string };
  quick: boolean;
  startedAt: string;
  startup?: StartupResult;
  benchPeakRssMb?: number;
  answers?: LatencyAndQuality;
  scale: Array<ScaleResult | ScaleFailure>;
  throughput?: ThroughputResult;
  /** Many documents at once (N plans × M items through the real engine), or why it did not finish. */
  documents?: ManyDocumentsResult | { plans: number; items: number; error: string };
  /** The JSON API's throughput at concurrent clients (src/bench/http.ts). */
  http?: HttpThroughputResult;
  targets: Target[];
}

export interface Target {
  name: string;
  goal: string;
  value: string;
  met: boolean | null;
}

export const isFailure = (r: ScaleResult | ScaleFailure): r is ScaleFailure => "error" in r;

const ms = (x: number) => (x >= 1000 ? `${fmt(x / 1000, 2)} s` : `${fmt(x, x < 10 ? 2 : 0)} ms`);
const mbs = (x: number) => (x >= 1024 ? `${fmt(x / 1024, 2)} GB` : `${fmt(x, 0)} MB`);
const size = (n: number) => (n >= 1_000_000 ? `${n / 1_000_000}M` : n >= 1000 ? `${n / 1000}k` : String(n));
const mark = (met: boolean | null) => (met === null ? "" : met ? " ✓" : " ✗");

/** The issue's targets, checked against what was measured (null: not measured this run). */
export function checkTargets(r: Omit<BenchResults, "targets">): Target[] {
  const out: Target[] = [];
  if (r.answers) {
    const p95 = r.answers.latency.p95;
    out.push({ name: "answer() p95 on the plan", goal: "≤ 5 ms", value: ms(p95), met: p95 <= 5 });
  }
  if (r.startup) {
    const a = r.startup.askMedianMs;
    out.push({ name: "whole-process ask (median)", goal: "≤ 1 s", value: ms(a), met: a <= 1000 });
  }
  if (r.documents && "error" in r.documents) {
    out.push({
      name: `${r.documents.plans} plans: answer() p95`,
      goal: "≤ 20 ms",
      value: r.documents.error,
      met: false,
    });
  } else if (r.documents && r.documents.plans >= 1000) {
    const p95 = r.documents.topK.p95;
    out.push({
      name: `${r.documents.plans} plans: answer() p95`,
      goal: "≤ 20 ms",
      value: ms(p95),
      met: p95 <= 20,
    });
  }
  const find = (n: number) => r.scale.filter((s) => s.size === n);
  for (const s of find(100_000)) {
    const tag = `100k × ${s.dimensions}d`;
    if (isFailure(s)) {
      out.push({ name: `${tag}: build`, goal: "finishes", value: s.error, met: false });
      continue;
    }
    const head = s.efs[0];
    out.push({ name: `${tag}: build`, goal: "≤ 60 s", value: ms(s.buildMs), met: s.buildMs <= 60_000 });
    if (head) {
      out.push({
        name: `${tag}: query p95`,
        goal: "≤ 10 ms",
        value: ms(head.latency.p95),
        met: head.latency.p95 <= 10,
      });
      out.push({
        name: `${tag}: recall@10 vs brute force`,
        goal: "≥ 0.95",
        value: fmt(head.recall, 3),
        met: head.recall >= 0.95,
      });
      out.push({
        name: `${tag}: speed vs brute force`,
        goal: "≥ 10×",
        value: `${fmt(head.speedup, 0)}×`,
        met: head.speedup >= 10,
      });
    }
  }
  for (const s of find(1_000_000)) {
    const tag = `1M × ${s.dimensions}d`;
    if (isFailure(s)) {
      out.push({ name: `${tag}: memory`, goal: "≤ 8 GB", value: `did not finish: ${s.error}`, met: false });
      continue;
    }
    const head = s.efs[0];
    out.push({
      name: `${tag}: memory (peak, index built)`,
      goal: "≤ 8 GB",
      value: mbs(s.peakAfterBuildMb),
      met: s.peakAfterBuildMb <= 8192,
    });
    if (head)
      out.push({
        name: `${tag}: query p95`,
        goal: "≤ 20 ms",
        value: ms(head.latency.p95),
        met: head.latency.p95 <= 20,
      });
  }
  return out;
}

/** The one markdown table: area | measure | value | target. */
export function renderTable(r: BenchResults): string {
  const rows: Array<[string, string, string, string]> = [];
  const target = (name: string) => {
    const t = r.targets.find((x) => x.name === name);
    return t ? `${t.goal}${mark(t.met)}` : "";
  };
  if (r.startup) {
    const s = r.startup;
    rows.push([
      "start-up",
      `parse corpus/ (${s.items} items), median of ${s.parseMs.length}`,
      ms(median(s.parseMs)),
      "",
    ]);
    rows.push([
      "start-up",
      "build index from scratch (noCache): cold first / median",
      `${ms(s.buildMs[0] ?? Number.NaN)} / ${ms(median(s.buildMs))}`,
      "",
    ]);
    rows.push(["start-up", "load index from the disk cache, median", ms(median(s.cacheLoadMs)), ""]);
    rows.push([
      "start-up",
      `whole process \`node dist/ask.js ${s.askQuestion}\`, median of ${s.askMs.length}`,
      ms(s.askMedianMs),
      target("whole-process ask (median)"),
    ]);
    rows.push([
      "start-up",
      "peak RSS: ask process / bench process (plan part)",
      `${mbs(s.askPeakRssMb)} / ${r.benchPeakRssMb === undefined ? "—" : mbs(r.benchPeakRssMb)}`,
      "",
    ]);
  }
  if (r.answers) {
    const l = r.answers.latency;
    rows.push([
      "latency",
      `answer() over ${r.answers.questions} gold questions, warm: p50 / p95 / p99 / max`,
      `${ms(l.p50)} / ${ms(l.p95)} / ${ms(l.p99)} / ${ms(l.max)}`,
      target("answer() p95 on the plan"),
    ]);
    for (const q of r.answers.quality) {
      rows.push([
        "quality",
        `${q.name}: first / top-3 (${q.cases} cases)`,
        `${pct(q.first)} / ${pct(q.top3)}`,
        "",
      ]);
    }
  }
  for (const s of r.scale) {
    const efc = !isFailure(s) && s.hnsw.efConstruction !== 200 ? `, efC ${s.hnsw.efConstruction}` : "";
    const area = `scale ${size(s.size)} × ${s.dimensions}d${efc}`;
    const tag = `${size(s.size)} × ${s.dimensions}d`;
    if (isFailure(s)) {
      rows.push([
        area,
        "did not finish",
        `${s.error} after ${size(s.reached)} items, ${ms(s.elapsedMs)}${s.peakRssMb ? `, peak ${mbs(s.peakRssMb)}` : ""}`,
        "",
      ]);
      continue;
    }
    rows.push([
      area,
      s.pipelined
        ? "build, wall (generate + embed on a worker thread ‖ insert on the main thread)"
        : "build: total (generate + embed + insert)",
      `${ms(s.buildMs)} (${ms(s.generateMs)} + ${ms(s.embedMs)} ${s.pipelined ? "‖" : "+"} ${ms(s.insertMs)})`,
      target(`${tag}: build`),
    ]);
    rows.push([area, "index on disk (hnswlib file)", mbs(mb(s.diskBytes)), ""]);
    rows.push([
      area,
      "memory: RSS Δ of the build / peak once built / peak with brute-force copy",
      `${mbs(s.rssAfterBuildMb - s.rssBeforeMb)} / ${mbs(s.peakAfterBuildMb)} / ${mbs(s.peakTotalMb)}`,
      target(`${tag}: memory (peak, index built)`),
    ]);
    for (const [i, e] of s.efs.entries()) {
      const head = i === 0;
      rows.push([
        area,
        `query (k=${s.k}, ef=${e.ef}, ${s.queries} q): p50 / p95`,
        `${ms(e.latency.p50)} / ${ms(e.latency.p95)}`,
        head ? target(`${tag}: query p95`) : "",
      ]);
      rows.push([
        area,
        `recall@${s.k} vs brute force / speed-up (ef=${e.ef}; brute force p50 ${ms(s.brute.p50)})`,
        `${fmt(e.recall, 3)} / ${fmt(e.speedup, 0)}×`,
        head
          ? [target(`${tag}: recall@10 vs brute force`), target(`${tag}: speed vs brute force`)]
              .filter(Boolean)
              .join(", ")
          : "",
      ]);
    }
  }
  if (r.documents) {
    const d = r.documents;
    const area = `documents ${d.plans} × ${Math.round(d.items / d.plans)}`;
    if ("error" in d) rows.push([area, "did not finish", d.error, ""]);
    else {
      rows.push([
        area,
        "write pages / parse (loadCorpus) / build index, no cache",
        `${ms(d.writeMs)} / ${ms(d.loadMs)} / ${ms(d.buildMs)}`,
        "",
      ]);
      rows.push([
        area,
        "memory once loaded and indexed: heap / RSS",
        `${mbs(d.heapMb)} / ${mbs(d.rssMb)}`,
        "",
      ]);
      rows.push([
        area,
        `answer() over ${d.questions} questions, best candidates per ranker (product): p50 / p95`,
        `${ms(d.topK.p50)} / ${ms(d.topK.p95)}`,
        target(`${d.plans} plans: answer() p95`),
      ]);
      rows.push([
        area,
        "answer(), every item ranked (the first version's search): p50 / p95",
        `${ms(d.exhaustive.p50)} / ${ms(d.exhaustive.p95)}`,
        "",
      ]);
    }
  }
  if (r.throughput) {
    const t = r.throughput;
    for (const run of t.scenarios ?? [t]) {
      const s = "name" in run ? run : null;
      const retries = s ? s.retries.flood + s.retries.server + s.retries.network : 0;
      rows.push([
        "bot",
        `throughput, ${run.updates} updates from ${t.chats} chats via a local Bot API server${s ? `: ${s.name}${s.floodRetryAfter !== null && s.botLimits ? " (bot keeps the limits)" : ""}` : ""}`,
        s
          ? `${fmt(run.updatesPerSecond, 0)} updates/s; ${fmt(run.seconds, 1)} s; peak RSS ${fmt(s.peakRssMb, 0)} MB (+${fmt(s.rssRiseMb, 0)}); ${s.floodRejections} × 429, ${retries} retries`
          : `${fmt(run.updatesPerSecond, 0)} updates/s`,
        "",
      ]);
    }
  }
  if (r.http) {
    const h = r.http;
    const errors = h.errors > 0 ? `, ${h.errors} errors` : "";
    rows.push([
      "http",
      `POST /v1/answer: ${h.requests} gold questions from ${h.clients} keep-alive clients (server in its own process)`,
      `${fmt(h.answersPerSecond, 0)} answers/s${errors}`,
      "",
    ]);
    rows.push([
      "http",
      "latency at the client: p50 / p95 / p99",
      `${ms(h.latency.p50)} / ${ms(h.latency.p95)} / ${ms(h.latency.p99)}`,
      "",
    ]);
    if (h.serverCpuMsPerAnswer !== null) {
      rows.push([
        "http",
        "server CPU per answer (user + system) → one core's capacity",
        `${ms(h.serverCpuMsPerAnswer)} → ${fmt(1000 / h.serverCpuMsPerAnswer, 0)} answers/s`,
        "",
      ]);
    }
  }
  const lines = ["| area | measure | value | target |", "|---|---|---|---|"];
  for (const row of rows) lines.push(`| ${row.join(" | ")} |`);
  return lines.join("\n");
}
