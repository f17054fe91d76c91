/**
 * Deadlines as Chinese plans write them, resolved to calendar dates.
 * 年底前 → 12-31; N月底前 → last day of month N; 到2025年 / 到2025年年底 → 2025-12-31;
 * 2025年7月15日前 → that day; 采暖季前 → the start of the heating season where the document applies
 * (its profile), marked approximate. Forms without a year (…2025年,…9月底前…, 12月10日前, 年底前)
 * take the year of the nearest dated passage before them in the same text, else the year of a document
 * about one year, marked `yearFromContext`. Yearly forms (每年9月底前, 每年年底前) are `recurring`: their
 * date is the first occurrence (the passage's or the plan's year, else the year it was signed), and an
 * answer shows the next one.
 */
import { parseSmallNumeral } from "./numerals.js";
import type { Deadline, IsoDate } from "./schema.js";
import { solarTermDay, solarTermNames } from "./solar-terms.js";

/** A month and day, such as the start of a heating season. */
export interface MonthDay {
  month: number;
  day: number;
}

/** Options for {@link parseDeadlines}. */
export interface DeadlineOptions {
  /** Where 采暖季前 points: the document's heating-season start. */
  heatingSeason: MonthDay;
  /**
   * The year of a document about one year (某市2025年…攻坚行动方案): a year-less 年底前 with no
   * dated passage before it falls in it. Without it such a deadline is left out.
   */
  year?: number | null;
  /** The year a yearly deadline (每年9月底前) starts from when no passage or title dates it: the signing year. */
  since?: number | null;
  /**
   * The signing date of a document about a season across the year's end (2025—2026年秋冬季): a
   * year-less deadline with no dated passage before it is the first such day after signing (11月30日
   * → this year, 1月15日 → the next).
   */
  seasonFrom?: IsoDate | null;
  /** The signing date: a deadline counted from issue (方案印发后2个月内) falls that long after it. */
  issued?: IsoDate | null;
  /** Han words the document defines as the time limit's label (报结：2025年9月30日): read as 时限：. */
  timeLabels?: readonly string[];
  /** The year of four-digit month-day codes after a field's tag the document defines (【收口】0930). */
  monthDayYear?: number | null;
  /** “时限”只写月份的，均指该月25日前完成: the day of a month written alone, where the notice names one. */
  monthAloneDay?: number | null;
  /** The year of a year-less date by its month, where the notice gives one (写明1月至3月的，指2026年). */
  monthYears?: ReadonlyArray<{ from: number; to: number; year: number }>;
}

/** 【收口】0930 / 时限：1130 / Ⓓ0630 — a month-day code after a tag, a label or a circled letter (only where the notice defines them). */
const MONTH_DAY_CODE =
  /(?<=(?:【[^】\n]{1,6}】|[:：]|[\u24B6-\u24E9])\s*)(0[1-9]|1[0-2])([0-2]\d|3[01])(?![\d年月日.．])/g;

/** 方案印发后2个月内, 本通知印发之日起3个月内: a time counted from the document's issue. */
const AFTER_ISSUE =
  /(?:本?方案|本?通知|本?文件)?(?:印发|发布|下发)(?:之日起|后)\s*(\d{1,2}|[一二两三四五六七八九十]{1,2})\s*个月内/g;
const AFTER_ISSUE_ALONE = new RegExp(`^${AFTER_ISSUE.source}(?:完成)?$`);

/**
 * 与本方案三（二）同步完成 / 与本方案六（二）3同步完成 — a time limit given as another task's (or point's): the part, the
 * item and the point it names.
 */
export const SAME_TIME_AS =
  /与(?:本方案|本实施方案|本计划)?(?:第)?([一二三四五六七八九十]{1,3})(?:部分)?(?:第)?[（(]([一二三四五六七八九十]{1,3})[)）](?:项)?(?:第)?(\d{1,2})?(?:点)?(?:同步|同时)完成/u;
const SAME_TIME_ALONE = new RegExp(`^${SAME_TIME_AS.source}$`, "u");
/** Whether a clause is nothing but a time limit given as another task's ({@link SAME_TIME_AS}). */
export const sameTimeAs = (clause: string): boolean => SAME_TIME_ALONE.test(clause.trim());

