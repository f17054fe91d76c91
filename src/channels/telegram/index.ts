/**
 * The Telegram channel: `startTelegram(engine, deps)` runs it (what `npm start` calls), `createBot`
 * builds the bot alone, `loadBotConfig` validates its environment.
 */
import { type Logger, pino } from "pino";
import type { Engine } from "../../engine/index.js";
import type { AnswerLog } from "../log/index.js";
import type { StateStore } from "../state/index.js";
import { type BotConfig, loadBotConfig } from "./config.js";
import { type RunningBot, type RunOptions, runBot } from "./run.js";

export { ALLOWED_UPDATES, type BotDeps, createBot, handleUpdate, keyPrefixOf, sendQueueOf } from "./bot.js";
export { type BotConfig, BotConfigError, loadBotConfig } from "./config.js";
export { StartupError } from "./connect.js";
export { COMMANDS } from "./i18n.js";
export { type BotEnd, type RunDeps, type RunningBot, type RunOptions, runBot } from "./run.js";
export { DeliveryFailed, SendAborted, type SendStats } from "./send-queue.js";

/** What {@link startTelegram} may be given; everything has a default. */
export interface TelegramDeps {
  /** Validated configuration; read from the environment (and .env) by default. */
  config?: BotConfig;
  /** pino logger; JSON lines on stderr at LOG_LEVEL by default. */
  logger?: Logger;
  /**
   * Shared state. Required when REDIS_URL is set (pass the Redis-backed store, so every instance
   * shares de-duplication, limits, conversations and guided checks); in memory otherwise.
   */
  store?: StateStore;
  /** Where answers and 👍/👎 are recorded. */
  answerLog?: AnswerLog;
  /** Signal handling and test knobs (see RunOptions). */
  options?: RunOptions;
}

/**
 * Starts the Telegram bot over `engine`: connects (a bad token, a wrong root or an unreachable API
 * throws a StartupError naming it), then polls or serves the webhook. Resolves with the running bot;
 * its `done` settles when it stops (on SIGINT/SIGTERM it exits the process itself, within 10 s).
 */
export async function startTelegram(engine: Engine, deps: TelegramDeps = {}): Promise<RunningBot> {
  const config = deps.config ?? loadBotConfig();
  const logger = deps.logger ?? pino({ level: config.logLevel }, pino.destination(2));
  if (config.redisUrl && !deps.store)
    throw new Error(
      "REDIS_URL is set but no Redis-backed state store was given to startTelegram (deps.store)",
    );
  return runBot(
    {
      engine,
      config,
      logger,
      ...(deps.store ? { store: deps.store } : {}),
      ...(deps.answerLog ? { answerLog: deps.answerLog } : {}),
    },
    deps.options,
  );
}
