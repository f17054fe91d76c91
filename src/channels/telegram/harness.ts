/**
 * The real bot (runBot: grammY's HTTP client, the send queue, long polling or the webhook server)
 * against a {@link FakeBotApi}, with captured logs — for the tests and the benchmark.
 */
import { Writable } from "node:stream";
import { pino } from "pino";
import { createEngine, type Engine } from "../../engine/index.js";
import { FakeBotApi, type FakeBotApiOptions, type Json } from "../../stand-ins/index.js";
import type { AnswerLog, AnswerRecord, Vote } from "../log/index.js";
import { MemoryStore, type StateStore } from "../state/index.js";
import { type BotConfig, loadBotConfig } from "./config.js";
import { type RunningBot, type RunOptions, runBot } from "./run.js";

let sharedEngine: Promise<Engine> | null = null;

/** One real engine for all tests of a file (it is read-only). */
export function testEngine(): Promise<Engine> {
  sharedEngine ??= createEngine();
  return sharedEngine;
}

/** A captured log line: pino's fields, and the raw JSON. */
export interface LogLine {
  level: number;
  msg: string;
  raw: string;
  [key: string]: unknown;
}

/** An answer log in memory: what was recorded and voted. */
export class MemoryAnswerLog implements AnswerLog {
  readonly records: Array<AnswerRecord & { id: string }> = [];
  readonly votes: Array<{ answerId: string; vote: Vote; user: string | null }> = [];

  record(entry: AnswerRecord): string {
    const id = `a${this.records.length + 1}`;
    this.records.push({ ...entry, id });
    return id;
  }

  feedback(answerId: string, vote: Vote, user: string | null): boolean {
    if (!this.records.some((r) => r.id === answerId)) return false;
    this.votes.push({ answerId, vote, user });
    return true;
  }

  close(): void {}
}

/** A running bot on its own stand-in. */
export interface Harness {
  api: FakeBotApi;
  engine: Engine;
  running: RunningBot;
  config: BotConfig;
  store: StateStore;
  answerLog: MemoryAnswerLog;
  logs: LogLine[];
  env: Record<string, string>;
  /** Starts the bot again on the same server and store (after stop). */
  restart(): Promise<RunningBot>;
  close(): Promise<void>;
}

/** A pino logger writing parsed lines into `logs`. */
export function captureLogger(logs: LogLine[], level = "debug") {
  const stream = new Writable({
    write(chunk, _enc, done) {
      for (const raw of String(chunk).split("\n").filter(Boolean)) logs.push({ ...JSON.parse(raw), raw });
      done();
    },
  });
  return pino({ level }, stream);
}

/**
 * The environment tests run with: the stand-in's token and root, and limits high enough that only
 * the tests about limits meet them.
 */
export function testEnv(api: FakeBotApi, env: Record<string, string> = {}): Record<string, string> {
  return {
    TELEGRAM_BOT_TOKEN: api.token,
    TELEGRAM_API_ROOT: api.apiRoot,
    RATE_LIMIT_MAX: "10000",
    TELEGRAM_SEND_RATE: "100000",
    TELEGRAM_CHAT_SEND_RATE: "100000",
    TELEGRAM_GROUP_SEND_RATE: "100000",
    // A loaded test machine can stall the event loop for seconds; a call that times out is resent
    // and may then arrive twice, which would be the machine's fault, not the bot's.
    TELEGRAM_CALL_TIMEOUT_SECONDS: "60",
    LOG_LEVEL: "debug",
    ...env,
  };
}

/** Starts a stand-in and the bot on it. */
export async function startHarness(
  env: Record<string, string> = {},
  options: RunOptions = { handleSignals: false },
  apiOptions: FakeBotApiOptions = {},
  store: StateStore = new MemoryStore(),
): Promise<Harness> {
  const api = new FakeBotApi(apiOptions);
  await api.start();
  const engine = await testEngine();
  const logs: LogLine[] = [];
  const fullEnv = testEnv(api, env);
  const config = loadBotConfig(fullEnv);
  const logger = captureLogger(logs, config.logLevel);
  const answerLog = new MemoryAnswerLog();
  const start = () => runBot({ engine, config, logger, store, answerLog }, options);
  const h: Harness = {
    api,
    engine,
    config,
    store,
    answerLog,
    logs,
    env: fullEnv,
    running: await start(),
    async restart() {
      h.running = await start();
      return h.running;
    },
    async close() {
      await h.running.stop();
      await api.close();
    },
  };
  return h;
}

/** Injects a private text message and returns the bot's replies once it has settled. */
export async function ask(api: FakeBotApi, chatId: number, text: string, from?: Json): Promise<Json[]> {
  const before = api.sentTo(chatId).length;
  api.send(chatId, text, from);
  await api.waitFor(
    () => api.sentTo(chatId).length > before,
    10_000,
    `a reply to ${JSON.stringify(text.slice(0, 40))}`,
  );
  await api.settle(60);
  return api.sentTo(chatId).slice(before);
}

/** Injects any update and waits until the bot has settled; returns new sendMessage payloads to `chatId`. */
export async function inject(api: FakeBotApi, update: Json, chatId?: number): Promise<Json[]> {
  const before = api.sentTo(chatId).length;
  api.inject(update);
  await api.settle(120);
  return api.sentTo(chatId).slice(before);
}

/** Every button of a reply: its text and callback data or URL. */
export function buttons(payload: Json): Array<{ text: string; data?: string; url?: string }> {
  return (payload.reply_markup?.inline_keyboard ?? []).flat().map((b: Json) => ({
    text: b.text,
    data: b.callback_data,
    url: b.url,
  }));
}

/** Several bot instances in webhook mode behind one stand-in, sharing one store. */
export interface Cluster {
  api: FakeBotApi;
  engine: Engine;
  instances: RunningBot[];
  logs: LogLine[][];
  close(): Promise<void>;
}

/**
 * Starts `count` instances in webhook mode on free ports, all registered at one URL; the stand-in
 * delivers to them round-robin, as a load balancer in front of them would. `storeFor(i)` gives each
 * instance its view of the shared store (the same object, or a wrapper a test can break).
 */
export async function startCluster(
  count: number,
  storeFor: (instance: number) => StateStore,
  env: Record<string, string> = {},
  options: RunOptions = {},
): Promise<Cluster> {
  const api = new FakeBotApi();
  await api.start();
  const engine = await testEngine();
  const config = loadBotConfig(
    testEnv(api, {
      BOT_MODE: "webhook",
      WEBHOOK_URL: "https://bot.example.org/telegram/hook",
      WEBHOOK_SECRET: "cluster-secret",
      PORT: "0",
      HOST: "127.0.0.1",
      LOG_LEVEL: "info",
      ...env,
    }),
  );
  const logs: LogLine[][] = [];
  const instances: RunningBot[] = [];
  for (let i = 0; i < count; i++) {
    const lines: LogLine[] = [];
    logs.push(lines);
    instances.push(
      await runBot(
        { engine, config, logger: captureLogger(lines, config.logLevel), store: storeFor(i) },
        { handleSignals: false, ...options },
      ),
    );
  }
  api.webhookTargets = instances.map((r) => `http://127.0.0.1:${r.port}/telegram/hook`);
  return {
    api,
    engine,
    instances,
    logs,
    async close() {
      for (const r of instances) await r.stop();
      await api.close();
    },
  };
}
