/**
 * The Telegram channel: `startTelegram(engine, deps)` runs it (what `npm start` calls), `createBot`
 * builds the bot alone, `loadBotConfig` validates its environment.
 */
import { type Logger, pino } from "pino";
import type { Engine } from "../../engine/index.js";
import { type AnswerLog, openAnswerLog } from "../log/index.js";
import { createStore, type StateStore } from "../state/index.js";
import { type BotConfig, loadBotConfig } from "./config.js";
import { type MountWebhook, type RunningBot, type RunOptions, runBot } from "./run.js";

export { ALLOWED_UPDATES, type BotDeps, createBot, handleUpdate, keyPrefixOf, sendQueueOf } from "./bot.js";
export { type BotConfig, BotConfigError, loadBotConfig } from "./config.js";
export { StartupError } from "./connect.js";
export { type Harness, startHarness } from "./harness.js";
export { COMMANDS } from "./i18n.js";
export {
  type BotEnd,
  type MountWebhook,
  type RunDeps,
  type RunningBot,
  type RunOptions,
  runBot,
} from "./run.js";
export { DeliveryFailed, SendAborted, type SendStats } from "./send-queue.js";
export { startBot } from "./start.js";

/** What {@link startTelegram} may be given; everything has a default. */
export interface TelegramDeps {
  /** Validated configuration; read from the environment (and .env) by default. */
  config?: BotConfig;
  /** pino logger; JSON lines on stderr at LOG_LEVEL by default. */
  logger?: Logger;
  /**
   * Shared state: de-duplication, limits, conversations and guided checks. By default Redis when
   * REDIS_URL is set (so every instance behind one webhook URL shares them), else in memory.
   */
  store?: StateStore;
  /** Where answers and 👍/👎 are recorded; by default the SQLite log ANSWER_LOG names (off with "off"). */
  answerLog?: AnswerLog;
  /**
   * Webhook mode: mount the webhook on npm start's HTTP server (`web.mount`) instead of a port of
   * its own — its PORT is the web server's.
   */
  mountWebhook?: MountWebhook;
  /** Signal handling and test knobs (see RunOptions). */
  options?: RunOptions;
}

/**
 * Starts the Telegram bot over `engine`: opens the state store (Redis with REDIS_URL: an unreachable
 * Redis fails naming it), connects (a bad token, a wrong root or an unreachable API throws a
 * StartupError naming it), then polls or serves the webhook. Resolves with the running bot; its
 * `done` settles when it stops (on SIGINT/SIGTERM it exits the process itself, within 10 s). What it
 * opened itself (the store, the answer log) it closes when the bot stops.
 */
export async function startTelegram(engine: Engine, deps: TelegramDeps = {}): Promise<RunningBot> {
  const config = deps.config ?? loadBotConfig();
  const logger = deps.logger ?? pino({ level: config.logLevel }, pino.destination(2));
  const store = deps.store ?? (await createStore({ REDIS_URL: config.redisUrl ?? undefined }));
  const answerLog = deps.answerLog ?? openAnswerLog({ onWarning: (m) => logger.warn(m) });
  const close = async () => {
    if (deps.answerLog === undefined) answerLog.close();
    if (deps.store === undefined) await store.close().catch(() => {});
  };
  let running: RunningBot;
  try {
    running = await runBot(
      {
        engine,
        config,
        logger,
        store,
        answerLog,
        ...(deps.mountWebhook ? { mountWebhook: deps.mountWebhook } : {}),
      },
      deps.options,
    );
  } catch (err) {
    await close();
    throw err;
  }
  void running.done.then(close);
  return running;
}
