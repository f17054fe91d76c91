/**
 * Starts the real bot (runBot, long polling through @grammyjs/runner, grammY's HTTP client) against
 * a {@link FakeBotApi} and captures its logs.
 */
import { Writable } from "node:stream";
import pino from "pino";
import { createEngine, type Engine } from "../../engine/index.js";
import { FakeBotApi, type Json } from "../../stand-ins/telegram-bot-api.js";
import { loadBotConfig, type RunningBot, type RunOptions, runBot } from "./index.js";

let sharedEngine: Promise<Engine> | null = null;

/** One real engine for all tests of a file (it is read-only). */
export function testEngine(): Promise<Engine> {
  sharedEngine ??= createEngine();
  return sharedEngine;
}

export interface LogLine {
  level: number;
  msg: string;
  raw: string;
  [key: string]: unknown;
}

export interface Harness {
  api: FakeBotApi;
  engine: Engine;
  running: RunningBot;
  logs: LogLine[];
  env: Record<string, string>;
  /** Starts the bot again on the same server (after stop). */
  restart(): Promise<RunningBot>;
  close(): Promise<void>;
}

export function captureLogger(logs: LogLine[], level = "debug") {
  const stream = new Writable({
    write(chunk, _enc, done) {
      for (const raw of String(chunk).split("\n").filter(Boolean)) logs.push({ ...JSON.parse(raw), raw });
      done();
    },
  });
  return pino({ level }, stream);
}

export async function startHarness(
  env: Record<string, string> = {},
  options: RunOptions = { handleSignals: false },
): Promise<Harness> {
  const api = new FakeBotApi();
  await api.start();
  const engine = await testEngine();
  const logs: LogLine[] = [];
  const fullEnv = {
    TELEGRAM_BOT_TOKEN: api.token,
    TELEGRAM_API_ROOT: api.apiRoot,
    RATE_LIMIT_MAX: "10000",
    LOG_LEVEL: "debug",
    ...env,
  };
  const config = loadBotConfig(fullEnv);
  const logger = captureLogger(logs, config.logLevel);
  const h: Harness = {
    api,
    engine,
    logs,
    env: fullEnv,
    running: await runBot({ engine, config, logger }, options),
    async restart() {
      h.running = await runBot({ engine, config, logger }, options);
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

/** callback_data of every button of a reply. */
export function buttons(payload: Json): Array<{ text: string; data?: string; url?: string }> {
  return (payload.reply_markup?.inline_keyboard ?? []).flat().map((b: Json) => ({
    text: b.text,
    data: b.callback_data,
    url: b.url,
  }));
}
