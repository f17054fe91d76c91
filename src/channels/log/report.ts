/**
 * What the maintainer works from: over a period, the most asked questions, the ones the documents do
 * not cover, and the ones people voted 👎 — each grouped by question (see `questionKey`), with how
 * often, on which channels, when last seen, the latest answer's kind and citations, and the votes.
 */
import type Database from "better-sqlite3";

/** One question of a report list. */
export interface ReportRow {
  /** The latest wording of the question. */
  question: string;
  count: number;
  channels: string[];
  /** ISO time of the latest answer. */
  lastSeen: string;
  /** The latest answer's kind and status. */
  kind: string;
  status: string;
  /** The latest answer's cited items (doc#id). */
  cited: string[];
  up: number;
  down: number;
}

/** The whole report. */
export interface Report {
  from: string;
  to: string;
  days: number;
  totals: {
    answers: number;
    /** Distinct user hashes. */
    users: number;
    byChannel: Record<string, number>;
    notCovered: number;
    up: number;
    down: number;
    latencyMs: { p50: number; p95: number; max: number } | null;
  };
  mostAsked: ReportRow[];
  notCovered: ReportRow[];
  downvoted: ReportRow[];
}

/** Options for {@link buildReport}. */
export interface ReportOptions {
  /** The period: the last this many days. */
  days: number;
  /** Rows per list. */
  limit: number;
  /** The end of the period (epoch ms); default now. */
  now?: number;
}

interface RawRow {
  question: string;
  count: number;
  channels: string;
  last: number;
  kind: string;
  status: string;
  cited: string;
  up: number;
  down: number;
}

const GROUPED = `
  WITH votes AS (
    SELECT answer_id, SUM(vote = 'up') AS up, SUM(vote = 'down') AS down FROM feedback GROUP BY answer_id
  )
  SELECT a.question AS question, a.kind AS kind, a.status AS status, a.cited AS cited, MAX(a.at) AS last,
         COUNT(*) AS count, GROUP_CONCAT(DISTINCT a.channel) AS channels,
         COALESCE(SUM(v.up), 0) AS up, COALESCE(SUM(v.down), 0) AS down
  FROM answers a LEFT JOIN votes v ON v.answer_id = a.id
  WHERE a.at >= @from AND a.at <= @to %WHERE%
  GROUP BY a.question_key %HAVING%
  ORDER BY %ORDER%
  LIMIT @limit`;

function grouped(where: string, having: string, order: string): string {
  // SQLite takes bare columns (question, kind …) from the row holding MAX(a.at): the latest answer.
  return GROUPED.replace("%WHERE%", where).replace("%HAVING%", having).replace("%ORDER%", order);
}

function row(r: RawRow): ReportRow {
  let cited: string[] = [];
  try {
    cited = JSON.parse(r.cited) as string[];
  } catch {
    cited = [];
  }
  return {
    question: r.question,
    count: r.count,
    channels: r.channels.split(",").sort(),
    lastSeen: new Date(r.last).toISOString(),
    kind: r.kind,
    status: r.status,
    cited,
    up: r.up,
    down: r.down,
  };
}

function percentile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

/** The report over the last `days` days of an open answer-log database. */
export function buildReport(db: Database.Database, options: ReportOptions): Report {
  const to = options.now ?? Date.now();
  const from = to - options.days * 24 * 60 * 60 * 1000;
  const params = { from, to, limit: options.limit };
  const list = (sql: string) => (db.prepare(sql).all(params) as RawRow[]).map(row);
  const byChannel: Record<string, number> = {};
  for (const r of db
    .prepare("SELECT channel, COUNT(*) AS n FROM answers WHERE at >= @from AND at <= @to GROUP BY channel")
    .all({ from, to }) as Array<{ channel: string; n: number }>)
    byChannel[r.channel] = r.n;
  const counts = db
    .prepare(
      `SELECT COUNT(*) AS answers, COUNT(DISTINCT user_hash) AS users,
              COALESCE(SUM(status = 'not_covered'), 0) AS notCovered
       FROM answers WHERE at >= @from AND at <= @to`,
    )
    .get({ from, to }) as { answers: number; users: number; notCovered: number };
  const votes = db
    .prepare(
      `SELECT COALESCE(SUM(f.vote = 'up'), 0) AS up, COALESCE(SUM(f.vote = 'down'), 0) AS down
       FROM feedback f JOIN answers a ON a.id = f.answer_id WHERE a.at >= @from AND a.at <= @to`,
    )
    .get({ from, to }) as { up: number; down: number };
  const latencies = (
    db.prepare("SELECT latency_ms AS ms FROM answers WHERE at >= @from AND at <= @to ORDER BY ms").all({
      from,
      to,
    }) as Array<{ ms: number }>
  ).map((r) => r.ms);
  return {
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
    days: options.days,
    totals: {
      ...counts,
      byChannel,
      ...votes,
      latencyMs:
        latencies.length > 0
          ? {
              p50: percentile(latencies, 0.5),
              p95: percentile(latencies, 0.95),
              max: latencies[latencies.length - 1] ?? 0,
            }
          : null,
    },
    mostAsked: list(grouped("", "", "count DESC, last DESC")),
    notCovered: list(grouped("AND a.status = 'not_covered'", "", "count DESC, last DESC")),
    downvoted: list(grouped("", "HAVING down > 0", "down DESC, count DESC, last DESC")),
  };
}
