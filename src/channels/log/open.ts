/**
 * Opening the answer log from the environment: where the file is (ANSWER_LOG, default
 * .data/answers.sqlite; "off" switches logging off), the salt (ANSWER_LOG_SALT or a file beside the
 * database) and the retention (ANSWER_LOG_RETENTION_DAYS, default 180). The file is verified first —
 * a quick integrity check, this log's application id and schema version, its tables — and a damaged or
 * foreign file is moved aside with a warning and a fresh one created. Opening never throws: at worst
 * logging is off, with a warning.
 */
import { existsSync, mkdirSync, renameSync } from "node:fs";
import { dirname, isAbsolute, join, resolve } from "node:path";
import Database from "better-sqlite3";
import { projectRoot } from "../../corpus/index.js";
import { type AnswerLog, noAnswerLog } from "./index.js";
import { loadSalt } from "./salt.js";
import { APPLICATION_ID, CREATE_SCHEMA, EXPECTED_COLUMNS, SCHEMA_VERSION } from "./schema.js";
import { SqliteAnswerLog } from "./sqlite.js";

/** Days answers are kept unless ANSWER_LOG_RETENTION_DAYS says otherwise. */
export const DEFAULT_RETENTION_DAYS = 180;

/** Options for {@link openAnswerLog}; each defaults to its environment variable. */
export interface AnswerLogOptions {
  /** The database file, or "off". Default: ANSWER_LOG, else .data/answers.sqlite under the project root. */
  path?: string;
  /** Default: ANSWER_LOG_SALT, else the salt file beside the database. */
  salt?: string;
  /** Default: ANSWER_LOG_RETENTION_DAYS, else 180. */
  retentionDays?: number;
  /** The clock (epoch ms). */
  now?: () => number;
  /** Told about a file moved aside or logging switched off (default: a line on stderr). */
  onWarning?: (message: string) => void;
  /** Where the variables are read (default process.env). */
  env?: Record<string, string | undefined>;
}

/** The database path the options and environment give, or null when logging is off. */
export function answerLogPath(options: Pick<AnswerLogOptions, "path" | "env"> = {}): string | null {
  const env = options.env ?? process.env;
  const raw = (options.path ?? env.ANSWER_LOG ?? "").trim();
  if (raw.toLowerCase() === "off") return null;
  if (raw === "") return join(projectRoot(), ".data", "answers.sqlite");
  return isAbsolute(raw) ? raw : resolve(raw);
}

function retentionFrom(options: AnswerLogOptions, warn: (m: string) => void): number {
  if (options.retentionDays !== undefined) return options.retentionDays;
  const raw = (options.env ?? process.env).ANSWER_LOG_RETENTION_DAYS;
  if (raw === undefined || raw.trim() === "") return DEFAULT_RETENTION_DAYS;
  const days = Number(raw);
  if (Number.isInteger(days) && days > 0) return days;
  warn(`ANSWER_LOG_RETENTION_DAYS=${raw} is not a whole number of days; keeping ${DEFAULT_RETENTION_DAYS}`);
  return DEFAULT_RETENTION_DAYS;
}

/** Why an existing file is not a usable log of this version, or null when it is. */
function verify(db: Database.Database): string | null {
  const check = db.pragma("quick_check", { simple: true });
  if (check !== "ok") return `integrity check failed (${String(check)})`;
  const appId = db.pragma("application_id", { simple: true }) as number;
  const version = db.pragma("user_version", { simple: true }) as number;
  const tables = db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .all() as Array<{ name: string }>;
  if (appId === 0 && version === 0 && tables.length === 0) return null; // an empty file: created below
  if (appId !== APPLICATION_ID) return "not an answer log (another application's database)";
  if (version !== SCHEMA_VERSION) return `schema version ${version}, this release reads ${SCHEMA_VERSION}`;
  for (const [table, columns] of Object.entries(EXPECTED_COLUMNS)) {
    const have = new Set(
      (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as Array<{ name: string }>).map(
        (c) => c.name,
      ),
    );
    const missing = columns.filter((c) => !have.has(c));
    if (missing.length > 0) return `table ${table} lacks ${missing.join(", ")}`;
  }
  return null;
}

/** Opens (creating when new) and prepares a database; throws when the file is unusable. */
function openVerified(path: string): { db: Database.Database; problem: string | null } {
  const db = new Database(path);
  try {
    const problem = verify(db);
    if (problem) {
      db.close();
      return { db, problem };
    }
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = NORMAL");
    db.pragma("foreign_keys = ON");
    db.pragma("busy_timeout = 2000");
    if ((db.pragma("user_version", { simple: true }) as number) === 0) {
      db.transaction(() => {
        db.exec(CREATE_SCHEMA);
        db.pragma(`application_id = ${APPLICATION_ID}`);
        db.pragma(`user_version = ${SCHEMA_VERSION}`);
      })();
    }
    return { db, problem: null };
  } catch (error) {
    if (db.open) db.close();
    throw error;
  }
}

/** Moves a file (and its WAL and shared-memory files) aside; returns the new name. */
function moveAside(path: string, now: number): string {
  const stamp = new Date(now).toISOString().replace(/[:.]/g, "-");
  const aside = `${path}.broken-${stamp}`;
  for (const suffix of ["", "-wal", "-shm"]) {
    if (existsSync(path + suffix)) renameSync(path + suffix, aside + suffix);
  }
  return aside;
}

/**
 * The answer log the options and environment describe: a verified SQLite log, or {@link noAnswerLog}
 * when logging is off or no file can be opened at all.
 */
export function openAnswerLog(options: AnswerLogOptions = {}): AnswerLog {
  const warn = options.onWarning ?? ((m: string) => process.stderr.write(`answer log: ${m}\n`));
  const now = options.now ?? Date.now;
  const path = answerLogPath(options);
  if (path === null) return noAnswerLog;
  const retentionDays = retentionFrom(options, warn);
  try {
    mkdirSync(dirname(path), { recursive: true });
    const salt = loadSalt(path, options.salt ?? (options.env ?? process.env).ANSWER_LOG_SALT);
    let opened: ReturnType<typeof openVerified>;
    try {
      opened = openVerified(path);
    } catch (error) {
      opened = { db: null as unknown as Database.Database, problem: errorText(error) };
    }
    if (opened.problem) {
      const aside = moveAside(path, now());
      warn(`${path}: ${opened.problem}; moved aside to ${aside} and started a new log`);
      opened = openVerified(path);
    }
    return new SqliteAnswerLog(opened.db, { salt, retentionDays, now });
  } catch (error) {
    warn(`cannot open ${path} (${errorText(error)}); answers are not logged`);
    return noAnswerLog;
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
