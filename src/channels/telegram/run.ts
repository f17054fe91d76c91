/**
 * Running the bot: connect (failing clearly), register the command menus, then long polling or the
 * webhook server — and stopping within the shutdown budget: take no new updates, let those in hand
 * finish, then stop every wait, say what was left undelivered, and (polling) confirm to Telegram
 * exactly what was handled.
 */
import type { Bot } from "grammy";
import type { Logger } from "pino";
import type { Engine } from "../../engine/index.js";
import type { AnswerLog } from "../log/index.js";
import { MemoryStore, type StateStore } from "../state/index.js";
import { ALLOWED_UPDATES, createBot, keyPrefixOf } from "./bot.js";
import type { BotConfig } from "./config.js";
import { connect } from "./connect.js";
import { COMMANDS, STRINGS } from "./i18n.js";
import { errorFields } from "./log-fields.js";
import { type Polling, startPolling } from "./polling.js";
import { SendQueue, type SendQueueOptions, type SendStats } from "./send-queue.js";
import { UpdateGuard } from "./update-guard.js";
import { startWebhookServer, WebhookEndpoint, type WebhookServer } from "./webhook.js";

/** What {@link runBot} needs. */
export interface RunDeps {
  engine: Engine;
  config: BotConfig;
  logger: Logger;
  /** Shared state; with several instances a Redis-backed store. In memory by default. */
  store?: StateStore;
  answerLog?: AnswerLog;
  /**
   * Webhook mode: mounts the webhook on a server that is already serving (npm start's), at the
   * path of WEBHOOK_URL, instead of listening on a port of its own.
   */
  mountWebhook?: MountWebhook;
}

/** Puts a Web-standard request handler on a running server at exactly `path`. */
export type MountWebhook = (path: string, handler: (request: Request) => Promise<Response>) => void;

/** Options of {@link runBot} (mostly for tests and benchmarks). */
export interface RunOptions {
  /** Install SIGINT/SIGTERM handlers that stop the bot (default true). */
  handleSignals?: boolean;
  /** After a signal has stopped the bot, exit the process (default true). */
  exitOnSignal?: boolean;
  /** Long-polling timeout in seconds (default 30). */
  pollTimeoutSeconds?: number;
  /** Most updates handled at once in polling mode (default 500). */
  concurrency?: number;
  /** Lease of an update being handled (ms; default 60 s); see UpdateGuard. */
  leaseMs?: number;
  /** How long a second delivery of an update waits for the first (ms). */
  duplicateWaitMs?: number;
  /** Passed to the send queue: `retryAfterScale` runs Telegram's clock faster in tests. */
  queue?: Pick<SendQueueOptions, "retryAfterScale" | "backoff">;
  /** Backoff of the polling supervisor's restarts. */
  restartBackoff?: { baseMs: number; capMs: number };
}

/** How the bot ended. */
export interface BotEnd {
  reason: "stopped" | "fatal";
  error?: string;
}

/** A started bot. */
export interface RunningBot {
  bot: Bot;
  mode: "polling" | "webhook";
  /** The webhook server's port (webhook mode). */
  port: number | null;
  /** Counters of the send queue. */
  sendStats(): SendStats;
  /** Polling: how often the supervisor restarted polling. */
  restarts(): number;
  /** Stops within the shutdown budget; safe to call twice. */
  stop(): Promise<void>;
  /**
   * Stops at once as a crash would: connections dropped, every wait and send abandoned, nothing
   * confirmed or saved (for tests of what Telegram's redelivery recovers).
   */
  abandon(): Promise<void>;
  /** Settles when the bot has stopped: "fatal" when polling gave up (the token was revoked). */
  done: Promise<BotEnd>;
}

