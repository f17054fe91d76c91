/**
 * `npm start`: the product. The Telegram bot when TELEGRAM_BOT_TOKEN is configured (.env or the
 * environment), else the terminal chat over the same engine.
 */
import { config } from "dotenv";
import { runChat } from "../channels/terminal.js";
import { createEngine } from "../engine/index.js";

config({ quiet: true });

async function main(): Promise<void> {
  const engine = await createEngine();
  if (process.env.TELEGRAM_BOT_TOKEN) {
    const { startBot } = await import("../channels/telegram/index.js");
    await startBot(engine);
    return;
  }
  await runChat(engine);
}

main().catch((error: unknown) => {
  process.stderr.write(`policy-bot: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
