/**
 * `npm start`'s Telegram entry: configuration from the environment (validated), pino logs on
 * stderr, a readable fatal line and a non-zero exit when start-up or polling fails for good.
 */
import { pino } from "pino";
import type { Engine } from "../../engine/index.js";
import type { AnswerLog } from "../log/index.js";
import type { StateStore } from "../state/index.js";
import { BotConfigError, loadBotConfig } from "./config.js";
import { startTelegram } from "./index.js";
import type { MountWebhook } from "./run.js";

/**
 * Runs the bot until it stops; exits non-zero when it cannot start or polling gives up. npm start
 * passes its state store and answer log (shared with the other channels) and, for webhook mode, how
 * to mount the webhook on its HTTP server.
 */
export async function startBot(
  engine: Engine,
  deps: { store?: StateStore; answerLog?: AnswerLog; mountWebhook?: MountWebhook } = {},
): Promise<void> {
  let config: ReturnType<typeof loadBotConfig>;
  try {
    config = loadBotConfig();
  } catch (err) {
    if (!(err instanceof BotConfigError)) throw err;
    process.stderr.write(`policy-bot: ${err.message}\n`);
    process.exit(1);
  }
  const logger = pino({ level: config.logLevel }, pino.destination(2));
  let running: Awaited<ReturnType<typeof startTelegram>>;
  try {
    // The bot stops on SIGINT/SIGTERM itself; npm start, which runs other channels beside it, exits
    // once they have all stopped.
    running = await startTelegram(engine, { config, logger, ...deps, options: { exitOnSignal: false } });
  } catch (err) {
    logger.fatal(
      { problem: err instanceof Error ? err.message : String(err) },
      "cannot start the Telegram bot",
    );
    logger.flush();
    process.exit(1);
  }
  const end = await running.done;
  if (end.reason === "fatal") {
    logger.fatal({ error: end.error }, "bot stopped");
    logger.flush();
    process.exit(1);
  }
}
