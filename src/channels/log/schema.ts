/**
 * The answer log's tables. `PRAGMA application_id` marks a file as this log (so a foreign SQLite file
 * is never taken for one) and `PRAGMA user_version` is the schema version; a file with another id or
 * version is moved aside rather than migrated blindly.
 */

/** "polb" — marks the file as policy-bot's answer log. */
export const APPLICATION_ID = 0x706f6c62;

/** The schema version this code reads and writes. */
export const SCHEMA_VERSION = 1;

/** Creates the tables of a fresh file (in one transaction with the version). */
export const CREATE_SCHEMA = `
CREATE TABLE answers (
  id           TEXT PRIMARY KEY,
  at           INTEGER NOT NULL,
  channel      TEXT NOT NULL,
  user_hash    TEXT,
  question     TEXT NOT NULL,
  question_key TEXT NOT NULL,
  status       TEXT NOT NULL,
  kind         TEXT NOT NULL,
  lang         TEXT NOT NULL,
  cited        TEXT NOT NULL,
  latency_ms   REAL NOT NULL
);
CREATE INDEX answers_at ON answers (at);
CREATE INDEX answers_key ON answers (question_key, at);
CREATE TABLE feedback (
  answer_id TEXT NOT NULL REFERENCES answers (id) ON DELETE CASCADE,
  user_hash TEXT NOT NULL,
  vote      TEXT NOT NULL CHECK (vote IN ('up', 'down')),
  at        INTEGER NOT NULL,
  PRIMARY KEY (answer_id, user_hash)
);
CREATE INDEX feedback_at ON feedback (at);
`;

/** The tables and columns a file of {@link SCHEMA_VERSION} must have. */
export const EXPECTED_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  answers: [
    "id",
    "at",
    "channel",
    "user_hash",
    "question",
    "question_key",
    "status",
    "kind",
    "lang",
    "cited",
    "latency_ms",
  ],
  feedback: ["answer_id", "user_hash", "vote", "at"],
};

/**
 * The grouping key of a question: NFKC, lower case, spaces and trailing punctuation dropped, so
 * "六(五)？" and "六（五）" count as one question in the report.
 */
export function questionKey(question: string): string {
  return question
    .normalize("NFKC")
    .toLowerCase()
    .replace(/\s+/g, "")
    .replace(/[?!.。？！，,；;：:、~～…]+$/u, "");
}
