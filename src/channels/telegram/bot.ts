/**
 * The Telegram adapter over the {@link Engine}, assembled from its features. `createBot` only builds
 * the middleware; nothing touches the network until the bot is run (run.ts).
 */
import { sequentialize } from "@grammyjs/runner";
import { Bot, BotError, type Context } from "grammy";
import type { Update, UserFromGetMe } from "grammy/types";
import type { Logger } from "pino";
import type { Engine } from "../../engine/index.js";
import { type AnswerLog, noAnswerLog } from "../log/index.js";
import { Conversations, MemoryStore, type StateStore } from "../state/index.js";
import type { BotConfig } from "./config.js";
import { errorBoundary } from "./error-boundary.js";
import { itemButtonsFeature, votes } from "./features/buttons.js";
import { checkDialogue } from "./features/check.js";
import { commands } from "./features/commands.js";
import { fallback } from "./features/fallback.js";
import { inlineSearch } from "./features/inline.js";
import { allowlist, userRateLimit } from "./features/limits.js";
import { questions } from "./features/questions.js";
import { servedUpdates } from "./features/served.js";
import { SendQueue } from "./send-queue.js";
import type { BotServices } from "./services.js";

/** What the bot is made of. */
export interface BotDeps {
  engine: Engine;
  config: BotConfig;
  logger: Logger;
  /** Shared state (de-duplication, limits, conversations, guided checks); in memory by default. */
  store?: StateStore;
  /** Where answers and votes are recorded; nothing by default. */
  answerLog?: AnswerLog;
  /** The send queue every API call goes through; made from the configuration by default. */
  queue?: SendQueue;
  /** The bot's own user (from getMe); when given, the bot needs no getMe of its own. */
  botInfo?: UserFromGetMe;
}

/** Update types the bot asks Telegram for. */
export const ALLOWED_UPDATES = ["message", "callback_query", "inline_query"] as const;

const queues = new WeakMap<Bot, SendQueue>();

/** The send queue of a bot made by {@link createBot}. */
export function sendQueueOf(bot: Bot): SendQueue {
  const queue = queues.get(bot);
  if (!queue) throw new Error("not a bot made by createBot");
  return queue;
}

/** The store key prefix of a bot: its numeric id (the token's first part). */
export function keyPrefixOf(token: string): string {
  return `tg:${token.split(":")[0] ?? "bot"}`;
}

/**
 * Builds the bot: every API call through the send queue, updates of one chat in order, then the
 * features — what is served, the rate limit, the allowlist, commands, the guided check, buttons,
 * votes, inline mode, free questions, and a fallback — behind one error boundary.
 */
export function createBot(deps: BotDeps): Bot {
  const { engine, config, logger } = deps;
  const store = deps.store ?? new MemoryStore();
  const keyPrefix = keyPrefixOf(config.token);
  const documents = engine.documents();
  const services: BotServices = {
    engine,
    config,
    logger,
    store,
    conversations: new Conversations(store, "telegram"),
    answerLog: deps.answerLog ?? noAnswerLog,
    keyPrefix,
    docs: documents.map((d) => d.doc),
    primaryDoc: documents[0]?.doc ?? null,
  };
  const queue =
    deps.queue ??
    new SendQueue({
      store,
      logger,
      prefix: keyPrefix,
      limits: config.sendLimits,
      retries: config.sendRetries,
      callTimeoutMs: config.callTimeoutMs,
    });
  const bot = new Bot(config.token, {
    ...(deps.botInfo ? { botInfo: deps.botInfo } : {}),
    // Long polls last pollTimeout seconds; every other call is bounded by the queue's own timeout.
    client: { apiRoot: config.apiRoot, timeoutSeconds: Math.ceil(config.callTimeoutMs / 1000) + 60 },
  });
  bot.api.config.use(queue.transformer);
  queues.set(bot, queue);

  bot.use(async (ctx, next) => {
    const started = performance.now();
    try {
      await next();
    } finally {
      const type = Object.keys(ctx.update).find((k) => k !== "update_id") ?? "unknown";
      logger.info(
        {
          update_id: ctx.update.update_id,
          type,
          chat_id: ctx.chat?.id,
          ms: Math.round(performance.now() - started),
        },
        "update handled",
      );
    }
  });
  // One chat at a time, in order; other chats run concurrently.
  bot.use(sequentialize((ctx: Context) => (ctx.chat?.id ?? ctx.from?.id)?.toString()));
  bot.use(servedUpdates(services), userRateLimit(services), allowlist(services));
  bot.use(
    commands(services),
    checkDialogue(services),
    itemButtonsFeature(services),
    votes(services),
    inlineSearch(services),
    questions(services),
    fallback(),
  );
  bot.catch(errorBoundary(services));
  return bot;
}

/**
 * Handles one update through the bot and its error boundary. Resolves when the update was handled
 * (an answer or a polite error went out); rejects when it was not (nothing could be delivered, or a
 * shutdown cut it short), so the caller leaves it for Telegram to deliver again.
 */
export async function handleUpdate(bot: Bot, update: Update): Promise<void> {
  try {
    await bot.handleUpdate(update);
  } catch (err) {
    if (err instanceof BotError) await bot.errorHandler(err);
    else throw err;
  }
}
