/**
 * `npm run ask -- "问题"`: one answer on stdout. `--json` prints the Response; `--jsonl` answers
 * `{"id": …, "q": …}` lines from stdin, one Response (with its id) per line, in order, nothing else.
 */
import { createInterface } from "node:readline";
import { Command } from "commander";
import { z } from "zod";
import { createEngine, type Engine } from "../engine/index.js";

const JsonlRequest = z.object({ id: z.unknown().optional(), q: z.string() });

async function answerLines(engine: Engine): Promise<void> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) {
    if (line.trim() === "") continue;
    let id: unknown = null;
    let question = "";
    try {
      const request = JsonlRequest.parse(JSON.parse(line));
      id = request.id ?? null;
      question = request.q;
    } catch {
      question = ""; // an unreadable line is answered as empty input, so the output keeps one line per input
    }
    const response = await engine.answer(question);
    process.stdout.write(`${JSON.stringify({ id, ...response })}\n`);
  }
}

const program = new Command()
  .name("ask")
  .description("Ask the policy documents a question (Chinese or English).")
  .argument("[question...]", "the question; quote it if it has spaces")
  .option("--json", "print the whole Response as JSON")
  .option("--jsonl", 'read {"id": …, "q": …} lines on stdin, write one Response per line')
  .action(async (words: string[], options: { json?: boolean; jsonl?: boolean }) => {
    const engine = await createEngine();
    if (options.jsonl) return answerLines(engine);
    const question = words.join(" ");
    if (question.trim() === "") {
      program.help({ error: true });
    }
    const response = await engine.answer(question);
    process.stdout.write(options.json ? `${JSON.stringify(response, null, 2)}\n` : `${response.answer}\n`);
  });

program.parseAsync().catch((error: unknown) => {
  process.stderr.write(`ask: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
