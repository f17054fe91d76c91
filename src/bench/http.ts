/**
 * The HTTP API's throughput: the built server (`node dist/start.js`) in its own process, with the
 * rate limit off and the answer log on (a scratch file), and `clients` concurrent clients each
 * sending the gold set's questions one after another to POST /v1/answer over keep-alive connections
 * (Node's own http client, one socket per client). Answers per second over the timed requests, and
 * their latency percentiles.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { Agent, request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadEvalSet, questionOf } from "../eval/index.js";
import { type LatencySummary, summarize } from "./stats.js";

/** What the HTTP part measured. */
export interface HttpThroughputResult {
  clients: number;
  /** Timed requests (after the warm-up). */
  requests: number;
  seconds: number;
  answersPerSecond: number;
  /** Client-side latency of each request: from sending it to the last byte of its response. */
  latency: LatencySummary;
  /** Responses other than 200 (each counts, none is retried). */
  errors: number;
  /** Distinct questions sent round-robin. */
  questions: number;
  /**
   * CPU time the server process spent per timed answer (user + system, from /proc; null elsewhere):
   * what one answer costs whatever else the machine is doing, so 1000 / this is one core's capacity.
   */
  serverCpuMsPerAnswer: number | null;
}

/** Options of {@link measureHttpThroughput}. */
export interface HttpBenchOptions {
  clients: number;
  requests: number;
  /** Untimed requests first (the server's JIT, its caches, the connections). */
  warmup: number;
}

/** Starts `node dist/start.js` on a free loopback port; resolves with its URL once it listens. */
async function startServerProcess(
  root: string,
  answerLog: string,
): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [join(root, "dist", "start.js")], {
    cwd: root,
    env: {
      ...process.env,
      HOST: "127.0.0.1",
      PORT: "0",
      API_KEYS: "",
      HTTP_RATE_LIMIT: "0",
      TELEGRAM_BOT_TOKEN: "",
      DINGTALK_CLIENT_ID: "",
      REDIS_URL: "",
      // Answers are logged as in production, to a scratch file.
      ANSWER_LOG: answerLog,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error(`the server did not start: ${out}`)), 60_000);
    const read = (d: Buffer) => {
      out += d;
      const m = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout?.on("data", read);
    child.stderr?.on("data", (d: Buffer) => {
      out += d;
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${code}): ${out}`));
    });
  });
  return { url, child };
}

/** CPU time (user + system) a process has used so far, in ms; null where /proc is missing. */
function cpuMs(pid: number | undefined): number | null {
  try {
    // Fields 14 and 15 of /proc/<pid>/stat, after the parenthesised command name, in clock ticks (100 Hz).
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

/** One POST /v1/answer; resolves with the status once the whole response has arrived. */
function post(agent: Agent, url: URL, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: "POST",
        agent,
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) },
      },
      (res) => {
        res.on("data", () => {});
        res.on("end", () => resolve(res.statusCode ?? 0));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

/** Runs `total` requests from `clients` concurrent loops; returns each request's latency and the errors. */
async function drive(
  agent: Agent,
  url: URL,
  bodies: readonly string[],
  clients: number,
  total: number,
  offset: number,
): Promise<{ times: number[]; errors: number; seconds: number }> {
  let next = 0;
  let errors = 0;
  const times: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (let i = next++; i < total; i = next++) {
        const body = bodies[(offset + i) % bodies.length] as string;
        const t0 = performance.now();
        const status = await post(agent, url, body);
        times.push(performance.now() - t0);
        if (status !== 200) errors++;
      }
    }),
  );
  return { times, errors, seconds: (performance.now() - started) / 1000 };
}

/** Measures the API's answers per second and latency at `clients` concurrent clients. */
export async function measureHttpThroughput(
  root: string,
  options: HttpBenchOptions,
): Promise<HttpThroughputResult> {
  const questions = [...new Set(loadEvalSet(join(root, "eval")).cases.map(questionOf))].filter(
    (q) => q.trim() !== "" && q.length <= 2000,
  );
  const bodies = questions.map((question) => JSON.stringify({ question }));
  const scratch = mkdtempSync(join(tmpdir(), "pb-bench-http-"));
  const { url, child } = await startServerProcess(root, join(scratch, "answers.sqlite"));
  const agent = new Agent({ keepAlive: true, maxSockets: options.clients });
  try {
    const endpoint = new URL("v1/answer", url);
    await drive(agent, endpoint, bodies, options.clients, options.warmup, 0);
    const cpuBefore = cpuMs(child.pid);
    const run = await drive(agent, endpoint, bodies, options.clients, options.requests, options.warmup);
    const cpuAfter = cpuMs(child.pid);
    return {
      clients: options.clients,
      requests: options.requests,
      seconds: run.seconds,
      answersPerSecond: options.requests / run.seconds,
      latency: summarize(run.times),
      errors: run.errors,
      questions: bodies.length,
      serverCpuMsPerAnswer:
        cpuBefore === null || cpuAfter === null ? null : (cpuAfter - cpuBefore) / options.requests,
    };
  } finally {
    agent.destroy();
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await exited;
    rmSync(scratch, { recursive: true, force: true });
  }
}
