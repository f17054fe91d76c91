/**
 * The Telegram bot: `createBot` builds it, `runBot` starts it (long polling or webhook),
 * `loadBotConfig` validates its environment.
 */
export { ALLOWED_UPDATES, type BotDeps, COMMANDS, commandLists, createBot, MAX_QUESTION } from "./bot.js";
export { type BotConfig, BotConfigError, loadBotConfig } from "./config.js";
export { type Harness, startHarness } from "./harness.js";
export { type RunningBot, type RunOptions, runBot } from "./run.js";
export { startBot } from "./start.js";
