/**
 * The terminal chat: the same `answer()` as the bot, one question per line.
 */
import { createInterface } from "node:readline/promises";
import type { Engine } from "../engine/index.js";

const HELP = `Ask about the Shangqiu air-quality plan in Chinese or English, e.g.
  六(五)
  城管局牵头哪些任务
  哪些任务要在2024年年底前完成
  我的蛋鸡场设计存栏20万羽，要纳入氨排放试点吗？
  What is the Public Security Bureau responsible for?
Commands: /help, /quit (or Ctrl-D).`;

/** Runs the chat on the given streams until end of input or /quit. */
export async function runChat(
  engine: Engine,
  input: NodeJS.ReadableStream = process.stdin,
  output: NodeJS.WritableStream = process.stdout,
): Promise<void> {
  const rl = createInterface({ input, output, terminal: Boolean((input as { isTTY?: boolean }).isTTY) });
  const plan = engine.plans[0];
  output.write(
    `policy-bot — ${plan?.meta.planTitle ?? "policy documents"} (${engine.plans.length} documents loaded)\n`,
  );
  output.write("Type a question, /help for examples, /quit to leave.\n");
  rl.setPrompt("> ");
  rl.prompt();
  for await (const line of rl) {
    const text = line.trim();
    if (text === "/quit" || text === "/exit") break;
    if (text === "/help") output.write(`${HELP}\n`);
    else if (text !== "") {
      try {
        const response = await engine.answer(text);
        output.write(`\n${response.answer}\n\n`);
      } catch (error) {
        output.write(`Sorry, that failed: ${error instanceof Error ? error.message : String(error)}\n`);
      }
    }
    rl.prompt();
  }
  rl.close();
}
