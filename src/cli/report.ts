/**
 * `npm run report`: the list a maintainer works from — the most asked questions, the not-covered ones
 * and the 👎 ones over a period, from the answer log. A table by default, `--json` for programs.
 *
 *   npm run report -- [--days 30] [--limit 20] [--json] [--log .data/answers.sqlite]
 */
import { existsSync } from "node:fs";
import Database from "better-sqlite3";
import { Command, InvalidArgumentError } from "commander";
import { config } from "dotenv";
import { answerLogPath, buildReport, type Report, type ReportRow } from "../channels/log/index.js";

config({ quiet: true });

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError("must be a positive whole number");
  return n;
}

/** Terminal cells a string takes: CJK and full-width characters (and emoji) take two. */
function cells(s: string): number {
  let n = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    n +=
      (cp >= 0x1100 && cp <= 0x115f) ||
      (cp >= 0x2e80 && cp <= 0xa4cf) ||
      (cp >= 0xac00 && cp <= 0xd7a3) ||
      (cp >= 0xf900 && cp <= 0xfaff) ||
      (cp >= 0xfe30 && cp <= 0xfe4f) ||
      (cp >= 0xff00 && cp <= 0xff60) ||
      (cp >= 0xffe0 && cp <= 0xffe6) ||
      cp >= 0x1f300
        ? 2
        : 1;
  }
  return n;
}

function truncateCells(s: string, width: number): string {
  if (cells(s) <= width) return s;
  let out = "";
  for (const ch of s) {
    if (cells(out + ch) > width - 1) break;
    out += ch;
  }
  return `${out}…`;
}

function pad(s: string, width: number): string {
  const f = truncateCells(s, width);
  return f + " ".repeat(Math.max(0, width - cells(f)));
}

function table(title: string, rows: readonly ReportRow[], empty: string): string {
  const head = [
    "  #",
    "count",
    "question".padEnd(42),
    "channels".padEnd(24),
    "last seen (UTC)".padEnd(16),
    "kind".padEnd(18),
    "👍/👎",
  ];
  const lines = [title, head.join("  ")];
  if (rows.length === 0) lines.push(`  ${empty}`);
  for (const [i, r] of rows.entries()) {
    lines.push(
      [
        String(i + 1).padStart(3),
        String(r.count).padStart(5),
        pad(r.question.replace(/\s+/g, " "), 42),
        pad(r.channels.join(","), 24),
        r.lastSeen.slice(0, 16).replace("T", " "),
        pad(r.status === "answered" ? r.kind : r.status, 18),
        `${r.up}/${r.down}`,
      ].join("  "),
    );
  }
  return lines.join("\n");
}

function text(report: Report, path: string): string {
  const t = report.totals;
  const channels = Object.entries(t.byChannel)
    .map(([c, n]) => `${c} ${n}`)
    .join(", ");
  const latency = t.latencyMs ? `latency p50 ${t.latencyMs.p50} ms, p95 ${t.latencyMs.p95} ms` : "";
  return [
    `Answer log ${path}`,
    `Last ${report.days} days (${report.from.slice(0, 10)} – ${report.to.slice(0, 10)}): ${t.answers} answers, ${t.users} users, ${t.notCovered} not covered, 👍 ${t.up} 👎 ${t.down}${channels ? `; ${channels}` : ""}${latency ? `; ${latency}` : ""}`,
    "",
    table("Most asked", report.mostAsked, "no answers in this period"),
    "",
    table("Not covered", report.notCovered, "none"),
    "",
    table("👎", report.downvoted, "none"),
    "",
  ].join("\n");
}

const program = new Command()
  .name("report")
  .description("The most asked, not-covered and 👎 questions from the answer log")
  .option("--days <n>", "the period: the last n days", positiveInt, 30)
  .option("--limit <n>", "rows per list", positiveInt, 20)
  .option("--json", "print the report as JSON")
  .option("--log <path>", "the answer log (default: ANSWER_LOG, else .data/answers.sqlite)")
  .action((opts: { days: number; limit: number; json?: boolean; log?: string }) => {
    const path = answerLogPath(opts.log ? { path: opts.log } : {});
    if (path === null) {
      process.stderr.write("report: the answer log is off (ANSWER_LOG=off); pass --log <file>\n");
      process.exit(2);
    }
    if (!existsSync(path)) {
      process.stderr.write(`report: no answer log at ${path}\n`);
      process.exit(1);
    }
    let db: Database.Database;
    try {
      db = new Database(path, { readonly: true, fileMustExist: true });
    } catch (error) {
      process.stderr.write(`report: cannot open ${path}: ${(error as Error).message}\n`);
      process.exit(1);
    }
    try {
      const report = buildReport(db, { days: opts.days, limit: opts.limit });
      process.stdout.write(opts.json ? `${JSON.stringify(report, null, 2)}\n` : text(report, path));
    } catch (error) {
      process.stderr.write(`report: ${path} is not a readable answer log: ${(error as Error).message}\n`);
      process.exit(1);
    } finally {
      db.close();
    }
  });

program.parse();