/** Whether a clause is nothing but a time counted from issue (方案印发后2个月内): a time limit, no name. */
export const countedFromIssue = (clause: string): boolean => AFTER_ISSUE_ALONE.test(clause);

/** One rule for a deadline phrase: its pattern and how to turn a match (and a year) into a date. */
interface DeadlinePattern {
  pattern: RegExp;
  /**
   * The year written in the match (or meant by it: 今年 is the plan's year), or null for a form that takes it
   * from the passage.
   */
  year: (m: RegExpExecArray, o: DeadlineOptions) => number | null;
  date: (m: RegExpExecArray, year: number, o: DeadlineOptions) => MonthDay;
  approximate: boolean;
  /** True for a yearly form (每年…): the match names no year and recurs every year. */
  recurring?: boolean;
}

/** The last day of a month (30 for 2025-06). */
export const lastDayOfMonth = (year: number, month: number): number =>
  new Date(Date.UTC(year, month, 0)).getUTCDate();

const yearEnd = (): MonthDay => ({ month: 12, day: 31 });
/** 今年 / 本年: the year of a plan about one year, else the year it was signed. */
const thisYear = (_m: RegExpExecArray, o: DeadlineOptions) => o.year ?? o.since ?? null;
/** 今年9月底前, 本年度10月31日前, 今年年底前: a date in the plan's own year, said so. */
const THIS_YEAR = "(?:今年|本年度?)";
/** 次年 / 明年 / 翌年: the year after the plan's own. */
const nextYear = (m: RegExpExecArray, o: DeadlineOptions) => {
  const year = thisYear(m, o);
  return year === null ? null : year + 1;
};
/** 次年3月15日前, 明年1月底前: a date in the year after the plan's, said so (10月至次年3月 is a span, not a deadline). */
const NEXT_YEAR = "(?<!至)(?:次年|明年|翌年)";

/**
 * Public holidays on fixed dates, and the day before each that "before the holiday" means: 国庆节前 → 9月30日,
 * “五一”前 → 4月30日. Lunar holidays (春节, 端午) move with the year and are not read.
 */
const HOLIDAYS: Readonly<Record<string, MonthDay>> = {
  国庆: { month: 9, day: 30 },
  国庆节: { month: 9, day: 30 },
  五一: { month: 4, day: 30 },
  劳动节: { month: 4, day: 30 },
  五一劳动节: { month: 4, day: 30 },
};
const HOLIDAY = `[“"「]?(${Object.keys(HOLIDAYS)
  .sort((a, b) => b.length - a.length)
  .join("|")})[”"」]?(?:假期|长假|节日)?(?:之前|以前|前)`;
const holiday = (m: RegExpExecArray, at: number): MonthDay => HOLIDAYS[m[at] as string] as MonthDay;
/** 立冬前, “芒种”前: a solar term's day (see solar-terms.ts); not 冬至前后, around it. */
const SOLAR_TERM = `[“"「]?(${solarTermNames().join("|")})[”"」]?(?:节气)?(?:之前|以前|前)(?!后)`;
const solarTerm = (m: RegExpExecArray, at: number, year: number): MonthDay =>
  solarTermDay(m[at] as string, year) as MonthDay;
const written = (m: RegExpExecArray) => Number(m[1]);
const none = () => null;

/** The last day of a quarter written 一 to 四 or 1 to 4. */
function quarterEnd(year: number, q: string): MonthDay {
  const n = "一二三四".indexOf(q) + 1 || Number(q);
  const month = n * 3;
  return { month, day: lastDayOfMonth(year, month) };
}

/**
 * The last day of a month's first, middle or last ten days (上旬 → 10, 中旬 → 20, 下旬 → its end), or of its
 * half (上半月 → 15, 下半月 → its end) when `half` is the part.
 */
function tenDays(year: number, month: number, part: string | undefined, half?: string): number {
  if (half) return half === "上" ? 15 : lastDayOfMonth(year, month);
  return part === "上" ? 10 : part === "中" ? 20 : lastDayOfMonth(year, month);
}

