/**
 * The terminal chat: the same engine as every other channel, one question per line, follow-ups
 * understood (the last answer's context is kept for the next question; /new forgets it).
 */
import { createInterface } from "node:readline/promises";
import type { Context, Engine } from "../engine/index.js";
import { exampleQuestions } from "../render/index.js";

function help(engine: Engine): string {
  const docs = engine.documents().map((d) => `  - ${d.name}`);
  return [
    "Ask about these documents in Chinese or English:",
    ...docs,
    "For example:",
    ...[...exampleQuestions("zh").slice(0, 4), ...exampleQuestions("en").slice(1, 3)].map((q) => `  ${q}`),
    "Follow-ups work (谁牵头？ 几时到期？ and for broilers?). Commands: /new (a new conversation), /help, /quit (or Ctrl-D).",
  ].join("\n");
}

/** Runs the chat on the given streams until end of input or /quit. */
export async function runChat(
  engine: Engine,
  input: NodeJS.ReadableStream = process.stdin,
  output: NodeJS.WritableStream = process.stdout,
): Promise<void> {
  const rl = createInterface({ input, output, terminal: Boolean((input as { isTTY?: boolean }).isTTY) });
  output.write(`policy-bot — ${engine.plans.length} documents loaded\n`);
  for (const w of engine.warnings) output.write(`(not loaded: ${w.file} — ${w.reason})\n`);
  output.write("Type a question, /help for examples, /quit to leave.\n");
  let context: Context | null = null;
  rl.setPrompt("> ");
  rl.prompt();
  for await (const line of rl) {
    const text = line.trim();
    if (text === "/quit" || text === "/exit") break;
    if (text === "/help") output.write(`${help(engine)}\n`);
    else if (text === "/new") {
      context = null;
      output.write("(new conversation)\n");
    } else if (text !== "") {
      try {
        const response = await engine.answer(text, { context });
        context = response.context ?? context;
        output.write(`\n${response.answer}\n\n`);
      } catch (error) {
        output.write(`Sorry, that failed: ${error instanceof Error ? error.message : String(error)}\n`);
      }
    }
    rl.prompt();
  }
  rl.close();
}
