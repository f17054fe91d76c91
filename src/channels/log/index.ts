/**
 * The answer log: every answer a channel gives (time, channel, question, kind, cited items, latency)
 * and the feedback people give on it (👍/👎), for `npm run report` — the list a maintainer works
 * from. Users appear only as a salted hash. The SQLite implementation lives beside this interface;
 * {@link noAnswerLog} is what a channel uses when logging is switched off.
 */
import type { Response } from "../../engine/index.js";

/** One answer to log. */
export interface AnswerRecord {
  /** telegram, web, api, mcp, dingtalk, terminal … */
  channel: string;
  /** The platform's user id as given; the log stores only its salted hash. Null when unknown. */
  user: string | null;
  question: string;
  response: Response;
  latencyMs: number;
}

/** A vote on an answer. */
export type Vote = "up" | "down";

/** Where answers and feedback are recorded. */
export interface AnswerLog {
  /** Records an answer; returns its id (for feedback buttons), or null when logging is off. */
  record(entry: AnswerRecord): string | null;
  /** Records a vote on a logged answer; false when the id is unknown. A later vote by the same user replaces theirs. */
  feedback(answerId: string, vote: Vote, user: string | null): boolean;
  close(): void;
}

/** The log that records nothing (logging switched off). */
export const noAnswerLog: AnswerLog = {
  record: () => null,
  feedback: () => false,
  close: () => {},
};

export {
  type AnswerLogOptions,
  answerLogPath,
  DEFAULT_RETENTION_DAYS,
  openAnswerLog,
} from "./open.js";
export { buildReport, type Report, type ReportOptions, type ReportRow } from "./report.js";
export { hashUser, loadSalt, saltFileFor } from "./salt.js";
export { APPLICATION_ID, questionKey, SCHEMA_VERSION } from "./schema.js";
export { MAX_LOGGED_QUESTION, SqliteAnswerLog, type SqliteAnswerLogOptions } from "./sqlite.js";
