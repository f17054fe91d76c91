import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AnswerLog, buildReport, openAnswerLog, type Report } from "../src/channels/log/index.js";
import { createEngine, type Engine, type Response } from "../src/engine/index.js";

const run = promisify(execFile);
const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.UTC(2026, 10, 28, 9);
const dir = mkdtempSync(join(tmpdir(), "policy-bot-report-"));
const path = join(dir, "answers.sqlite");
let engine: Engine;
const answers = new Map<string, Response>();

/** Logs `question` from `user` on `channel`, `daysAgo` days before NOW; returns the answer's id. */
async function ask(
  log: AnswerLog,
  clock: { now: number },
  question: string,
  channel: string,
  user: string,
  daysAgo: number,
) {
  const response = answers.get(question) ?? (await engine.answer(question));
  answers.set(question, response);
  clock.now = NOW - daysAgo * DAY;
  return log.record({ channel, user, question, response, latencyMs: 2 }) ?? "";
}

beforeAll(async () => {
  engine = await createEngine({ cacheDir: join(dir, "cache"), now: () => new Date("2026-11-28T09:00:00") });
  const clock = { now: NOW };
  const log = openAnswerLog({ path, salt: "r".repeat(32), now: () => clock.now });
  for (let i = 0; i < 5; i++)
    await ask(log, clock, "六(五)", i % 2 ? "dingtalk" : "telegram", `u${i}`, 3 - i * 0.1);
  await ask(log, clock, "六（五）？", "web", "u9", 1); // the same question, written differently
  for (let i = 0; i < 3; i++) await ask(log, clock, "明天天气怎么样", "dingtalk", `u${i}`, 2);
  await ask(log, clock, "食堂几点开饭", "web", "u1", 40); // outside a 30-day period
  const bad = await ask(log, clock, "城管局牵头哪些任务", "dingtalk", "u1", 1);
  log.feedback(bad, "down", "u1");
  log.feedback(bad, "down", "u2");
  const good = await ask(log, clock, "哪些任务要在2024年年底前完成", "dingtalk", "u3", 0.5);
  log.feedback(good, "up", "u3");
  log.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function report(days: number): Report {
  const db = new Database(path, { readonly: true });
  try {
    return buildReport(db, { days, limit: 20, now: NOW });
  } finally {
    db.close();
  }
}

describe("buildReport", () => {
  it("lists the most asked questions with counts, channels and last seen, grouping their spellings", () => {
    const r = report(30);
    expect(r.totals).toMatchObject({ answers: 11, notCovered: 3, up: 1, down: 2 });
    expect(r.totals.byChannel).toEqual({ dingtalk: 7, telegram: 3, web: 1 });
    const [first] = r.mostAsked;
    expect(first).toMatchObject({
      question: "六（五）？",
      count: 6,
      channels: ["dingtalk", "telegram", "web"],
      kind: "item",
    });
    expect(first?.lastSeen).toBe(new Date(NOW - DAY).toISOString());
    expect(first?.cited[0]).toBe("shangqiu-air-quality-2024#6.5");
  });

  it("lists the not-covered questions and the 👎 ones", () => {
    const r = report(30);
    expect(r.notCovered.map((x) => [x.question, x.count])).toEqual([["明天天气怎么样", 3]]);
    expect(r.downvoted.map((x) => [x.question, x.down, x.up])).toEqual([["城管局牵头哪些任务", 2, 0]]);
  });

  it("covers only the period asked", () => {
    expect(report(30).mostAsked.some((x) => x.question === "食堂几点开饭")).toBe(false);
    expect(report(60).mostAsked.map((x) => x.question)).toContain("食堂几点开饭");
    expect(report(60).totals.answers).toBe(12);
    expect(report(1).totals.answers).toBe(3);
  });
});

describe("npm run report", () => {
  const cli = (args: string[]) =>
    run(process.execPath, ["--import", "tsx", "src/cli/report.ts", "--log", path, ...args], {
      encoding: "utf8",
    });

  it("prints the three lists as a table", async () => {
    const { stdout } = await cli(["--days", "30"]);
    expect(stdout).toContain("Most asked");
    expect(stdout).toContain("Not covered");
    expect(stdout).toMatch(/👎\n/);
    expect(stdout).toMatch(/1\s+6\s+六（五）？\s+dingtalk,telegram,web/);
    expect(stdout).toMatch(/明天天气怎么样\s+dingtalk/);
  });

  it("prints JSON with --json", async () => {
    const { stdout } = await cli(["--days", "60", "--json"]);
    const r = JSON.parse(stdout) as Report;
    expect(r.days).toBe(60);
    expect(r.downvoted[0]?.question).toBe("城管局牵头哪些任务");
  });

  it("says so when there is no log", async () => {
    await expect(
      run(process.execPath, ["--import", "tsx", "src/cli/report.ts", "--log", join(dir, "none.sqlite")]),
    ).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining("no answer log") });
  });
});

describe("report speed", () => {
  it("builds the report over 10,000 answers in well under a second", async () => {
    const big = join(dir, "big.sqlite");
    const clock = { now: NOW };
    const log = openAnswerLog({ path: big, salt: "b".repeat(32), now: () => clock.now });
    const questions = ["六(五)", "明天天气怎么样", "城管局牵头哪些任务", "哪些任务要在2024年年底前完成"];
    const responses = await Promise.all(questions.map((q) => engine.answer(q)));
    const db = new Database(big);
    db.transaction(() => {
      for (let i = 0; i < 10_000; i++) {
        clock.now = NOW - (i % 30) * DAY - i;
        const k = i % questions.length;
        const id = log.record({
          channel: ["dingtalk", "telegram", "web"][i % 3] ?? "web",
          user: `u${i % 400}`,
          question: `${questions[k]}${i % 700}`,
          response: responses[k] as Response,
          latencyMs: (i % 17) + 0.5,
        });
        if (id && i % 9 === 0) log.feedback(id, i % 2 ? "down" : "up", `u${i % 400}`);
      }
    })();
    db.close();
    log.close();
    const reader = new Database(big, { readonly: true });
    buildReport(reader, { days: 30, limit: 20, now: NOW }); // warm the page cache
    const started = performance.now();
    const r = buildReport(reader, { days: 30, limit: 20, now: NOW });
    const ms = performance.now() - started;
    reader.close();
    process.stdout.write(`report over ${r.totals.answers} answers: ${ms.toFixed(1)} ms\n`);
    expect(r.totals.answers).toBe(10_000);
    expect(ms).toBeLessThan(1000);
  });
});
