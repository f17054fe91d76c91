/**
 * The benchmark's measurements of the product on the real plan: start-up (parse, index build, cache
 * load, a whole `ask` process), answer() latency over the gold set, retrieval quality of the product
 * beside its parts and a plain baseline, and bot throughput through a local Bot API server.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Response } from "../answer/index.js";
import { startHarness } from "../channels/telegram/index.js";
import type { Item, Plan } from "../corpus/index.js";
import { loadCorpus } from "../corpus/index.js";
import { createEngine } from "../engine/index.js";
import { type EvalCase, loadEvalSet, questionOf } from "../eval/index.js";
import { cjkNgrams, DEFAULT_FUSION, LexicalIndex, SearchIndex } from "../search/index.js";
import { type LatencySummary, median, peakRssMb, summarize, timed, timedAsync } from "./stats.js";

export interface StartupResult {
  items: number;
  /** loadCorpus, ms: each run. */
  parseMs: number[];
  /** SearchIndex.open with noCache (parse excluded), ms: each run; the first is cold (jieba loads). */
  buildMs: number[];
  /** SearchIndex.open from a fresh disk cache, ms: each run. */
  cacheLoadMs: number[];
  /** Whole `node dist/ask.js <question>` processes, wall ms: each run after one warm-up. */
  askMs: number[];
  askMedianMs: number;
  askQuestion: string;
  /** Peak RSS of one ask process, MB. */
  askPeakRssMb: number;
}

/** Parse, build, cache load and whole-process ask. `projectRoot` holds corpus/ and dist/. */
export async function measureStartup(
  projectRoot: string,
  runs: number,
  askRuns: number,
): Promise<StartupResult> {
  const corpusDir = join(projectRoot, "corpus");
  const parseMs: number[] = [];
  const buildMs: number[] = [];
  const cacheLoadMs: number[] = [];
  let items = 0;
  const cacheDir = mkdtempSync(join(tmpdir(), "policy-bot-bench-cache-"));
  try {
    for (let r = 0; r < runs; r++) {
      const parsed = timed(() => loadCorpus(corpusDir));
      parseMs.push(parsed.ms);
      items = parsed.value.plans.reduce((n, p) => n + p.items.length, 0);
      const built = await timedAsync(() => SearchIndex.open(parsed.value, { cacheDir, noCache: true }));
      if (built.value.origin !== "built") throw new Error("noCache open did not build");
      buildMs.push(built.ms);
    }
    const corpus = loadCorpus(corpusDir);
    await SearchIndex.open(corpus, { cacheDir }); // writes the cache
    for (let r = 0; r < runs; r++) {
      const loaded = await timedAsync(() => SearchIndex.open(corpus, { cacheDir }));
      if (loaded.value.origin !== "cache") throw new Error("the cache was not used");
      cacheLoadMs.push(loaded.ms);
    }
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }

  const askQuestion = "燃煤锅炉";
  const ask = (extra: string[] = []) => {
    const start = performance.now();
    const r = spawnSync(process.execPath, [...extra, join(projectRoot, "dist", "ask.js"), askQuestion], {
      cwd: projectRoot,
      encoding: "utf8",
    });
    const ms = performance.now() - start;
    if (r.status !== 0) throw new Error(`ask exited ${r.status}: ${r.stderr}`);
    return { ms, stderr: r.stderr };
  };
  ask(); // warm-up: the project's index cache and the OS file cache
  const askMs: number[] = [];
  for (let r = 0; r < askRuns; r++) askMs.push(ask().ms);
  // Peak RSS of the child, reported by the child itself on exit (a separate, untimed run).
  const probe =
    'data:text/javascript,process.on("exit",()=>process.stderr.write("\\n@@maxrss="+process.resourceUsage().maxRSS+"\\n"))';
  const rss = /@@maxrss=(\d+)/.exec(ask(["--import", probe]).stderr);
  return {
    items,
    parseMs,
    buildMs,
    cacheLoadMs,
    askMs,
    askMedianMs: median(askMs),
    askQuestion,
    askPeakRssMb: rss ? Number(rss[1]) / 1024 : Number.NaN,
  };
}

