/**
 * `npm run eval`: answers every gold question in process and prints accuracy per category and
 * metric. Exits non-zero when a metric falls below its bar. `--failures` lists what went wrong.
 */
import { Command } from "commander";
import { createEngine } from "../answer/index.js";
import {
  type CaseScore,
  loadGold,
  METRICS,
  type Metric,
  questionOf,
  scoreCase,
  tally,
} from "../eval/gold.js";

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
  .description("Score answer() on the gold set in eval/")
  .option("--dir <dir>", "folder of gold *.jsonl files", "eval")
  .option("--failures", "list every failed case")
  .option("--json <file>", "also write the figures as JSON to this file")
  .action(async (options: { dir: string; failures?: boolean; json?: string }) => {
    const engine = await createEngine();
    const cases = loadGold(options.dir);
    const scored: Array<{ category: string; score: CaseScore }> = [];
    const failures: string[] = [];
    for (const c of cases) {
      const r = await engine.answer(questionOf(c));
      const score = scoreCase(c, r);
      scored.push({ category: c.category, score });
      const failed = METRICS.filter((m) => score[m] === false);
      if (failed.length > 0) {
        failures.push(
          `${c.id} [${c.category}] ${c.q.slice(0, 60)} — failed ${failed.join(", ")}; got ${r.status} ${r.citations
            .slice(0, 5)
            .map((x) => x.id)
            .join(",")}${r.check ? ` check=${r.check.outcome}` : ""}; want ${JSON.stringify(c.expect)}`,
        );
      }
    }
    const categories = [...new Set(scored.map((s) => s.category))].sort();
    const rows = [...categories, "all"].map((cat) => {
      const t = tally(scored.filter((s) => cat === "all" || s.category === cat).map((s) => s.score));
      const n = cat === "all" ? scored.length : scored.filter((s) => s.category === cat).length;
      return { cat, n, t };
    });
    const header = `| category | n | ${METRICS.join(" | ")} |`;
    const lines = [header, `|${"---|".repeat(METRICS.length + 2)}`];
    for (const { cat, n, t } of rows) {
      lines.push(`| ${cat} | ${n} | ${METRICS.map((m) => pct(t[m].right, t[m].total)).join(" | ")} |`);
    }
    process.stdout.write(`${lines.join("\n")}\n`);
    if (options.failures && failures.length > 0)
      process.stdout.write(`\nFailures:\n${failures.join("\n")}\n`);
    const all = (rows.at(-1) as (typeof rows)[number]).t;
    const below = Object.entries(BARS).filter(([m, bar]) => {
      const { right, total } = all[m as Metric];
      return total > 0 && right / total < (bar as number);
    });
    if (options.json) {
      const { writeFileSync } = await import("node:fs");
      writeFileSync(options.json, JSON.stringify({ rows, failures }, null, 2));
    }
    if (below.length > 0) {
      process.stdout.write(
        `\nBelow the bar: ${below.map(([m, b]) => `${m} < ${pct(b as number, 1)}`).join(", ")}\n`,
      );
      process.exit(1);
    }
    process.stdout.write(`\nAll bars met (${BARS.first ? `first ≥ ${pct(BARS.first, 1)}` : ""}).\n`);
  });

program.parseAsync().catch((error: unknown) => {
  process.stderr.write(`eval: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
