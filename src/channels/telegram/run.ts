/**
 * Starting and stopping the bot: long polling through @grammyjs/runner, or a webhook served by
 * node:http; graceful stop on SIGINT/SIGTERM without losing an update or answering one twice.
 */
import { timingSafeEqual } from "node:crypto";
import { createServer, type Server } from "node:http";
import { type RunnerHandle, run } from "@grammyjs/runner";
import { type Bot, GrammyError, webhookCallback } from "grammy";
import { ALLOWED_UPDATES, type BotDeps, commandLists, createBot, errorFields, trackerOf } from "./bot.js";

export interface RunOptions {
  /** Install SIGINT/SIGTERM handlers that stop the bot (default true). */
  handleSignals?: boolean;
  /** After a signal has stopped the bot, exit the process (default true). */
  exitOnSignal?: boolean;
  /** Long-polling timeout in seconds (default 30). */
  pollTimeoutSeconds?: number;
  /** Most updates handled at once across chats in polling mode (default 500). */
  concurrency?: number;
}

export interface RunningBot {
  bot: Bot;
  mode: "polling" | "webhook";
  /** The webhook server's port (webhook mode). */
  port: number | null;
  /** Stops taking updates, finishes those in hand, confirms the offset. Safe to call twice. */
  stop(): Promise<void>;
  /**
   * Settles when the bot has stopped: "stopped" after stop() or a signal, "fatal" when long polling
   * gave up (401 token revoked, 409 another instance polling) — then exit non-zero and restart.
   */
  done: Promise<{ reason: "stopped" | "fatal"; error?: string }>;
}

/** Starts the bot in the configured mode and returns a handle to stop it. */
export async function runBot(deps: BotDeps, options: RunOptions = {}): Promise<RunningBot> {
  const { config, logger } = deps;
  const log = logger.child({ component: "bot" });
  const bot = createBot({ ...deps, logger: log });
  const tracker = trackerOf(bot);

  try {
    await bot.init();
  } catch (err) {
    if (err instanceof GrammyError && err.error_code === 401)
      throw new Error(
        "Telegram rejected TELEGRAM_BOT_TOKEN (401 Unauthorized); check the token with @BotFather",
      );
    throw new Error(
      `could not reach the Bot API at ${config.apiRoot}: ${errorFields(err, config.token).message}`,
    );
  }
  log.info({ username: bot.botInfo.username, mode: config.mode, apiRoot: config.apiRoot }, "bot started");

  for (const { language_code, commands } of commandLists()) {
    try {
      await bot.api.setMyCommands(commands, language_code ? { language_code } : {});
    } catch (err) {
      log.warn({ err: errorFields(err, config.token), language_code }, "setMyCommands failed");
    }
  }

  let stopImpl: () => Promise<void>;
  let fatal: string | null = null;
  let settle: (outcome: { reason: "stopped" | "fatal"; error?: string }) => void = () => {};
  const done = new Promise<{ reason: "stopped" | "fatal"; error?: string }>((resolve) => {
    settle = resolve;
  });
  let port: number | null = null;

  if (config.mode === "polling") {
    await bot.api.deleteWebhook({ drop_pending_updates: false });
    const runner: RunnerHandle = run(bot, {
      runner: {
        fetch: { allowed_updates: [...ALLOWED_UPDATES], timeout: options.pollTimeoutSeconds ?? 30 },
        silent: true,
        retryInterval: "exponential",
        maxRetryTime: 60 * 60 * 1000,
      },
      sink: { concurrency: options.concurrency ?? 500 },
    });
    runner.task()?.catch((err: unknown) => {
      const fields = errorFields(err, config.token);
      log.fatal({ err: fields }, "polling stopped");
      fatal = String(fields.message);
      void handleStop();
    });
    stopImpl = async () => {
      if (runner.isRunning()) await runner.stop();
      await tracker.idle();
      // Confirm the last fetched update so a restart neither loses nor repeats one.
      if (tracker.lastFetchedId >= 0) {
        try {
          await bot.api.getUpdates({ offset: tracker.lastFetchedId + 1, limit: 1, timeout: 0 });
        } catch (err) {
          log.warn({ err: errorFields(err, config.token) }, "could not confirm the last update");
        }
      }
    };
  } else {
    const url = config.webhookUrl ?? "";
    const secret = config.webhookSecret ?? "";
    const path = new URL(url).pathname;
    const handle = webhookCallback(bot, "http", {
      secretToken: secret,
      onTimeout: "return",
      timeoutMilliseconds: 9_000,
    });
    let closing = false;
    const server: Server = createServer((req, res) => {
      const reqPath = (req.url ?? "/").split("?")[0];
      if (closing) {
        res.writeHead(503).end();
        return;
      }
      if (req.method !== "POST" || reqPath !== path) {
        res.writeHead(404).end();
        return;
      }
      if (!sameSecret(req.headers["x-telegram-bot-api-secret-token"], secret)) {
        log.warn({ path: reqPath }, "webhook request with a wrong secret token");
        res.writeHead(401).end("secret token is wrong");
        return;
      }
      handle(req, res).catch((err: unknown) => {
        log.error({ err: errorFields(err, config.token) }, "webhook handler failed");
        if (!res.headersSent) res.writeHead(500).end();
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(config.port, config.host, () => {
        server.off("error", reject);
        resolve();
      });
    });
    const address = server.address();
    port = typeof address === "object" && address ? address.port : config.port;
    await bot.api.setWebhook(url, { secret_token: secret, allowed_updates: [...ALLOWED_UPDATES] });
    log.info({ port }, "webhook server listening");
    stopImpl = async () => {
      closing = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await tracker.idle();
      server.closeAllConnections();
      await closed;
    };
  }

  let stopping: Promise<void> | null = null;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      log.warn({ signal }, "second signal: exiting now");
      process.exit(1);
    }
    log.info({ signal }, "stopping");
    void handleStop().then(
      () => {
        removeSignalHandlers();
        if (options.exitOnSignal ?? true) process.exit(0);
      },
      (err: unknown) => {
        removeSignalHandlers();
        log.error({ err: errorFields(err, config.token) }, "stop failed");
        if (options.exitOnSignal ?? true) process.exit(1);
      },
    );
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

  function handleStop(): Promise<void> {
    if (!stopping) {
      stopping = (async () => {
        await stopImpl();
        log.info("bot stopped");
        settle(fatal === null ? { reason: "stopped" } : { reason: "fatal", error: fatal });
      })();
    }
    return stopping;
  }

  return {
    bot,
    mode: config.mode,
    port,
    done,
    async stop() {
      removeSignalHandlers();
      await handleStop();
    },
  };
}

/** Compares the webhook secret header in constant time. */
function sameSecret(header: string | string[] | undefined, secret: string): boolean {
  if (typeof header !== "string") return false;
  const a = Buffer.from(header);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}