/** Accuracy of one ranking over the gold cases with an expected first item. */
export interface QualityRow {
  name: string;
  cases: number;
  first: number;
  top3: number;
}

export interface LatencyAndQuality {
  latency: LatencySummary;
  questions: number;
  quality: QualityRow[];
}

/** The text an item is indexed under (as src/search/index.ts builds it). */
function indexText(plan: Plan, item: Item): string {
  const section = plan.sections.find((s) => s.number === item.section);
  return `${section?.title ?? ""}\n${item.title}\n${item.title}\n${item.text}`;
}

function scoreIds(c: EvalCase, ids: readonly string[]): { first: boolean; top3: boolean } {
  const want = c.expect.first as string;
  return {
    first: ids[0] === want,
    top3: ids.slice(0, 3).some((id) => id === want || c.expect.top3?.includes(id)),
  };
}

/** answer() latency over the gold set (warm) and first/top-3 accuracy of the product and its parts. */
export async function measureLatencyAndQuality(projectRoot: string): Promise<LatencyAndQuality> {
  const engine = await createEngine();
  const cases = loadEvalSet(join(projectRoot, "eval")).cases;
  for (const c of cases) await engine.answer(questionOf(c)); // warm-up pass
  const times: number[] = [];
  const responses: Response[] = [];
  for (const c of cases) {
    const q = questionOf(c);
    const start = performance.now();
    const r = await engine.answer(q);
    times.push(performance.now() - start);
    responses.push(r);
  }

  const index = engine.index;
  const items = engine.plans.flatMap((p) => p.items);
  const bigrams = LexicalIndex.build(
    engine.plans.flatMap((p) => p.items.map((i) => cjkNgrams(indexText(p, i), 2))),
  );
  const rankers: Array<[string, (c: EvalCase, i: number) => string[]]> = [
    ["(a) product: answer()", (_c, i) => (responses[i] as Response).citations.map((x) => x.id)],
    [
      "(b) BM25 over character bigrams only",
      (c) =>
        bigrams
          .search(cjkNgrams(engine.understand(questionOf(c)).searchText, 2), 3)
          .map((h) => (items[h.index] as Item).id),
    ],
    [
      "(c) vector search alone",
      (c) => index.vectorSearch(engine.understand(questionOf(c)).searchText, 3).map((h) => h.item.id),
    ],
    [
      "(d) lexical search alone (BM25 words + bigrams)",
      (c) => index.lexicalSearch(engine.understand(questionOf(c)).searchText, 3).map((h) => h.item.id),
    ],
    [
      "(e) fused search() alone (c + d, RRF)",
      (c) =>
        index
          .search(engine.understand(questionOf(c)), { limit: 3, fusion: DEFAULT_FUSION })
          .map((h) => h.item.id),
    ],
  ];
  const withFirst = cases.map((c, i) => ({ c, i })).filter(({ c }) => c.expect.first !== undefined);
  const quality = rankers.map(([name, rank]): QualityRow => {
    let first = 0;
    let top3 = 0;
    for (const { c, i } of withFirst) {
      const s = scoreIds(c, rank(c, i));
      if (s.first) first++;
      if (s.top3) top3++;
    }
    const n = withFirst.length;
    return { name, cases: n, first: first / n, top3: top3 / n };
  });
  return { latency: summarize(times), questions: cases.length, quality };
}

/** One bot throughput run: 2,000 updates (by default) through the real bot and the stand-in. */
export interface ThroughputScenario {
  name: string;
  /** The stand-in's flood control: its retry_after (s), or null when off. */
  floodRetryAfter: number | null;
  /** Whether the bot kept Telegram's published limits itself (its defaults) or sent as fast as it could. */
  botLimits: boolean;
  updates: number;
  seconds: number;
  updatesPerSecond: number;
  /** Highest RSS sampled during the run, and its rise over the RSS at the start (MB). */
  peakRssMb: number;
  rssRiseMb: number;
  /** 429s the stand-in answered. */
  floodRejections: number;
  /** The bot's retries by cause, and calls it gave up. */
  retries: { flood: number; server: number; network: number };
  gaveUp: number;
}

