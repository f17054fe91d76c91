/**
 * Runs the Telegram bot over an engine: config from the environment (validated), pino logs to
 * stderr, graceful stop on SIGINT/SIGTERM. Resolves when the bot has stopped.
 */
import { pino } from "pino";
import type { Engine } from "../../engine/index.js";
import { loadBotConfig, runBot } from "./index.js";

/** Starts the bot; exits non-zero when long polling gives up (revoked token, another instance). */
export async function startBot(engine: Engine): Promise<void> {
  const config = loadBotConfig();
  const logger = pino({ level: config.logLevel }, pino.destination(2));
  const running = await runBot({ engine, config, logger });
  const { reason, error } = await running.done;
  if (reason === "fatal") {
    logger.fatal({ error }, "bot stopped");
    process.exit(1);
  }
}