/** A deadline's label and its colon (完成时限：, 期限：): a date after it is the deadline itself. */
const AFTER_DEADLINE_LABEL = String.raw`(?:完成时间|完成时限|完成期限|完成节点|办结时限|办结时间|时间节点|截止时间|推进时段|时段|时限|期限|时间|(?<![\u4e00-\u9fa5])限)(?:[:：]|(?<=[〔【][\u4e00-\u9fa5]{2,4})[〕】])\s*`;

// Longest forms first: an earlier pattern's match wins where two overlap (到2025年年底 over 到2025年,
// 2025年8月底前 over 2025年). Year-less forms may not follow a digit or 年 (that is a dated form) nor
// 每 (每月5日前 recurs monthly; it is no deadline). 每年 forms are read as yearly deadlines.
const PATTERNS: readonly DeadlinePattern[] = [
  {
    pattern: /每年(\d{1,2})月(\d{1,2})日(?:之前|以前|前)/g,
    year: none,
    date: (m) => ({ month: Number(m[1]), day: Number(m[2]) }),
    approximate: false,
    recurring: true,
  },
  {
    pattern: /每年(\d{1,2})月底(?:之前|以前|前)?/g,
    year: none,
    date: (m, y) => ({ month: Number(m[1]), day: lastDayOfMonth(y, Number(m[1])) }),
    approximate: false,
    recurring: true,
  },
  {
    pattern: /每年(?:年底前|年底)/g,
    year: none,
    date: yearEnd,
    approximate: false,
    recurring: true,
  },
  {
    pattern: /(\d{4})年(\d{1,2})月(\d{1,2})日(?:之前|以前|前)/g,
    year: written,
    date: (m) => ({ month: Number(m[2]), day: Number(m[3]) }),
    approximate: false,
  },
  {
    pattern: /(\d{4})年(\d{1,2})月底(?:之前|以前|前)?/g,
    year: written,
    date: (m, y) => ({ month: Number(m[2]), day: lastDayOfMonth(y, Number(m[2])) }),
    approximate: false,
  },
  {
    // 2025年10月中旬前: the 10th, 20th or the month's last day for 上旬, 中旬, 下旬.
    pattern: /(\d{4})年(\d{1,2})月(?:(上|中|下)旬|(上|下)半月)(?:之前|以前|前)?/g,
    year: written,
    date: (m, y) => ({ month: Number(m[2]), day: tenDays(y, Number(m[2]), m[3], m[4]) }),
    approximate: false,
  },
  {
    pattern: /(?:到|于)?(\d{4})年(?:年底前|底前|年底)/g,
    year: written,
    date: yearEnd,
    approximate: false,
  },
  {
    pattern: /(\d{4})年(?:第)?([一二三四1-4])季度(?:末|底)?(?:之前|以前|前)?/g,
    year: written,
    date: (m, y) => quarterEnd(y, m[2] as string),
    approximate: false,
  },
  {
    // 办结时限：2025年10月15日 — a day under a deadline label is the deadline, with no 前 after it (not
    // when it starts a period: 时限：2024年11月15日至2025年3月15日); so is each day of a label's stages
    // (办结时限：2024年6月30日（排查建档）、2024年11月30日（整治提升）; 期限：有组织排放改造2025年9月30日，评估监测…).
    pattern: new RegExp(
      `(?<=${AFTER_DEADLINE_LABEL}(?:\\p{Script=Han}{0,10}\\d{4}年\\d{1,2}月\\d{1,2}日(?:[（(][^（）()]{1,10}[）)])?[，,、；;]\\s*)*\\p{Script=Han}{0,10})(\\d{4})年(\\d{1,2})月(\\d{1,2})日(?!\\d|\\s*[至到—\\-～~])`,
      "gu",
    ),
    year: written,
    date: (m) => ({ month: Number(m[2]), day: Number(m[3]) }),
    approximate: false,
  },
  {
    // （X定，Y干，Z帮；2025年10月31日） — a day alone in a bracket's last field, after the names: its time limit,
    // as under a label.
    pattern: /(?<=[；;]\s*)(\d{4})年(\d{1,2})月(\d{1,2})日(?=\s*[）)〕])/g,
    year: written,
    date: (m) => ({ month: Number(m[2]), day: Number(m[3]) }),
    approximate: false,
  },
  {
    // 2025年4月起，6个月 — a start month and the months the work takes, the start counted: done by the last one's end.
    pattern: /(\d{4})年(\d{1,2})月(?:份)?起[，,]\s*(?:工期)?(\d{1,2})个(?:自然)?月(?=\s*(?:[）)；;。]|$))/g,
    year: (m) => Number(m[1]) + Math.floor((Number(m[2]) + Number(m[3]) - 2) / 12),
    date: (m, y) => {
      const month = ((Number(m[2]) + Number(m[3]) - 2) % 12) + 1;
      return { month, day: lastDayOfMonth(y, month) };
    },
    approximate: false,
  },
  {
    // 收声：11月30日 — the same without a year (where the plan or its notice gives the year of such dates).
    pattern: new RegExp(
      `(?<=${AFTER_DEADLINE_LABEL}\\p{Script=Han}{0,6})(?<![\\d年])(\\d{1,2})月(\\d{1,2})日(?!\\d|\\s*[至到—\\-～~]|之?前|以前)`,
      "gu",
    ),
    year: none,
    date: (m) => ({ month: Number(m[1]), day: Number(m[2]) }),
    approximate: false,
  },
  {
    // 时段：2025年3月—9月, 2025年11月—2026年3月 — a span of months under the label: done by the end of its last.
    pattern: new RegExp(
      `(?<=${AFTER_DEADLINE_LABEL})(\\d{4})年(\\d{1,2})月\\s*[—–\\-~～至到]\\s*(?:(\\d{4})年)?(\\d{1,2})月(?![\\d底末份中上下])`,
      "g",
    ),
    year: (m) => Number(m[3] ?? m[1]),
    date: (m, y) => ({ month: Number(m[4]), day: lastDayOfMonth(y, Number(m[4])) }),
    approximate: false,
  },
  {
    // 〔完成时限〕2024年 — a year alone under a deadline label: by its end (仅标注年份的，应于该年度12月31日前完成).
    pattern: new RegExp(
      `(?<=${AFTER_DEADLINE_LABEL})(\\d{4})年(?:底|末)?(?:前|以前|之前)?(?=\\s*(?:$|[）)；;。，,\\n]))`,
      "g",
    ),
    year: written,
    date: yearEnd,
    approximate: false,
  },
  {
    // 时段：全年 — a task that runs the whole year is done by its end.
    pattern: new RegExp(`(?<=${AFTER_DEADLINE_LABEL})全年(?=[）)；;，,。]|$)`, "g"),
    year: none,
    date: yearEnd,
    approximate: false,
  },
  {
    // 限办：6月 — a month alone under a deadline label: by its end (or by the day of it the notice names), in the
    // year the plan's dates fall in.
    pattern: new RegExp(
      `(?<=${AFTER_DEADLINE_LABEL})(?<![\\d年])(\\d{1,2})月(?![\\d底末份中上下日])(?=\\s*(?:$|[）)〕】］；;。，,\\n\\s\u3000]))`,
      "g",
    ),
    year: none,
    date: (m, y, o) => ({ month: Number(m[1]), day: o.monthAloneDay ?? lastDayOfMonth(y, Number(m[1])) }),
    approximate: false,
  },
  {
    // 完成时间：2024年9月 — a month under a deadline label means by its end; so does each month of a
    // label's stages (完成节点：排查2025年5月，整治2025年10月; 2025年6月（完成排查）、2025年9月（完成淘汰）).
    pattern: new RegExp(
      `(?<=${AFTER_DEADLINE_LABEL}(?:\\p{Script=Han}{1,6}[:：]\\s*)?(?:\\p{Script=Han}{0,6}\\d{4}年\\d{1,2}月(?:[（(][^（）()]{1,12}[）)])?[，,、；;])*\\p{Script=Han}{0,6})(\\d{4})年(\\d{1,2})月(?![\\d底末份中上下])`,
      "gu",
    ),
    year: written,
    date: (m, y) => ({ month: Number(m[2]), day: lastDayOfMonth(y, Number(m[2])) }),
    approximate: false,
  },
  {
    pattern: /(\d{4})年(?:上半年|年中)(?:之前|以前|前)?/g,
    year: written,
    date: () => ({ month: 6, day: 30 }),
    approximate: false,
  },
  {
    pattern: /(\d{4})年(?:下半年|年内|内(?![容部外]))/g,
    year: written,
    date: yearEnd,
    approximate: false,
  },
  {
    pattern: new RegExp(`${THIS_YEAR}(\\d{1,2})月(\\d{1,2})日(?:之前|以前|前)`, "g"),
    year: thisYear,
    date: (m) => ({ month: Number(m[1]), day: Number(m[2]) }),
    approximate: false,
  },
  {
    pattern: new RegExp(`${THIS_YEAR}(\\d{1,2})月底(?:之前|以前|前)?`, "g"),
    year: thisYear,
    date: (m, y) => ({ month: Number(m[1]), day: lastDayOfMonth(y, Number(m[1])) }),
    approximate: false,
  },
  {
    pattern: new RegExp(`${THIS_YEAR}(?:年底|底)(?:之前|以前|前)?`, "g"),
    year: thisYear,
    date: yearEnd,
    approximate: false,
  },
  {
    pattern: new RegExp(`${NEXT_YEAR}(\\d{1,2})月(\\d{1,2})日(?:之前|以前|前)`, "g"),
    year: nextYear,
    date: (m) => ({ month: Number(m[1]), day: Number(m[2]) }),
    approximate: false,
  },
  {
    pattern: new RegExp(`${NEXT_YEAR}(\\d{1,2})月底(?:之前|以前|前)`, "g"),
    year: nextYear,
    date: (m, y) => ({ month: Number(m[1]), day: lastDayOfMonth(y, Number(m[1])) }),
    approximate: false,
  },
  {
    pattern: new RegExp(`${THIS_YEAR}(?:上半年|年中)(?:之前|以前|前)?`, "g"),
    year: thisYear,
    date: () => ({ month: 6, day: 30 }),
    approximate: false,
  },
  {
    // 2025年国庆节前, 2025年“五一”前: the day before a fixed public holiday.
    pattern: new RegExp(`(\\d{4})年${HOLIDAY}`, "g"),
    year: written,
    date: (m) => holiday(m, 2),
    approximate: false,
  },
  {
    pattern: new RegExp(`(?<![\\d年])${HOLIDAY}`, "g"),
    year: none,
    date: (m) => holiday(m, 1),
    approximate: false,
  },
  {
    // 2025年立冬前, 立冬前 in a 2025 plan: the term's day that year.
    pattern: new RegExp(`(\\d{4})年${SOLAR_TERM}`, "g"),
    year: written,
    date: (m, y) => solarTerm(m, 2, y),
    approximate: false,
  },
  {
    pattern: new RegExp(`(?<![\\d年])${SOLAR_TERM}`, "g"),
    year: none,
    date: (m, y) => solarTerm(m, 1, y),
    approximate: false,
  },
  {
    pattern: /(\d{4})年采暖季前/g,
    year: written,
    date: (_m, _y, o) => o.heatingSeason,
    approximate: true,
  },
  {
    pattern: /到(\d{4})年(?![\d年底])/g,
    year: written,
    date: yearEnd,
    approximate: false,
  },
  {
    pattern: /(?<![\d年每])(\d{1,2})月(\d{1,2})日(?:之前|以前|前)/g,
    year: none,
    date: (m) => ({ month: Number(m[1]), day: Number(m[2]) }),
    approximate: false,
  },
  {
    pattern: /(?<![\d年每])(\d{1,2})月(?:(上|中|下)旬|(上|下)半月)(?:之前|以前|前)/g,
    year: none,
    date: (m, y) => ({ month: Number(m[1]), day: tenDays(y, Number(m[1]), m[2], m[3]) }),
    approximate: false,
  },
  {
    // 终场：9月底 — a month's end under a deadline label, with no 前 after it.
    pattern: new RegExp(`(?<=${AFTER_DEADLINE_LABEL})(\\d{1,2})月(?:底|末)(?!之前|以前|前)`, "g"),
    year: none,
    date: (m, y) => ({ month: Number(m[1]), day: lastDayOfMonth(y, Number(m[1])) }),
    approximate: false,
  },
  {
    // 收割：12月下半月 — a part of a month under a deadline label, with no 前 after it.
    pattern: new RegExp(
      `(?<=${AFTER_DEADLINE_LABEL})(\\d{1,2})月(?:(上|中|下)旬|(上|下)半月)(?!之前|以前|前)`,
      "g",
    ),
    year: none,
    date: (m, y) => ({ month: Number(m[1]), day: tenDays(y, Number(m[1]), m[2], m[3]) }),
    approximate: false,
  },
  {
    pattern: /(?<![\d年每])(\d{1,2})月底(?:之前|以前|前)/g,
    year: none,
    date: (m, y) => ({ month: Number(m[1]), day: lastDayOfMonth(y, Number(m[1])) }),
    approximate: false,
  },
  {
    // (…；2025.6) — a time limit written year.month after a semicolon means by the month's end.
    pattern: /(?<=[；;]\s*)(20\d\d)[.．](\d{1,2})(?![\d.．])/g,
    year: written,
    date: (m, y) => ({ month: Number(m[2]), day: lastDayOfMonth(y, Number(m[2])) }),
    approximate: false,
  },
  {
    // 时序进度：一季度，建立… — a quarter opening a clause of milestones means by its end; so does one
    // closing a task's bracket (…配合；第三季度末）).
    pattern: /(?<=^|[：:；;。\n]\s*)(?:第)?([一二三四])季度(?:末|底)?(?:之前|以前|前)?(?=[，,：:）)；;]|$)/g,
    year: none,
    date: (m, y) => quarterEnd(y, m[1] as string),
    approximate: false,
  },
  {
    pattern: /(?<![\d年每])年底前/g,
    year: none,
    date: yearEnd,
    approximate: false,
  },
  {
    pattern: /(?<![\d年])采暖季前/g,
    year: none,
    date: (_m, _y, o) => o.heatingSeason,
    approximate: true,
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

/**
 * The date a deadline stands for as of `today`: its own date, or for a yearly one (每年9月底前) the
 * next occurrence on or after today (never before its first).
 */
export function dueDate(d: Pick<Deadline, "date" | "recurring">, today: IsoDate): IsoDate {
  if (!d.recurring || d.date >= today) return d.date;
  const month = Number(d.date.slice(5, 7));
  const day = Number(d.date.slice(8, 10));
  const year = Number(today.slice(0, 4));
  // 2月29日 and month ends: the day is clamped to the month of the year it falls in.
  const on = (y: number) => isoDate(y, month, Math.min(day, lastDayOfMonth(y, month)));
  return on(year) >= today ? on(year) : on(year + 1);
}

/**
 * The sentence (up to 。；; or the text's ends) around a position, verbatim. Inside a bracket of fields
 * (（主承办：X；协承办：Y；销号时限：2025年10月31日）) the semicolons part fields, not sentences: the bracket
 * is the sentence, with the words before it when no stop parts them.
 */
function sentenceAround(text: string, at: number): string {
  const stops = /[。；;]/;
  const bracket = enclosingBracket(text, at);
  let start = bracket ? bracket.open : at;
  while (start > 0 && !stops.test(text[start - 1] as string)) start--;
  let end = bracket ? bracket.close : at;
  while (end < text.length && !stops.test(text[end] as string)) end++;
  if (end < text.length) end++;
  return text.slice(start, end).trim();
}

const OPENING = "（(〔【［[";
const CLOSING = "）)〕】］]";

/** The bracket a position stands in (its opening and closing marks' places), if any. */
function enclosingBracket(text: string, at: number): { open: number; close: number } | null {
  let depth = 0;
  let open = -1;
  for (let i = at - 1; i >= 0; i--) {
    const c = text[i] as string;
    if (CLOSING.includes(c)) depth++;
    else if (OPENING.includes(c)) {
      if (depth === 0) {
        open = i;
        break;
      }
      depth--;
    }
  }
  if (open < 0) return null;
  depth = 0;
  for (let i = at; i < text.length; i++) {
    const c = text[i] as string;
    if (OPENING.includes(c)) depth++;
    else if (CLOSING.includes(c)) {
      if (depth === 0) return { open, close: i + 1 };
      depth--;
    }
  }
  return null;
}

/** A year that dates the passage after it: not a baseline (比2020年) nor a range's second year (2025—2026年). */
export const PASSAGE_YEAR = /(?<![\d比较与同自从—\-–~至])(\d{4})年/g;

/**
 * Where the text dates a passage: each 2025年 with its position, except baselines (比2020年, 较2022年),
 * the second year of a range (2025—2026年) and years inside a cited title (《…2025年…方案》).
 */
function passageYears(text: string): Array<{ at: number; year: number }> {
  const titles: Array<[number, number]> = [];
  for (const m of text.matchAll(/《[^》]*》/g)) titles.push([m.index, m.index + m[0].length]);
  const years: Array<{ at: number; year: number }> = [];
  for (const m of text.matchAll(PASSAGE_YEAR)) {
    if (titles.some(([s, e]) => m.index > s && m.index < e)) continue;
    years.push({ at: m.index, year: Number(m[1]) });
  }
  return years;
}

/**
 * 十月底前 / 十一月一日前: a month (after a word's end: 年, 于, punctuation) or a day written in Chinese numerals.
 */
const CHINESE_DATE_PART =
  /(?<=^|[^\u4e00-\u9fa5]|[年于至到在前和及、])[一二三四五六七八九十]{1,3}(?=月)|(?<=月)[一二三四五六七八九十]{1,3}(?=日)/g;

/**
 * 9.30前 / 10.31日前: a month and day parted by a dot with no year, as a plan's brackets write them (its notice
 * says 时限以“月.日前”形式标注). Not after a digit, letter or dot (PM2.5, 2025.6 are no such dates); month 1–12, day 1–31.
 */
const DOTTED_DATE = /(?<![\dA-Za-z.．])(1[0-2]|0?[1-9])[.．](3[01]|[12]\d|0?[1-9])(?=日?(?:之前|以前|前))/g;

/**
 * A text with the months and days of its dates written in Chinese numerals (十月底前, 十一月一日前) or
 * parted by a dot (9.30前) in the form the deadline patterns read (10月底前, 9月30日前), and where each of
 * its characters stands in the text as written.
 */
export function withArabicDates(written: string): { text: string; origin: number[] } {
  let text = "";
  const origin: number[] = [];
  let from = 0;
  const parts = [...written.matchAll(CHINESE_DATE_PART), ...written.matchAll(DOTTED_DATE)].sort(
    (a, b) => a.index - b.index,
  );
  for (const m of parts) {
    if (m.index < from) continue;
    let arabic: string;
    if (m[1] !== undefined) {
      arabic = `${Number(m[1])}月${Number(m[2])}${written[m.index + m[0].length] === "日" ? "" : "日"}`;
    } else {
      const n = parseSmallNumeral(m[0]);
      if (n === null || n < 1 || n > 31) continue;
      arabic = String(n);
    }
    for (let i = from; i < m.index; i++) origin.push(i);
    text += written.slice(from, m.index);
    for (const c of arabic) {
      text += c;
      origin.push(m.index);
    }
    from = m.index + m[0].length;
  }
  for (let i = from; i <= written.length; i++) origin.push(i);
  text += written.slice(from);
  return { text, origin };
}

/** Every deadline phrase in a text, in order of appearance, once per phrase and date. */
export function parseDeadlines(written: string, options: DeadlineOptions): Deadline[] {
  // Read with Arabic numerals; a phrase is quoted as written.
  const arabic = withArabicDates(written);
  const { origin } = arabic;
  // A defined label becomes 时限 in place, padded to its length, so that positions stay the written ones.
  let text = arabic.text;
  for (const word of options.timeLabels ?? []) {
    const pad = (n: number) => " ".repeat(Math.max(0, n));
    // (效：2025年10月底前 — a word of one character is a label only, and stays one character wide.)
    if (word.length < 2) {
      text = text.replace(new RegExp(`(?<=[（(；;，,\\s])${word}(?=\\s*[:：])`, "g"), "限");
      continue;
    }
    text = text
      .replace(new RegExp(`${word}(?=\\s*[:：]|[】〕])`, "g"), `${pad(word.length - 2)}时限`)
      // 盯至9月底 — the word before a time, as a label is (“盯至”后所写时间为完成时限); so after the words saying
      // whose time it is (本点盯至6月底).
      .replace(
        new RegExp(
          `(?<![\\p{Script=Han}])(?:本|该|此)(?:点|项|条)${word}(?=\\s*(?:\\d{1,4}[年月]|年底|年内))`,
          "gu",
        ),
        `${pad(word.length - 1)}时限：`,
      )
      .replace(
        new RegExp(`(?<![\\p{Script=Han}])${word}(?=\\s*(?:\\d{1,4}[年月]|年底|年内))`, "gu"),
        `${pad(word.length - 2)}限：`,
      )
      // （…；6月冲线） / 10月15日冲线 / 年底冲线 — the word right after a time says it is the time limit ("冲线"前为
      // 完成时限): a month alone is by its end.
      .replace(
        new RegExp(`(?<![\\d年])(\\d{1,2})月${word}`, "g"),
        (_, month: string) => `${month}月底前${pad(word.length - 2)}`,
      )
      .replace(new RegExp(`(?<=\\d日|底|年内)${word}`, "g"), `前${pad(word.length - 1)}`)
      .replace(new RegExp(`(?<=前)${word}`, "g"), pad(word.length));
  }
  const quoted = (at: number, end: number) => written.slice(origin[at], origin[end]);
  const years = passageYears(text);
  const hits: Array<{ at: number; end: number; deadline: Deadline }> = [];
  for (const { pattern, year, date, approximate, recurring = false } of PATTERNS) {
    for (const m of text.matchAll(pattern)) {
      const at = m.index;
      const end = at + m[0].length;
      if (hits.some((h) => at < h.end && end > h.at)) continue;
      const own = year(m as RegExpExecArray, options);
      // (The notice's year for the month, where it gives one, before any passage's.)
      const month = options.monthYears?.length ? date(m as RegExpExecArray, 2001, options).month : null;
      const byMonth = options.monthYears?.find((r) => month !== null && month >= r.from && month <= r.to);
      let resolved =
        own ??
        byMonth?.year ??
        years.filter((y) => y.at < at).at(-1)?.year ??
        options.year ??
        (recurring ? (options.since ?? null) : null);
      const from = options.seasonFrom;
      if (resolved === null && from && !recurring) {
        const first = Number(from.slice(0, 4));
        const d = date(m as RegExpExecArray, first, options);
        resolved = isoDate(first, d.month, d.day) >= from ? first : first + 1;
      }
      if (resolved === null) continue; // a year-less form with no dated passage before it
      const d = date(m as RegExpExecArray, resolved, options);
      hits.push({
        at,
        end,
        deadline: {
          text: quoted(at, end),
          date: isoDate(resolved, d.month, d.day),
          approximate,
          yearFromContext: own === null,
          recurring,
          sentence: sentenceAround(written, origin[at] as number),
        },
      });
    }
  }
  // 【收口】0930: the notice's month-day code, in the year it says.
  const codeYear = options.monthDayYear;
  for (const m of codeYear ? text.matchAll(MONTH_DAY_CODE) : []) {
    const at = m.index;
    const end = at + m[0].length;
    if (hits.some((h) => at < h.end && end > h.at)) continue;
    hits.push({
      at,
      end,
      deadline: {
        text: quoted(at, end),
        date: isoDate(codeYear as number, Number(m[1]), Number(m[2])),
        approximate: false,
        yearFromContext: true,
        recurring: false,
        sentence: sentenceAround(written, origin[at] as number),
      },
    });
  }
  for (const m of options.issued ? text.matchAll(AFTER_ISSUE) : []) {
    const [y, mo, d] = (options.issued as string).split("-").map(Number) as [number, number, number];
    const months = parseSmallNumeral((m[1] as string).replace("两", "二"));
    if (months === null) continue;
    const total = mo - 1 + months;
    const year = y + Math.floor(total / 12);
    const month = (total % 12) + 1;
    hits.push({
      at: m.index,
      end: m.index + m[0].length,
      deadline: {
        text: quoted(m.index, m.index + m[0].length),
        date: isoDate(year, month, Math.min(d, lastDayOfMonth(year, month))),
        approximate: false,
        yearFromContext: false,
        recurring: false,
        sentence: sentenceAround(written, origin[m.index] as number),
      },
    });
  }
  hits.sort((a, b) => a.at - b.at);
  const seen = new Set<string>();
  return hits
    .map((h) => h.deadline)
    .filter((d) => {
      const key = `${d.text}\u0000${d.date}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}
