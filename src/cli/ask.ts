/**
 * `npm run ask -- "问题"`: one answer on stdout. `--json` prints the Response; `--jsonl` answers
 * `{"id": …, "q": …, "session"?: …}` lines from stdin: exactly one Response (with its `id`) per
 * non-blank line, in order, and nothing else on stdout — other programs parse it. Lines sharing a
 * `session` are one conversation: each is read against the context of that session's last answer.
 */

import { once } from "node:events";
import { createInterface } from "node:readline";
import { Command } from "commander";
import { config } from "dotenv";
import { z } from "zod";
import {
  type Context,
  createEngine,
  type Engine,
  engineOptionsFromEnv,
  type Response,
} from "../engine/index.js";

// Deployment settings (DEFAULT_DOCUMENTS, CORPUS_DIRS, …) from .env as for `npm start`.
config({ quiet: true });

/** One input line of `--jsonl`. `id` is any JSON value, echoed; `session` names a conversation. */
const JsonlRequest = z.object({
  id: z.unknown().optional(),
  q: z.string(),
  session: z.string().nullable().optional(),
});

/** How many conversations `--jsonl` remembers at once; the least recently asked is forgotten first. */
const MAX_SESSIONS = 10_000;

/** A request line read: the question, or why the line is not one (answered as invalid input). */
type ParsedLine =
  | { ok: true; id: unknown; q: string; session: string | null }
  | { ok: false; id: unknown; problem: string };

/** Reads one line; never throws. The id is kept whenever the line is an object that has one. */
function parseLine(line: string): ParsedLine {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return { ok: false, id: null, problem: "not JSON" };
  }
  if (typeof json !== "object" || json === null || Array.isArray(json))
    return { ok: false, id: null, problem: "not a JSON object" };
  const id = "id" in json && json.id !== undefined ? json.id : null;
  const parsed = JsonlRequest.safeParse(json);
  if (!parsed.success) {
    const field = parsed.error.issues[0]?.path.join(".") || "line";
    const problem = field === "q" ? "is missing or not a string" : "is not a string";
    return { ok: false, id, problem: `"${field}" ${problem}` };
  }
  return { ok: true, id, q: parsed.data.q, session: parsed.data.session ?? null };
}

/** The conversations of one `--jsonl` run: each session's last context, at most {@link MAX_SESSIONS}. */
class Sessions {
  private readonly contexts = new Map<string, Context | null>();

  get(session: string): Context | null {
    return this.contexts.get(session) ?? null;
  }

  /** Makes the answer's context the session's; an answer without one keeps the previous (as the eval's sessions do). */
  update(session: string, response: Response): void {
    const context = response.context ?? this.get(session);
    this.contexts.delete(session);
    this.contexts.set(session, context);
    if (this.contexts.size > MAX_SESSIONS) {
      const oldest = this.contexts.keys().next().value as string;
      this.contexts.delete(oldest);
    }
  }
}

/** Writes one line, waiting when the reader is slower than we are. */
async function writeLine(text: string): Promise<void> {
  if (!process.stdout.write(`${text}\n`)) await once(process.stdout, "drain");
}

/** The `--jsonl` loop: one output line per non-blank input line, in order. */
async function answerLines(engine: Engine): Promise<void> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  const sessions = new Sessions();
  let lineNo = 0;
  let blank = 0;
  let invalid = 0;
  for await (const raw of lines) {
    lineNo++;
    const line = lineNo === 1 ? raw.replace(/^\uFEFF/, "") : raw;
    if (line.trim() === "") {
      blank++;
      continue;
    }
    const request = parseLine(line);
    let response: Response;
    try {
      if (request.ok) {
        const context = request.session === null ? null : sessions.get(request.session);
        response = await engine.answer(request.q, { context });
        if (request.session !== null) sessions.update(request.session, response);
      } else {
        invalid++;
        process.stderr.write(`ask: line ${lineNo}: ${request.problem}; answered as invalid input\n`);
        // The engine's own answer to no question: the real invalid_input Response, whatever the schema becomes.
        response = await engine.answer("");
      }
    } catch (error) {
      // The engine promises never to throw; if it does, that is a bug to report, not an answer to invent.
      throw new Error(`line ${lineNo}: ${error instanceof Error ? error.message : String(error)}`);
    }
    await writeLine(JSON.stringify({ id: request.id, ...response }));
  }
  if (blank > 0) process.stderr.write(`ask: ${blank} blank line${blank === 1 ? "" : "s"} skipped\n`);
  if (invalid > 0) process.stderr.write(`ask: ${invalid} invalid line${invalid === 1 ? "" : "s"}\n`);
}

/**
 * A reader that goes away (`| head -1`) is not an error: stop quietly with exit 0. Node ignores
 * SIGPIPE, so a closed pipe arrives as an EPIPE error on stdout; without a handler it would crash
 * with a stack trace.
 */
function exitQuietlyWhenStdoutCloses(): void {
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(0);
    process.stderr.write(`ask: cannot write the answer: ${error.message}\n`);
    process.exit(1);
  });
}

const program = new Command()
  .name("ask")
  .description("Ask the policy documents a question (Chinese or English).")
  .argument("[question...]", "the question; quote it if it has spaces")
  .option("--json", "print the whole Response as JSON")
  .option(
    "--jsonl",
    'read {"id": …, "q": …, "session"?: …} lines on stdin, write one Response (with its id) per line',
  )
  .action(async (words: string[], options: { json?: boolean; jsonl?: boolean }) => {
    const question = words.join(" ");
    if (!options.jsonl && question.trim() === "") {
      program.help({ error: true });
    }
    const engine = await createEngine(engineOptionsFromEnv());
    if (options.jsonl) return answerLines(engine);
    const response = await engine.answer(question);
    await writeLine(options.json ? JSON.stringify(response, null, 2) : response.answer);
  });

exitQuietlyWhenStdoutCloses();
program.parseAsync().catch((error: unknown) => {
  process.stderr.write(`ask: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