/** Bot throughput without and with flood control. The top-level figures are the run without. */
export interface ThroughputResult {
  chats: number;
  updates: number;
  seconds: number;
  updatesPerSecond: number;
  scenarios: ThroughputScenario[];
}

/** The stand-in's flood control at Telegram's published limits, answering `retryAfter` past them. */
function telegramFlood(retryAfter: number) {
  return {
    retryAfter,
    global: { limit: 30, windowMs: 1000 },
    perChat: { limit: 1, windowMs: 1000 },
    perGroup: { limit: 20, windowMs: 60_000 },
  };
}

/** One run: `chats` × `perChat` /clause and free questions, timed until every reply has arrived. */
async function throughputRun(
  name: string,
  chats: number,
  perChat: number,
  floodRetryAfter: number | null,
  botLimits: boolean,
): Promise<ThroughputScenario> {
  // With botLimits the bot keeps its defaults (Telegram's published limits); else it sends at once.
  const limits: Record<string, string> = botLimits
    ? { TELEGRAM_SEND_RATE: "30", TELEGRAM_CHAT_SEND_RATE: "1", TELEGRAM_GROUP_SEND_RATE: "20" }
    : {};
  const h = await startHarness({ LOG_LEVEL: "warn", ...limits });
  process.stderr.write(`[bench] bot throughput: ${name}\n`);
  try {
    if (floodRetryAfter !== null) h.api.flood = telegramFlood(floodRetryAfter);
    const items = h.engine.plans[0]?.items ?? [];
    if (items.length === 0) throw new Error("no items");
    global.gc?.();
    const rssAtStart = process.memoryUsage().rss;
    let peak = rssAtStart;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 50);
    const started = performance.now();
    for (let round = 0; round < perChat; round++) {
      for (let c = 0; c < chats; c++) {
        const item = items[(c * 3 + round * 5) % items.length] as Item;
        h.api.send(10_000 + c, round % 3 === 2 ? `${item.label}的内容是什么?` : `/clause ${item.label}`);
      }
    }
    const total = chats * perChat;
    await h.api.waitFor(() => h.api.sentTo().length >= total, 30 * 60_000, `${total} replies`);
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    const stats = h.running.sendStats();
    process.stderr.write(
      `[bench]   ${total} updates in ${seconds.toFixed(1)} s; ${h.api.floodRejections} × 429; retries ${JSON.stringify(stats.retries)}\n`,
    );
    return {
      name,
      floodRetryAfter,
      botLimits,
      updates: total,
      seconds,
      updatesPerSecond: total / seconds,
      peakRssMb: peak / 1024 / 1024,
      rssRiseMb: (peak - rssAtStart) / 1024 / 1024,
      floodRejections: h.api.floodRejections,
      retries: stats.retries,
      gaveUp: stats.gaveUp,
    };
  } finally {
    await h.close();
  }
}

/**
 * Updates per second through the real bot (send queue, runner, long polling) against the local Bot
 * API stand-in: without flood control, and with the stand-in enforcing Telegram's published limits
 * (30/s overall, 1/s a chat, 20/min a group) answering 429 with each `floodRetryAfter` — the bot
 * keeping the limits itself (its defaults), and once sending as fast as it can so only 429s hold it.
 */
export async function measureThroughput(
  chats: number,
  perChat: number,
  floodRetryAfter: readonly number[] = [3, 30],
): Promise<ThroughputResult> {
  const scenarios = [await throughputRun("no flood control", chats, perChat, null, false)];
  for (const retryAfter of floodRetryAfter)
    scenarios.push(
      await throughputRun(`flood control, retry_after ${retryAfter} s`, chats, perChat, retryAfter, true),
    );
  const first = floodRetryAfter[0];
  if (first !== undefined)
    scenarios.push(
      await throughputRun(
        `flood control, retry_after ${first} s, bot limits off`,
        chats,
        perChat,
        first,
        false,
      ),
    );
  const base = scenarios[0] as ThroughputScenario;
  return {
    chats,
    updates: base.updates,
    seconds: base.seconds,
    updatesPerSecond: base.updatesPerSecond,
    scenarios,
  };
}

/** Peak RSS of this process so far, MB. */
export const benchPeakRssMb = peakRssMb;
