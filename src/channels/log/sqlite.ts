/**
 * The answer log in an embedded SQLite file (better-sqlite3): one row per answer, one per vote. Writes
 * are synchronous — a few hundred microseconds each in WAL mode, far below an answer's own cost at a
 * chat bot's rate — so a crash loses nothing that was acknowledged. Old rows are deleted on open and
 * then at most once a day, on the next write.
 */
import { randomBytes } from "node:crypto";
import type Database from "better-sqlite3";
import type { AnswerLog, AnswerRecord, Vote } from "./index.js";
import { hashUser } from "./salt.js";
import { questionKey } from "./schema.js";

const DAY_MS = 24 * 60 * 60 * 1000;
/** Questions longer than this are cut before they are stored. */
export const MAX_LOGGED_QUESTION = 2000;

/** Options for {@link SqliteAnswerLog}. */
export interface SqliteAnswerLogOptions {
  salt: string;
  /** Rows older than this many days are deleted. */
  retentionDays: number;
  /** The clock (epoch ms); tests move it. */
  now?: () => number;
}

/** An {@link AnswerLog} over an open, verified database (see `openAnswerLog`). */
export class SqliteAnswerLog implements AnswerLog {
  private readonly now: () => number;
  private lastPurge = 0;
  private readonly insertAnswer: Database.Statement;
  private readonly channelOf: Database.Statement<[string], { channel: string }>;
  private readonly upsertVote: Database.Statement;
  private readonly purgeAnswers: Database.Statement<[number]>;

  constructor(
    /** The open database; closed by {@link close}. */
    readonly db: Database.Database,
    private readonly options: SqliteAnswerLogOptions,
  ) {
    this.now = options.now ?? Date.now;
    this.insertAnswer = db.prepare(
      `INSERT INTO answers (id, at, channel, user_hash, question, question_key, status, kind, lang, cited, latency_ms)
       VALUES (@id, @at, @channel, @user_hash, @question, @question_key, @status, @kind, @lang, @cited, @latency_ms)`,
    );
    this.channelOf = db.prepare("SELECT channel FROM answers WHERE id = ?");
    this.upsertVote = db.prepare(
      `INSERT INTO feedback (answer_id, user_hash, vote, at) VALUES (?, ?, ?, ?)
       ON CONFLICT (answer_id, user_hash) DO UPDATE SET vote = excluded.vote, at = excluded.at`,
    );
    this.purgeAnswers = db.prepare("DELETE FROM answers WHERE at < ?");
    this.purge();
  }

  /** Deletes answers (and their votes) older than the retention period; returns how many. */
  purge(): number {
    const now = this.now();
    this.lastPurge = now;
    return this.purgeAnswers.run(now - this.options.retentionDays * DAY_MS).changes;
  }

  record(entry: AnswerRecord): string | null {
    const now = this.now();
    if (now - this.lastPurge >= DAY_MS) this.purge();
    const id = randomBytes(9).toString("base64url");
    const r = entry.response;
    const question = entry.question.slice(0, MAX_LOGGED_QUESTION);
    this.insertAnswer.run({
      id,
      at: now,
      channel: entry.channel,
      user_hash: hashUser(this.options.salt, entry.channel, entry.user),
      question,
      question_key: questionKey(question),
      status: r.status,
      kind: r.kind,
      lang: r.lang,
      cited: JSON.stringify(r.citations.map((c) => `${c.doc}#${c.id}`)),
      latency_ms: Math.round(entry.latencyMs * 100) / 100,
    });
    return id;
  }

  feedback(answerId: string, vote: Vote, user: string | null): boolean {
    const row = this.channelOf.get(answerId);
    if (!row) return false;
    const who = hashUser(this.options.salt, row.channel, user) ?? "";
    this.upsertVote.run(answerId, who, vote, this.now());
    return true;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
