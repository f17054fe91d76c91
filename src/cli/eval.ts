/**
 * `npm run eval`: answers every question of an evaluation set in process (conversations in order)
 * and prints accuracy per category and metric, and the not-covered decision as false refusals and
 * false answers. Exits non-zero when a metric falls below its bar. `--failures` lists what went wrong.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { Command } from "commander";
import { projectRoot } from "../corpus/index.js";
import { createEngine } from "../engine/index.js";
import { loadEvalSet, METRICS, type Metric, refusals, runSet, tally } from "../eval/index.js";

/** The bars: first citation over answerable questions, everything else exact. */
export const BARS: Readonly<Partial<Record<Metric, number>>> = {
  first: 0.95,
  roles: 1,
  dates: 1,
  not_covered: 1,
  check: 1,
};

const pct = (right: number, total: number) => (total === 0 ? "—" : `${((100 * right) / total).toFixed(1)}%`);

const program = new Command()
  .name("eval")
  .description("Score answer() on an evaluation set (default: the gold set in eval/)")
  .option("--dir <dir>", "folder of *.jsonl files (and an optional set.json)", "eval")
  .option("--failures", "list every failed case")
  .option("--no-bars", "report only; do not fail below the bars")
  .option("--json <file>", "also write the figures as JSON to this file")
  .option(
    "--with <dir>",
    "load the documents of another folder beside corpus/ (repeatable): answers must not suffer",
    (dir: string, all: string[]) => [...all, dir],
    [] as string[],
  )
  .option(
    "--home <doc>",
    "a default document for questions that name none (repeatable)",
    (doc: string, all: string[]) => [...all, doc],
    [] as string[],
  )
  .action(
    async (options: {
      dir: string;
      failures?: boolean;
      bars: boolean;
      json?: string;
      with: string[];
      home: string[];
    }) => {
      const set = loadEvalSet(options.dir);
      const root = projectRoot();
      const extra = [
        ...set.defaults.corpus.map((d) => join(root, d)),
        ...options.with.map((d) => join(root, d)),
      ];
      const engine = await createEngine({ extraCorpusDirs: extra, home: options.home });
      const scored = await runSet(engine, set);
      const failures = scored
        .filter(({ score }) => METRICS.some((m) => score[m] === false))
        .map(({ c, r, score }) => {
          const failed = METRICS.filter((m) => score[m] === false);
          const got = r.citations
            .slice(0, 5)
            .map((x) => `${x.doc === (c.expect.doc ?? set.defaults.doc) ? "" : `${x.doc}#`}${x.id}`)
            .join(",");
          const check = r.payload.kind === "check" ? ` check=${r.payload.outcome}` : "";
          return `${c.id} [${c.category}] ${c.q.slice(0, 60)} — failed ${failed.join(", ")}; got ${r.status}/${r.kind} ${got}${check}; want ${JSON.stringify(c.expect)}`;
        });
      const categories = [...new Set(scored.map((s) => s.c.category))].sort();
      const rows = [...categories, "all"].map((cat) => {
        const inCat = scored.filter((s) => cat === "all" || s.c.category === cat);
        return { cat, n: inCat.length, t: tally(inCat.map((s) => s.score)) };
      });
      const used = METRICS.filter((m) => rows.some((r) => r.t[m].total > 0));
      const lines = [`| category | n | ${used.join(" | ")} |`, `|${"---|".repeat(used.length + 2)}`];
      for (const { cat, n, t } of rows)
        lines.push(`| ${cat} | ${n} | ${used.map((m) => pct(t[m].right, t[m].total)).join(" | ")} |`);
      const rf = refusals(scored);
      lines.push(
        "",
        `Not covered: precision ${pct(rf.precision, 1)}, recall ${pct(rf.recall, 1)} — ${rf.falseRefusals} of ${rf.answerable} answerable questions refused, ${rf.falseAnswers} of ${rf.offTopic} off-topic questions answered.`,
      );
      if (engine.warnings.length > 0)
        lines.push(`Documents not loaded: ${engine.warnings.map((w) => w.file).join(", ")}`);
      process.stdout.write(`${lines.join("\n")}\n`);
      if (options.failures && failures.length > 0)
        process.stdout.write(`\nFailures:\n${failures.join("\n")}\n`);
      const all = (rows.at(-1) as (typeof rows)[number]).t;
      if (options.json)
        writeFileSync(options.json, JSON.stringify({ rows, refusals: rf, failures }, null, 2));
      const below = Object.entries(BARS).filter(([m, bar]) => {
        const { right, total } = all[m as Metric];
        return total > 0 && right / total < (bar as number);
      });
      if (below.length > 0) {
        process.stdout.write(
          `\nBelow the bar: ${below.map(([m, b]) => `${m} < ${pct(b as number, 1)}`).join(", ")}\n`,
        );
        if (options.bars) process.exit(1);
        return;
      }
      process.stdout.write(`\nAll bars met (first ≥ ${pct(BARS.first ?? 0, 1)}).\n`);
    },
  );

program.parseAsync().catch((error: unknown) => {
  process.stderr.write(`eval: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
