/**
 * Runs the DingTalk robot: settings from the environment, the answer log, a state store, pino logs
 * on stderr, the Stream connection kept up, a graceful stop on SIGINT/SIGTERM.
 */
import { type Logger, pino } from "pino";
import type { Engine } from "../../engine/index.js";
import { type AnswerLog, openAnswerLog } from "../log/index.js";
import { MemoryStore, type StateStore } from "../state/index.js";
import { DingTalkBot } from "./bot.js";
import { loadDingTalkConfig } from "./config.js";
import type { ReplyOptions } from "./reply.js";
import { StreamConnection, type StreamOptions } from "./stream.js";

/** What {@link startDingTalk} may be given; everything has a default. */
export interface DingTalkDeps {
  /** Where settings are read (default process.env, after .env). */
  env?: Record<string, string | undefined>;
  /** Shared state (exactly-once claims, conversations); default in memory. Pass the Redis store when several instances run. */
  store?: StateStore;
  /** Default: `openAnswerLog()` from the environment. */
  log?: AnswerLog;
  /** Default: pino on stderr at LOG_LEVEL. */
  logger?: Logger;
  reply?: ReplyOptions;
  stream?: Partial<
    Pick<StreamOptions, "baseDelayMs" | "maxDelayMs" | "stableMs" | "keepAliveMs" | "timeoutMs">
  >;
  /** Stop on SIGINT/SIGTERM and exit (default true). */
  handleSignals?: boolean;
}

/** A running robot. */
export interface DingTalkRunning {
  bot: DingTalkBot;
  connection: StreamConnection;
  /** Stops taking messages, lets those in hand finish, closes what it opened. */
  stop(): Promise<void>;
  /** Resolves when stopped. */
  done: Promise<void>;
}

/**
 * Starts the robot over an engine and resolves once the first Stream connection is open (it keeps
 * retrying, with backoff, until it is). Throws for invalid settings.
 */
export async function startDingTalk(engine: Engine, deps: DingTalkDeps = {}): Promise<DingTalkRunning> {
  const config = loadDingTalkConfig(deps.env ?? process.env);
  const logger =
    deps.logger ?? pino({ level: config.logLevel, base: { channel: "dingtalk" } }, pino.destination(2));
  const store = deps.store ?? new MemoryStore();
  const log = deps.log ?? openAnswerLog({ env: deps.env ?? process.env, onWarning: (m) => logger.warn(m) });
  const bot = new DingTalkBot({
    engine,
    store,
    log,
    logger,
    botName: config.botName,
    ...(deps.reply ? { reply: deps.reply } : {}),
  });
  const connection = new StreamConnection({
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    gatewayUrl: config.gatewayUrl,
    keepAliveMs: config.keepAliveMs,
    ...deps.stream,
    logger,
    onMessage: (data) => bot.handle(data),
  });
  let finished!: () => void;
  const done = new Promise<void>((r) => {
    finished = r;
  });
  let stopping: Promise<void> | null = null;
  const stop = () => {
    stopping ??= (async () => {
      await connection.stop();
      if (!deps.log) log.close();
      if (!deps.store) await store.close();
      logger.info("dingtalk robot stopped");
      finished();
    })();
    return stopping;
  };
  if (deps.handleSignals !== false) {
    const onSignal = () => {
      stop().then(() => process.exit(0));
    };
    process.once("SIGINT", onSignal);
    process.once("SIGTERM", onSignal);
  }
  logger.info({ gateway: config.gatewayUrl }, "dingtalk robot starting");
  // The engine's first answer loads its word lists (about a second); spend it before the first user does.
  const warm = performance.now();
  await engine.answer("空气质量");
  logger.info({ ms: Math.round(performance.now() - warm) }, "engine warmed up");
  await connection.start();
  return { bot, connection, stop, done };
}
