import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  APPLICATION_ID,
  hashUser,
  noAnswerLog,
  openAnswerLog,
  questionKey,
  SCHEMA_VERSION,
  SqliteAnswerLog,
  saltFileFor,
} from "../src/channels/log/index.js";
import { createEngine, type Engine, type Response } from "../src/engine/index.js";

let engine: Engine;
let item: Response;
let notCovered: Response;
const dir = mkdtempSync(join(tmpdir(), "policy-bot-log-"));
beforeAll(async () => {
  engine = await createEngine({ cacheDir: join(dir, "cache"), now: () => new Date("2026-11-28T09:00:00") });
  item = await engine.answer("六(五)");
  notCovered = await engine.answer("明天天气怎么样");
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const DAY = 24 * 60 * 60 * 1000;
let n = 0;
/** A fresh database path in the test folder. */
const fresh = () => join(dir, `log-${++n}`, "answers.sqlite");

function rows(path: string, sql: string): unknown[] {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare(sql).all();
  } finally {
    db.close();
  }
}

describe("the SQLite answer log", () => {
  it("records time, channel, question, kind, cited doc#ids, latency — and the user only as a salted hash", () => {
    const path = fresh();
    const log = openAnswerLog({ path, salt: "s".repeat(32), now: () => 1_800_000_000_000 });
    expect(log).toBeInstanceOf(SqliteAnswerLog);
    const id = log.record({
      channel: "dingtalk",
      user: "staff-42",
      question: "六(五)",
      response: item,
      latencyMs: 1.234,
    });
    expect(id).toMatch(/^[\w-]{12}$/);
    log.close();
    const [row] = rows(path, "SELECT * FROM answers") as Array<Record<string, unknown>>;
    expect(row).toEqual({
      id,
      at: 1_800_000_000_000,
      channel: "dingtalk",
      user_hash: hashUser("s".repeat(32), "dingtalk", "staff-42"),
      question: "六(五)",
      question_key: "六(五)",
      status: "answered",
      kind: "item",
      lang: "zh",
      cited: JSON.stringify(item.citations.map((c) => `${c.doc}#${c.id}`)),
      latency_ms: 1.23,
    });
    expect(String(row?.user_hash)).not.toContain("staff-42");
    expect(readFileSync(path).includes("staff-42")).toBe(false);
  });

  it("records votes; a later vote by the same user replaces theirs; unknown answers are refused", () => {
    const path = fresh();
    const log = openAnswerLog({ path, salt: "x".repeat(32) });
    const id =
      log.record({ channel: "dingtalk", user: "u1", question: "q", response: item, latencyMs: 1 }) ?? "";
    expect(log.feedback(id, "up", "u1")).toBe(true);
    expect(log.feedback(id, "down", "u1")).toBe(true);
    expect(log.feedback(id, "up", "u2")).toBe(true);
    expect(log.feedback("no-such-answer", "down", "u1")).toBe(false);
    log.close();
    expect(rows(path, "SELECT vote FROM feedback ORDER BY vote")).toEqual([{ vote: "down" }, { vote: "up" }]);
  });

  it("keeps a generated salt in a file beside the database, so hashes survive a restart; ANSWER_LOG_SALT wins", () => {
    const path = fresh();
    const a = openAnswerLog({ path, env: {} });
    a.record({ channel: "web", user: "u", question: "q", response: item, latencyMs: 1 });
    a.close();
    const salt = readFileSync(saltFileFor(path), "utf8").trim();
    expect(salt).toMatch(/^[0-9a-f]{64}$/);
    const b = openAnswerLog({ path, env: {} });
    b.record({ channel: "web", user: "u", question: "q", response: item, latencyMs: 1 });
    b.close();
    const c = openAnswerLog({ path, env: { ANSWER_LOG_SALT: "from-the-environment-0123456789" } });
    c.record({ channel: "web", user: "u", question: "q", response: item, latencyMs: 1 });
    c.close();
    const hashes = (
      rows(path, "SELECT user_hash FROM answers ORDER BY rowid") as Array<{ user_hash: string }>
    ).map((r) => r.user_hash);
    expect(hashes[0]).toBe(hashes[1]);
    expect(hashes[0]).toBe(hashUser(salt, "web", "u"));
    expect(hashes[2]).not.toBe(hashes[0]);
  });

  it("deletes answers (and their votes) older than the retention on open and then daily", () => {
    const path = fresh();
    let now = Date.UTC(2026, 0, 1);
    const open = () => openAnswerLog({ path, salt: "r".repeat(32), retentionDays: 10, now: () => now });
    const log = open();
    const old = log.record({ channel: "t", user: "u", question: "old", response: item, latencyMs: 1 }) ?? "";
    log.feedback(old, "down", "u");
    now += 9 * DAY;
    log.record({ channel: "t", user: "u", question: "newer", response: item, latencyMs: 1 });
    now += 2 * DAY; // the first is now 11 days old; the next write is a day after the last purge
    log.record({ channel: "t", user: "u", question: "newest", response: item, latencyMs: 1 });
    log.close();
    expect(rows(path, "SELECT question FROM answers ORDER BY at")).toEqual([
      { question: "newer" },
      { question: "newest" },
    ]);
    expect(rows(path, "SELECT * FROM feedback")).toEqual([]);
    now += 10 * DAY;
    open().close(); // on open
    expect(rows(path, "SELECT question FROM answers")).toEqual([{ question: "newest" }]);
  });

  it("reads ANSWER_LOG and ANSWER_LOG_RETENTION_DAYS; ANSWER_LOG=off records nothing", () => {
    expect(openAnswerLog({ env: { ANSWER_LOG: "off" } })).toBe(noAnswerLog);
    expect(
      noAnswerLog.record({ channel: "t", user: null, question: "q", response: item, latencyMs: 1 }),
    ).toBeNull();
    const path = fresh();
    const warnings: string[] = [];
    const log = openAnswerLog({
      env: { ANSWER_LOG: path, ANSWER_LOG_RETENTION_DAYS: "soon" },
      onWarning: (m) => warnings.push(m),
    });
    expect(log).toBeInstanceOf(SqliteAnswerLog);
    log.close();
    expect(existsSync(path)).toBe(true);
    expect(warnings).toEqual([expect.stringContaining("ANSWER_LOG_RETENTION_DAYS=soon")]);
  });

  it("uses WAL, marks the file as this log and records the schema version", () => {
    const path = fresh();
    openAnswerLog({ path, salt: "w".repeat(32) }).close();
    const db = new Database(path, { readonly: true });
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(db.pragma("application_id", { simple: true })).toBe(APPLICATION_ID);
    expect(db.pragma("user_version", { simple: true })).toBe(SCHEMA_VERSION);
    db.close();
  });

  it("groups questions that differ only in width, case, spaces or final punctuation", () => {
    expect(questionKey("六（五） ？")).toBe(questionKey("六(五)"));
    expect(questionKey("What is PM2.5?")).toBe("whatispm2.5");
  });
});

describe("opening a damaged or foreign file", () => {
  function opens(setup: (path: string) => void) {
    const path = fresh();
    openAnswerLog({ path, salt: "d".repeat(32) }).close(); // creates the folder
    rmSync(path);
    for (const s of ["-wal", "-shm"]) rmSync(path + s, { force: true });
    setup(path);
    const warnings: string[] = [];
    const log = openAnswerLog({ path, salt: "d".repeat(32), onWarning: (m) => warnings.push(m) });
    const id = log.record({ channel: "t", user: "u", question: "q", response: notCovered, latencyMs: 1 });
    log.close();
    const aside = readdirSync(join(path, "..")).filter(
      (f) => f.startsWith("answers.sqlite.broken-") && !/-(wal|shm)$/.test(f),
    );
    return { path, warnings, id, aside };
  }

  it("moves a file that is not SQLite at all aside, with a warning, and starts a new log", () => {
    const r = opens((p) => writeFileSync(p, "this is not a database, just text ".repeat(200)));
    expect(r.id).not.toBeNull();
    expect(r.aside).toHaveLength(1);
    expect(r.warnings).toEqual([expect.stringMatching(/moved aside to .*broken-/)]);
  });

  it("moves another application's SQLite database aside", () => {
    const r = opens((p) => {
      const db = new Database(p);
      db.exec("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)");
      db.close();
    });
    expect(r.warnings[0]).toContain("not an answer log");
    expect(r.aside).toHaveLength(1);
  });

  it("moves a log of another schema version aside", () => {
    const r = opens((p) => {
      const db = new Database(p);
      db.exec("CREATE TABLE answers (id TEXT)");
      db.pragma(`application_id = ${APPLICATION_ID}`);
      db.pragma("user_version = 99");
      db.close();
    });
    expect(r.warnings[0]).toContain("schema version 99");
  });

  it("moves a log whose pages are damaged aside", () => {
    const r = opens((p) => {
      openAnswerLog({ path: p, salt: "d".repeat(32) }).close();
      const db = new Database(p);
      db.pragma("journal_mode = DELETE"); // fold the WAL into the file
      db.close();
      const bytes = readFileSync(p);
      bytes.fill(0xa5, 4096 + 16, bytes.length); // every page after the first is garbage
      writeFileSync(p, bytes);
    });
    expect(r.id).not.toBeNull();
    expect(r.warnings).toHaveLength(1);
  });

  it("switches logging off with a warning, never throws, when no file can be made there", () => {
    const blocker = join(dir, "a-file");
    writeFileSync(blocker, "");
    const warnings: string[] = [];
    const log = openAnswerLog({ path: join(blocker, "answers.sqlite"), onWarning: (m) => warnings.push(m) });
    expect(log).toBe(noAnswerLog);
    expect(warnings[0]).toContain("answers are not logged");
  });
});

describe("throughput", () => {
  it("writes thousands of answers a second with synchronous writes (WAL)", () => {
    const path = fresh();
    const log = openAnswerLog({ path, salt: "t".repeat(32) });
    const count = 3000;
    const started = performance.now();
    for (let i = 0; i < count; i++)
      log.record({
        channel: "bench",
        user: `u${i % 50}`,
        question: `问题${i % 300}`,
        response: item,
        latencyMs: 1,
      });
    const seconds = (performance.now() - started) / 1000;
    log.close();
    const perSecond = Math.round(count / seconds);
    process.stdout.write(
      `answer log: ${perSecond} inserts/s (${count} in ${(seconds * 1000).toFixed(0)} ms)\n`,
    );
    expect(perSecond).toBeGreaterThan(500);
  });
});
