/**
 * `npm run ingest -- <file> [--slug <id>] [--out <dir>] [--force] [--dry-run] [--json]`: brings a
 * .txt, .html/.htm (UTF-8 or GBK), .docx or text .pdf into the corpus as `<out>/<slug>.txt` and
 * prints a report. Exit 0 ok; 1 the file could not be read or converted, or the corpus file exists
 * without --force; 2 it converted but does not parse as a plan. Nothing is written unless it parses.
 */
import { resolve } from "node:path";
import { Command, InvalidArgumentError } from "commander";
import { exitCodeOf, formatReport, type IngestOutcome, ingestFile, isSlug } from "../ingest/index.js";

/** A progress line on stderr that rewrites itself, only when stderr is a terminal. */
function progressLine(): { update: (message: string) => void; clear: () => void } {
  const tty = process.stderr.isTTY === true;
  let shown = false;
  return {
    update(message) {
      if (!tty) return;
      process.stderr.write(`\r\x1b[K${message}…`);
      shown = true;
    },
    clear() {
      if (shown) process.stderr.write("\r\x1b[K");
      shown = false;
    },
  };
}

function printOutcome(outcome: IngestOutcome, json: boolean): void {
  if (json) {
    process.stdout.write(`${JSON.stringify(outcome, null, 2)}\n`);
  } else if (outcome.status === "ok" || outcome.status === "exists") {
    process.stdout.write(formatReport(outcome.report));
  } else if (outcome.status === "not-a-plan") {
    const c = outcome.conversion;
    const lines = [
      `${outcome.file} → not written (${c.format}, ${c.paragraphs} paragraphs, ${c.characters} characters)`,
    ];
    for (const note of c.notes) lines.push(`  note: ${note}`);
    for (const w of outcome.warnings) lines.push(`  ! ${w.code}: ${w.message}`);
    process.stdout.write(`${lines.join("\n")}\n`);
  }
  if (outcome.status !== "ok") process.stderr.write(`ingest: ${outcome.message}\n`);
}

const program = new Command()
  .name("ingest")
  .description(
    "Add a policy document (.txt, .html, .docx, text .pdf) to the corpus and report what was parsed.",
  )
  .argument("<file>", "the document")
  .option(
    "--slug <id>",
    "corpus id (lowercase ASCII, digits, hyphens); default: from the file name",
    (value) => {
      if (!isSlug(value)) throw new InvalidArgumentError("use lowercase ASCII letters, digits and hyphens");
      return value;
    },
  )
  .option("--out <dir>", "corpus folder (default: the project's corpus/)")
  .option("--force", "replace an existing corpus file")
  .option("--dry-run", "convert, parse and report; write nothing")
  .option("--json", "print the outcome as JSON")
  .action(
    async (
      file: string,
      options: { slug?: string; out?: string; force?: boolean; dryRun?: boolean; json?: boolean },
    ) => {
      const progress = progressLine();
      // `npm run` moves to the project root; paths are meant from where the user typed them.
      const from = process.env.INIT_CWD ?? process.cwd();
      const outcome = await ingestFile(resolve(from, file), {
        slug: options.slug,
        outDir: options.out === undefined ? undefined : resolve(from, options.out),
        force: options.force === true,
        dryRun: options.dryRun === true,
        onProgress: progress.update,
      });
      progress.clear();
      printOutcome(outcome, options.json === true);
      process.exitCode = exitCodeOf(outcome);
    },
  );

program.parseAsync().catch((error: unknown) => {
  process.stderr.write(`ingest: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}\n`);
  process.exitCode = 1;
});
