/**
 * Periods an item sets for its work (10月1日至12月31日开展秋冬季攻坚, 攻坚期为2025年10月至2026年3月): a first
 * and a last day. They are no deadlines — the work runs between them — but "from when to when" asks them.
 */
import { isoDate, lastDayOfMonth, PASSAGE_YEAR, withArabicDates } from "./deadlines.js";
import type { Period } from "./schema.js";

/** Where the year of a year-less period comes from when the text before it names none: the plan's year. */
export interface PeriodOptions {
  year?: number | null;
}

const TO = "\\s*(?:至|到|—|－|-|~|～)\\s*";
/** The end's year: written, or said as the year after the start's (次年). */
const END_YEAR = "(?:(\\d{4})年|(次年|翌年|明年))?";

/** 2025年10月1日至2026年3月31日, 10月1日至12月31日: from a day to a day. */
const DAYS = new RegExp(
  `(?:(\\d{4})年)?(\\d{1,2})月(\\d{1,2})日${TO}${END_YEAR}(\\d{1,2})月(\\d{1,2})日`,
  "g",
);
/** 2025年10月至2026年3月, 5—9月: from a month's first day to another's last (not 10月底前, a month's end). */
const MONTHS = new RegExp(
  `(?:(\\d{4})年)?(\\d{1,2})月(?:份)?${TO}${END_YEAR}(\\d{1,2})月(?:份|底)?(?![\\d日底中上下])`,
  "g",
);
/** 5—9月: the first month written bare before the second's 月. */
const BARE_MONTHS = new RegExp(
  `(?:(\\d{4})年)?(?<![\\d.．])(\\d{1,2})${TO}(\\d{1,2})月(?:份)?(?![\\d日底中上下])`,
  "g",
);

/** The periods a text sets, in the order written; those whose year cannot be told are left out. */
export function parsePeriods(written: string, options: PeriodOptions = {}): Period[] {
  const { text, origin } = withArabicDates(written);
  const yearBefore = (at: number): number | null => {
    const years = [...text.slice(0, at).matchAll(PASSAGE_YEAR)];
    const last = years.at(-1);
    return last ? Number(last[1]) : (options.year ?? null);
  };
  const found: Array<{ at: number; end: number; period: Period }> = [];
  const add = (
    m: RegExpMatchArray,
    start: { year?: string; month: string; day?: string },
    end: { year?: string; next?: string; month: string; day?: string },
  ) => {
    const at = m.index as number;
    const stop = at + m[0].length;
    if (found.some((f) => at < f.end && stop > f.at)) return;
    const first = start.year ? Number(start.year) : yearBefore(at);
    if (first === null) return;
    const [fromMonth, toMonth] = [Number(start.month), Number(end.month)];
    if (fromMonth < 1 || fromMonth > 12 || toMonth < 1 || toMonth > 12) return;
    // (An end month before the start's, or 次年, with no year of its own is in the next year: 10月至次年3月, 11月—3月.)
    const last = end.year ? Number(end.year) : end.next || toMonth < fromMonth ? first + 1 : first;
    const fromDay = start.day ? Number(start.day) : 1;
    const toDay = end.day ? Number(end.day) : lastDayOfMonth(last, toMonth);
    if (fromDay > lastDayOfMonth(first, fromMonth) || toDay > lastDayOfMonth(last, toMonth)) return;
    const from = isoDate(first, fromMonth, fromDay);
    const to = isoDate(last, toMonth, toDay);
    if (to <= from) return;
    const quoted = written.slice(origin[at], origin[stop]).trim();
    found.push({ at, end: stop, period: { text: quoted, start: from, end: to } });
  };
  for (const m of text.matchAll(DAYS))
    add(
      m,
      { year: m[1], month: m[2] as string, day: m[3] },
      { year: m[4], next: m[5], month: m[6] as string, day: m[7] },
    );
  for (const m of text.matchAll(MONTHS))
    add(m, { year: m[1], month: m[2] as string }, { year: m[3], next: m[4], month: m[5] as string });
  for (const m of text.matchAll(BARE_MONTHS))
    add(m, { year: m[1], month: m[2] as string }, { month: m[3] as string });
  // (A period said twice in one entry is one period.)
  const seen = new Set<string>();
  return found
    .sort((a, b) => a.at - b.at)
    .map((f) => f.period)
    .filter((p) => !seen.has(`${p.start}/${p.end}`) && Boolean(seen.add(`${p.start}/${p.end}`)));
}
