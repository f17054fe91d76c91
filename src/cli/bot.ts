/** Starts the Telegram bot; filled in when src/bot lands. */
import type { Engine } from "../answer/index.js";

export async function startBot(_engine: Engine): Promise<void> {
  throw new Error("the Telegram bot is not built yet: unset TELEGRAM_BOT_TOKEN to use the terminal chat");
}