/** Connects, starts the configured mode and returns a handle; throws a StartupError when it cannot. */
export async function runBot(deps: RunDeps, options: RunOptions = {}): Promise<RunningBot> {
  const { config, engine } = deps;
  const log = deps.logger.child({ component: "telegram" });
  const botInfo = await connect(config, log);
  const store = deps.store ?? new MemoryStore();
  const prefix = keyPrefixOf(config.token);
  const queue = new SendQueue({
    store,
    logger: log,
    prefix,
    limits: config.sendLimits,
    retries: config.sendRetries,
    callTimeoutMs: config.callTimeoutMs,
    ...options.queue,
  });
  const bot = createBot({ engine, config, logger: log, store, queue, botInfo, answerLog: deps.answerLog });
  const guard = new UpdateGuard({
    store,
    logger: log,
    prefix,
    windowMs: config.dedupWindowMs,
    leaseMs: options.leaseMs,
    ...(options.duplicateWaitMs !== undefined ? { waitMs: options.duplicateWaitMs } : {}),
  });
  log.info({ username: botInfo.username, mode: config.mode, apiRoot: config.apiRoot }, "bot connected");

  for (const lang of ["en", "zh"] as const) {
    const commands = COMMANDS.map((command) => ({ command, description: STRINGS[lang].commands[command] }));
    await bot.api
      .setMyCommands(commands, lang === "zh" ? { language_code: "zh" } : {})
      .catch((err: unknown) =>
        log.warn({ err: errorFields(err, config.token), lang }, "setMyCommands failed"),
      );
  }

  let settle: (end: BotEnd) => void = () => {};
  const done = new Promise<BotEnd>((resolve) => {
    settle = resolve;
  });
  let polling: Polling | null = null;
  let webhook: WebhookServer | null = null;
  let endpoint: WebhookEndpoint | null = null;

  if (config.mode === "polling") {
    await bot.api.deleteWebhook({ drop_pending_updates: false });
    polling = startPolling({
      bot,
      guard,
      logger: log,
      store,
      keyPrefix: prefix,
      keepMs: config.dedupWindowMs,
      token: config.token,
      allowedUpdates: ALLOWED_UPDATES,
      pollTimeoutSeconds: options.pollTimeoutSeconds ?? 30,
      concurrency: options.concurrency ?? 500,
      restartBackoff: options.restartBackoff,
    });
    void polling.ended.then((end) => {
      if (end.fatal !== null) void stopWith({ reason: "fatal", error: end.fatal });
    });
  } else {
    const url = config.webhookUrl ?? "";
    endpoint = new WebhookEndpoint({
      bot,
      guard,
      logger: log,
      token: config.token,
      path: new URL(url).pathname,
      secret: config.webhookSecret ?? "",
      maxBodyBytes: config.webhookMaxBodyBytes,
    });
    if (deps.mountWebhook) deps.mountWebhook(endpoint.path, endpoint.fetch);
    else webhook = await startWebhookServer(endpoint, config.port, config.host, log, config.token);
    await bot.api.setWebhook(url, {
      secret_token: config.webhookSecret ?? "",
      allowed_updates: [...ALLOWED_UPDATES],
      max_connections: config.webhookMaxConnections,
    });
    log.info(
      webhook ? { port: webhook.port, path: endpoint.path } : { mounted: true, path: endpoint.path },
      "webhook serving",
    );
  }

  /** The stop itself: intake off, in-flight work within the budget, then what is left is dropped. */
  async function shutdown(): Promise<void> {
    const budgetEnd = Date.now() + config.shutdownTimeoutMs;
    // Leave about a second at the end for dropping what is left and confirming offsets.
    const finishBy = budgetEnd - Math.min(1500, config.shutdownTimeoutMs / 3);
    if (polling) await polling.stopFetching();
    endpoint?.stopAccepting();
    webhook?.stopAccepting();
    const idle = polling ? polling.idle() : (endpoint?.idle() ?? Promise.resolve());
    const inTime = await Promise.race([
      idle.then(() => true),
      new Promise<boolean>((resolve) =>
        setTimeout(() => resolve(false), Math.max(0, finishBy - Date.now())).unref(),
      ),
    ]);
    if (!inTime) {
      const backlog = queue.backlog();
      log.warn(
        {
          updates_unfinished: polling ? polling.unfinished().length : (endpoint?.inFlight() ?? 0),
          messages_unsent: backlog.total,
          chats: backlog.chats.slice(0, 50),
        },
        "shutdown budget reached: dropping what is left (Telegram delivers the unfinished updates again)",
      );
      queue.abort();
      await Promise.race([idle, new Promise((resolve) => setTimeout(resolve, 500).unref())]);
    }
    if (polling) await polling.saveAndConfirm(Math.max(200, budgetEnd - Date.now() - 100));
    await webhook?.close();
    log.info({ sent: queue.stats() }, "bot stopped");
  }

  let stopping: Promise<void> | null = null;
  function stopWith(end: BotEnd): Promise<void> {
    stopping ??= shutdown().then(
      () => settle(end),
      (err: unknown) => {
        log.error({ err: errorFields(err, config.token) }, "stop failed");
        settle({ reason: "fatal", error: String(err) });
      },
    );
    return stopping;
  }

  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      log.warn({ signal }, "second signal: exiting now");
      process.exit(1);
    }
    log.info({ signal }, "stopping");
    // However the stop goes, the process is gone within the budget plus a second.
    if (options.exitOnSignal ?? true)
      setTimeout(() => {
        log.error("stop took too long: exiting");
        process.exit(1);
      }, config.shutdownTimeoutMs + 1000).unref();
    void stopWith({ reason: "stopped" }).then(() => {
      removeSignalHandlers();
      if (options.exitOnSignal ?? true)
        void done.then((end) => process.exit(end.reason === "stopped" ? 0 : 1));
    });
  };
  const handleSignals = options.handleSignals ?? true;
  if (handleSignals) {
    process.on("SIGINT", onSignal);
    process.on("SIGTERM", onSignal);
  }
  function removeSignalHandlers(): void {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }

  return {
    bot,
    mode: config.mode,
    port: webhook?.port ?? null,
    done,
    sendStats: () => queue.stats(),
    restarts: () => polling?.restarts ?? 0,
    async stop() {
      removeSignalHandlers();
      await stopWith({ reason: "stopped" });
    },
    async abandon() {
      removeSignalHandlers();
      stopping ??= (async () => {
        queue.abort();
        endpoint?.stopAccepting();
        await webhook?.close();
        if (polling) await polling.stopFetching();
        log.warn("abandoned: stopped without finishing anything");
        settle({ reason: "fatal", error: "abandoned" });
      })();
      await stopping;
    },
  };
}
