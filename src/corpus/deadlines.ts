/**
 * Deadlines as Chinese plans write them, resolved to calendar dates.
 * 年底前 → 12-31; N月底前 → last day of month N; 到2025年 / 到2025年年底 → 2025-12-31;
 * 采暖季前 → the start of the heating season where the document applies (its profile), marked approximate.
 */
import type { Deadline, IsoDate } from "./schema.js";

/** A month and day, such as the start of a heating season. */
export interface MonthDay {
  month: number;
  day: number;
}

/** Options for {@link parseDeadlines}. */
export interface DeadlineOptions {
  /** Where 采暖季前 points: the document's heating-season start. */
  heatingSeason: MonthDay;
}

/** One rule for a deadline phrase: its pattern and how to turn a match into a date. */
interface DeadlinePattern {
  pattern: RegExp;
  date: (m: RegExpExecArray, o: DeadlineOptions) => { year: number; month: number; day: number };
  approximate: boolean;
}

const lastDayOfMonth = (year: number, month: number): number =>
  new Date(Date.UTC(year, month, 0)).getUTCDate();

// Longest forms first: 到2025年年底 must win over 到2025年, and 2025年8月底前 over 2025年.
const PATTERNS: readonly DeadlinePattern[] = [
  {
    pattern: /(\d{4})年(\d{1,2})月底前/g,
    date: (m) => {
      const year = Number(m[1]);
      const month = Number(m[2]);
      return { year, month, day: lastDayOfMonth(year, month) };
    },
    approximate: false,
  },
  {
    pattern: /(?:到|于)?(\d{4})年(?:年底前|底前|年底)/g,
    date: (m) => ({ year: Number(m[1]), month: 12, day: 31 }),
    approximate: false,
  },
  {
    pattern: /(\d{4})年采暖季前/g,
    date: (m, o) => ({ year: Number(m[1]), ...o.heatingSeason }),
    approximate: true,
  },
  {
    pattern: /到(\d{4})年(?![\d年底])/g,
    date: (m) => ({ year: Number(m[1]), month: 12, day: 31 }),
    approximate: false,
  },
];

/** Formats a date as YYYY-MM-DD. */
export function isoDate(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Today's date as YYYY-MM-DD in local time. */
export function todayIso(now: Date = new Date()): IsoDate {
  return isoDate(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/** A deadline has passed once its whole day is over. */
export function isPassed(date: IsoDate, today: IsoDate): boolean {
  return date < today;
}

/** The sentence (up to 。；; or the text's ends) around a position, verbatim. */
function sentenceAround(text: string, at: number): string {
  const stops = /[。；;]/;
  let start = at;
  while (start > 0 && !stops.test(text[start - 1] as string)) start--;
  let end = at;
  while (end < text.length && !stops.test(text[end] as string)) end++;
  if (end < text.length) end++;
  return text.slice(start, end).trim();
}

/** Every deadline phrase in a text, in order of appearance, once per phrase. */
export function parseDeadlines(text: string, options: DeadlineOptions): Deadline[] {
  const hits: Array<{ at: number; end: number; deadline: Deadline }> = [];
  for (const { pattern, date, approximate } of PATTERNS) {
    for (const m of text.matchAll(pattern)) {
      const at = m.index;
      const end = at + m[0].length;
      if (hits.some((h) => at < h.end && end > h.at)) continue;
      const d = date(m as RegExpExecArray, options);
      const iso = isoDate(d.year, d.month, d.day);
      hits.push({
        at,
        end,
        deadline: {
          text: m[0],
          date: iso,
          approximate,
          yearFromContext: false,
          sentence: sentenceAround(text, at),
        },
      });
    }
  }
  hits.sort((a, b) => a.at - b.at);
  const seen = new Set<string>();
  return hits
    .map((h) => h.deadline)
    .filter((d) => {
      if (seen.has(d.text)) return false;
      seen.add(d.text);
      return true;
    });
}
