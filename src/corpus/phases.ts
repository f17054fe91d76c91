/**
 * Names a plan gives its time limits by, defined once elsewhere: phases (推进时段：集中攻坚阶段, as a later
 * section defines them: （二）集中攻坚阶段（2024年10月21日—2025年1月31日）) and classes the notice
 * defines (Ⅲ类为2025年10月15日前完成; a task's bracket ends in ；Ⅲ类）). A task given one is due when it ends.
 * And words a notice defines as dates (“采暖期前”是指2025年10月15日前): a task that writes one is due then; days it
 * counts back from a date (“供热前N日”, “倒排N天”), a monthly series of meetings it numbers (第N次调度) and the weeks of a calendar it counts (第N周).
 */

import { isoDate, lastDayOfMonth } from "./deadlines.js";
import { escapeRegExp } from "./departments.js";
import type { Deadline, Item } from "./schema.js";
import { workdaysAfter } from "./workdays.js";

/** The year a text last names before `at` (…2025年…，第1周为1月1日 → 2025); 0 where it names none. */
function yearBefore(text: string, at: number | undefined): number {
  return Number([...text.slice(0, at).matchAll(/(20\d\d)\s*年/g)].at(-1)?.[1] ?? 0);
}

/** 集中攻坚阶段（2024年10月21日—2025年1月31日） / 动员部署阶段（2024年10月1日—10月20日） */
const PHASE =
  /([\p{Script=Han}]{2,8}阶段)[（(]\s*(?:(\d{4})年)?\d{1,2}月\d{1,2}日\s*[—–\-~至到]+\s*(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日\s*[)）]/gu;

/** Ⅲ类为2025年10月15日前完成 / A类：2024年12月底前 — a class of time limit, its date in full. */
const CLASS =
  /(?<![\p{Script=Han}A-Za-z])([ⅠⅡⅢⅣⅤⅥⅦⅧ]|[A-F]|[一二三四五六])类(?:任务)?(?:为|是|指|即)?[:：]?\s*(\d{4})年(\d{1,2})月(?:(\d{1,2})日|(底|末))前/gu;

/**
 * “春播前”是指2025年4月30日前 / “年底前”指2025年12月底前 / “下半年”“年内”均指2025年12月31日前 / 写“上半年”的，指6月30日前
 * (/ “开栓前”指我市2025—2026年采暖期开栓供热前，即2025年10月15日前 — what it is said first, then its date after 即)
 */
const NAMED_TIME =
  /((?:[“"「][\p{Script=Han}]{2,10}?[”"」][、和及]?)+)的?[，,]?\s*(?:均|都)?(?:是指|系指|指|即)\s*(?:[^。；;“”"「」\n]{1,30}?[，,]\s*(?:即|亦即|也就是)\s*)?(?:(\d{4})年)?(\d{1,2})月(?:(\d{1,2})日|(底|末))(?:之?前)?(?:\s*[至到—\-～~]\s*(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日)?/gu;

/**
 * 3月28日为第1次调度，4月28日为第2次调度，依次类推，12月28日为第10次调度 — the members of a series of meetings, one a
 * month on the same day; each task's 第N次调度报结 is due on its meeting's day.
 */
const SERIES_MEMBER =
  /(\d{1,2})月(\d{1,2})日(?:为|是)第(\d{1,2})次([\p{Script=Han}]{1,4}?)(?=[，,。；;、]|$)/gu;

/** The series of numbered meetings a text defines ({@link SERIES_MEMBER}): 第N次调度 → its date. */
function readSeries(text: string): Map<string, string> {
  const members = new Map<string, Array<{ n: number; month: number; day: number; year: number }>>();
  for (const m of text.matchAll(SERIES_MEMBER)) {
    const year = yearBefore(text, m.index);
    if (!year) continue;
    const name = m[4] as string;
    members.set(name, [
      ...(members.get(name) ?? []),
      { n: Number(m[3]), month: Number(m[1]), day: Number(m[2]), year },
    ]);
  }
  const series = new Map<string, string>();
  for (const [name, said] of members) {
    const [first, ...rest] = [...said].sort((a, b) => a.n - b.n);
    // One a month on one day: every member said agrees (a second one needed to tell the step).
    if (!first || rest.length === 0) continue;
    const monthOf = (n: number) => first.month + (n - first.n);
    if (!rest.every((r) => r.day === first.day && monthOf(r.n) === r.month + (r.year - first.year) * 12))
      continue;
    const last = rest.at(-1)?.n ?? first.n;
    for (let n = first.n; n <= last; n++) {
      const months = monthOf(n) - 1;
      const year = first.year + Math.floor(months / 12);
      const month = (months % 12) + 1;
      series.set(`第${n}次${name}`, isoDate(year, month, Math.min(first.day, lastDayOfMonth(year, month))));
    }
  }
  return series;
}

/**
 * “供热前N日”，指自2025年10月1日往前推算N日的当日前 / “倒排N天”为完成时限，以2025年12月31日为基准日向前倒排N天 — words a
 * text counts days back from a date with: 供热前15日 is that date less 15 days. The words before N → the date counted from.
 */
const COUNTED_BACK =
  /[“"「]([\p{Script=Han}]{1,6}?)N[日天][”"」][^。“”]{0,30}?(\d{4})年(\d{1,2})月(\d{1,2})日[^。“”]{0,12}?(?:往|向)前(?:推算|倒推|倒排|推)/gu;

/**
 * “D”指上海合作组织峰会开幕日（按2025年8月31日计），“D-N”表示须于D日前第N日之前完成 — a capital letter a text makes a day,
 * counting days before (D-30) and after (D+60) it.
 */
const DAY_LETTER =
  /[“"「]([A-Z])(?:日)?[”"」](?:是)?(?:指|即|为)[^。“”]{0,30}?(\d{4})年(\d{1,2})月(\d{1,2})日/gu;

/** “××前N日”的，从该节点日期起往前倒数N日: any time the text names, counted back from. */
const NODE_COUNTED_BACK =
  /[“"「](?:××|XX|某某|某|X|×)前N[日天][”"」][^。]{0,30}?(?:往|向)前(?:倒数|推算|倒推|推)/u;

/**
 * A time a text counts in days from a date it names: where it is written (its first group the sign, - or +, empty
 * for days back; its second the number of days) and the date it counts from.
 */
export interface CountedTime {
  find: RegExp;
  base: string;
  /** Counted in working days from the day after the base (推进会后30个工作日), not in calendar days. */
  workdays?: boolean;
}

/**
 * “推进会后N个工作日”指自2025年4月15日…之日的次日起算，第N个工作日内完成 — working days counted from a dated event,
 * the words before the count as the tasks write them.
 */
const WORKDAYS_COUNTED =
  /[“"「]([\p{Script=Han}]{1,8}?后)N个工作日[”"」](?:是|即)?指(?:自|从)?\s*(\d{4})年(\d{1,2})月(\d{1,2})日/gu;

/**
 * The times a text counts in days from a date ({@link COUNTED_BACK}, {@link DAY_LETTER}, {@link NODE_COUNTED_BACK});
 * `named` is the text's named times where the caller has read them already.
 */
export function readCountedTimes(text: string, named?: ReadonlyMap<string, string>): CountedTime[] {
  const counted: CountedTime[] = [];
  for (const m of text.matchAll(COUNTED_BACK))
    counted.push({
      find: new RegExp(`${m[1]}()(\\d{1,3})[日天]`, "gu"),
      base: isoDate(Number(m[2]), Number(m[3]), Number(m[4])),
    });
  // 写作“××前N日”的，从该节点日期起往前倒数N日: days back from each time the text names (国庆前10日).
  if (NODE_COUNTED_BACK.test(text))
    for (const [word, base] of named ?? readNamedTimes(text))
      if (word.endsWith("前")) counted.push({ find: new RegExp(`${word}()(\\d{1,3})[日天]`, "gu"), base });
  for (const m of text.matchAll(WORKDAYS_COUNTED))
    counted.push({
      find: new RegExp(`${escapeRegExp(m[1] as string)}()(\\d{1,3})个工作日`, "gu"),
      base: isoDate(Number(m[2]), Number(m[3]), Number(m[4])),
      workdays: true,
    });
  for (const m of text.matchAll(DAY_LETTER))
    counted.push({
      find: new RegExp(`(?<![A-Za-z])${m[1]}\\s*([-+－＋])\\s*(\\d{1,3})(?![\\d日天])`, "gu"),
      base: isoDate(Number(m[2]), Number(m[3]), Number(m[4])),
    });
  return counted;
}

/** The date a counted time stands for, given its sign and days as found: its base, less (or, after +, plus) the days. */
export function countedDate(time: CountedTime, sign: string | undefined, days: string | undefined): string {
  if (time.workdays) return workdaysAfter(time.base, Number(days));
  return daysAfter(time.base, (/[+＋]/.test(sign ?? "") ? 1 : -1) * Number(days));
}

/** The ISO date `days` days after `base` (before it when negative: 2025-10-01 and -15 → 2025-09-16). */
function daysAfter(base: string, days: number): string {
  const day = new Date(`${base}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}

/** A deadline a notice's own word gives, quoted as the word (or the words counting from it) is written. */
function definedDeadline(written: string, date: string): Deadline {
  return {
    text: written,
    date,
    approximate: false,
    yearFromContext: false,
    recurring: false,
    sentence: written,
  };
}

/** Gives each task writing 供热前15日 (or D-30) the date it counts to (see {@link readCountedTimes}). */
export function applyCountedTimes(
  items: readonly Item[],
  counted: readonly CountedTime[],
  datedText: (item: Item) => string = (item) => item.text,
): void {
  for (const time of counted)
    for (const item of items)
      for (const m of datedText(item).matchAll(time.find)) {
        const date = countedDate(time, m[1], m[2]);
        // (国庆前10日 is no 国庆前: a date read from the word alone goes.)
        item.deadlines = item.deadlines.filter((d) => d.date === date || !m[0].startsWith(d.text));
        if (!item.deadlines.some((d) => d.date === date)) item.deadlines.push(definedDeadline(m[0], date));
      }
}

/**
 * 第1周为1月1日（星期三）至1月5日（星期日），此后每周自星期一起至星期日止 / 第1周为2024年12月30日至2025年1月5日，此后每7日为一周 —
 * the first week of a calendar a notice counts its time limits in (第N周); each later week ends seven days after the one
 * before.
 */
const FIRST_WEEK =
  /第[1一]周(?:为|是|指|即|自)\s*(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日(?:[（(][^）)\n]{0,6}[）)])?\s*(?:起)?\s*[至到—–~-]+\s*(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日/u;
/** “第N周”即须在该周星期日前完成 / 须于该周星期五前完成 — the day of its week a week's tasks are due. */
const WEEK_DUE_DAY = /该周(?:的)?(?:星期|周)([一二三四五六日天])(?:之)?前/u;
const WEEKDAYS = "日一二三四五六";

/**
 * The weeks of the calendar a text defines ({@link FIRST_WEEK}): 第N周 → the day it is due, the day of the week the
 * text names (星期五前) or else the week's last day.
 */
function readWeeks(text: string): Map<string, string> {
  const weeks = new Map<string, string>();
  const first = FIRST_WEEK.exec(text);
  if (!first) return weeks;
  const startYear = Number(first[1] ?? 0) || yearBefore(text, first.index);
  if (!startYear) return weeks;
  // 2024年12月30日至2025年1月5日: the end's own year, else the start's (the next one when the month comes round).
  const endYear = Number(first[4] ?? 0) || (Number(first[5]) < Number(first[2]) ? startYear + 1 : startYear);
  const firstEnd = isoDate(endYear, Number(first[5]), Number(first[6]));
  const dueDay = WEEK_DUE_DAY.exec(text)?.[1]?.replace("天", "日");
  // Days from a week's last day back to the day its tasks are due.
  const endsOn = new Date(`${firstEnd}T00:00:00Z`).getUTCDay();
  const back = dueDay ? (endsOn - WEEKDAYS.indexOf(dueDay) + 7) % 7 : 0;
  for (let n = 1; n <= 53; n++) weeks.set(`第${n}周`, daysAfter(firstEnd, 7 * (n - 1) - back));
  return weeks;
}

/**
 * “端午前”“国庆前”“元旦前”“春节前”分别指2025年5月30日前、2025年9月30日前、2025年12月31日前、2026年2月13日前 — words
 * and their dates in the same order.
 */
const NAMED_LIST =
  /((?:[“"「][\p{Script=Han}]{2,10}?[”"」][、和及，,]?\s*){2,})(?:的)?[，,]?\s*(?:依次|分别)(?:是指|指|为|是|对应)(?:在)?\s*((?:(?:\d{4}\s*年)?\d{1,2}月\d{1,2}日(?:之?前)?[、，,和及]?\s*){2,})/gu;

/** The words a text dates in one list ({@link NAMED_LIST}), paired in order; none where the counts differ. */
function readNamedList(text: string): Map<string, string> {
  const named = new Map<string, string>();
  for (const m of text.matchAll(NAMED_LIST)) {
    const words = [...(m[1] as string).matchAll(/[“"「]([\p{Script=Han}]{2,10}?)[”"」]/gu)].map(
      (w) => w[1] as string,
    );
    let year = yearBefore(text, m.index);
    const dates: string[] = [];
    for (const d of (m[2] as string).matchAll(/(?:(\d{4})\s*年)?(\d{1,2})月(\d{1,2})日/g)) {
      year = Number(d[1] ?? year);
      if (year) dates.push(isoDate(year, Number(d[2]), Number(d[3])));
    }
    if (dates.length !== words.length) continue;
    for (const [i, word] of words.entries()) named.set(word, dates[i] as string);
  }
  return named;
}

/**
 * 开展四轮交叉检查：第一轮4月1日至4月20日，第二轮6月9日至6月30日… — numbered rounds of a year, each with its span: a task
 * due at one (第二轮验收) is due on its last day.
 */
const ROUND =
  /(第[一二三四五六七八九十\d]{1,3}(?:轮|批|次|阶段))[：:]?\s*(?:自|从|为)?\s*(?:(\d{4})\s*年)?\d{1,2}月\d{1,2}日\s*(?:至|到|—|－|-|~)\s*(?:(\d{4})\s*年)?(\d{1,2})月(\d{1,2})日/gu;

/** The rounds a text dates ({@link ROUND}): 第二轮 → the day it ends. */
function readRounds(text: string): Map<string, string> {
  const rounds = new Map<string, string>();
  for (const m of text.matchAll(ROUND)) {
    const year = Number(m[3] ?? m[2] ?? 0) || yearBefore(text, m.index);
    if (year && !rounds.has(m[1] as string))
      rounds.set(m[1] as string, isoDate(year, Number(m[4]), Number(m[5])));
  }
  return rounds;
}

/** The words a text defines as dates (“采暖期前”是指2025年10月15日前): word → the date it means. */
export function readNamedTimes(text: string): Map<string, string> {
  const named = new Map([
    ...readSeries(text),
    ...readWeeks(text),
    ...readNamedList(text),
    ...readRounds(text),
  ]);
  for (const m of text.matchAll(NAMED_TIME)) {
    // (写“上半年”的，指6月30日前 — a year-less date is in the year the text last named: 指2025年该月底前.)
    const year = Number(m[2] ?? 0) || yearBefore(text, m.index);
    const month = Number(m[3]);
    if (!year) continue;
    // “秋禁期”，指2025年9月25日至11月30日 — a span: done by its last day, as its 末 is (秋禁期末).
    const endYear = Number(m[6] ?? 0) || year;
    const date = m[7]
      ? isoDate(endYear, Number(m[7]), Number(m[8]))
      : isoDate(year, month, m[4] ? Number(m[4]) : lastDayOfMonth(year, month));
    for (const quoted of (m[1] as string).matchAll(/[“"「]([\p{Script=Han}]{2,10}?)[”"」]/gu)) {
      const word = quoted[1] as string;
      if (!named.has(word)) named.set(word, date);
      if (m[7] && !named.has(`${word}末`)) named.set(`${word}末`, date);
    }
  }
  // 第一疗程为2025年5月31日前，第二疗程为…: numbered times of the notice's own word, unquoted.
  for (const m of text.matchAll(NUMBERED_TIME)) {
    const word = m[1] as string;
    const year = Number(m[2] ?? 0) || yearBefore(text, m.index);
    if (!year || named.has(word)) continue;
    const month = Number(m[3]);
    named.set(word, isoDate(year, month, m[4] ? Number(m[4]) : lastDayOfMonth(year, month)));
  }
  return named;
}

/** 第二疗程为2025年8月31日前 — a numbered time of a word the notice uses, said to be a day or a month's end. */
const NUMBERED_TIME =
  /(?<=^|[：:；;，,。\s])(第[一二三四五六七八九十]{1,2}[\p{Script=Han}]{1,3}?)(?:为|是|指)\s*(?:(\d{4})年)?(\d{1,2})月(?:(\d{1,2})日|底|末)(?:之?前)/gu;

/**
 * Gives each task that writes a word the notice defines as a date (采暖期前完成) that date, in place of
 * what the word would mean elsewhere.
 */
export function applyNamedTimes(
  items: readonly Item[],
  named: ReadonlyMap<string, string>,
  datedText: (item: Item) => string = (item) => item.text,
): void {
  for (const [word, date] of named) {
    // (秋禁期前 is a word of its own beside 秋禁期: a use of the longer is none of the shorter's.)
    const longer = [...named.keys()].filter((w) => w.length > word.length && w.startsWith(word));
    for (const item of items) {
      // (供热前15日 counts days back from the word: it is no use of the word's own date.)
      const text = datedText(item);
      const uses = [...text.matchAll(namedTimeUse(word))].filter(
        (m) => !longer.some((w) => text.startsWith(w, m.index + m[0].length - word.length)),
      );
      if (uses.length === 0) continue;
      const dates = new Set(uses.map((m) => inYear(date, m[1])));
      item.deadlines = item.deadlines.filter((d) => !d.text.includes(word) || dates.has(d.date ?? ""));
      for (const at of dates)
        if (!item.deadlines.some((d) => d.date === at)) item.deadlines.push(definedDeadline(word, at));
    }
  }
}

/**
 * Where a text uses a word it defines as a date, with the year written before it (2026年春播前: the same time of
 * 2026) as its first group — not where days are counted from it (供热前15日).
 */
export function namedTimeUse(word: string): RegExp {
  return new RegExp(`(?:(20\\d\\d)\\s*年)?${escapeRegExp(word)}(?!\\d{1,3}[日天])`, "g");
}

/** A defined date moved to the year written before its word (2025-04-30 in 2026 → 2026-04-30); as it is without one. */
export function inYear(date: string, year: string | undefined): string {
  if (!year) return date;
  const [, month, day] = date.split("-").map(Number);
  return isoDate(
    Number(year),
    month as number,
    Math.min(day as number, lastDayOfMonth(Number(year), month as number)),
  );
}

/** The phases and classes a text defines: name → the date it ends. */
export function readPhases(text: string): Map<string, string> {
  const phases = new Map<string, string>();
  for (const m of text.matchAll(PHASE)) {
    const year = Number(m[3] ?? m[2]);
    if (!year) continue;
    phases.set(m[1] as string, isoDate(year, Number(m[4]), Number(m[5])));
  }
  for (const m of text.matchAll(CLASS)) {
    const [year, month] = [Number(m[2]), Number(m[3])];
    const day = m[4] ? Number(m[4]) : lastDayOfMonth(year, month);
    const name = `${m[1]}类`;
    if (!phases.has(name)) phases.set(name, isoDate(year, month, day));
  }
  return phases;
}

/**
 * A time limit given as a phase (推进时段：集中攻坚阶段, 完成时限：巩固提升阶段) or as a class standing
 * as a part of a bracket (；Ⅲ类）, 时限：Ⅱ类).
 */
const BY_PHASE =
  /(?:推进时段|完成时限|时限|时间节点|完成时间)[:：]\s*([\p{Script=Han}]{2,8}阶段|[ⅠⅡⅢⅣⅤⅥⅦⅧA-F一二三四五六]类(?=[)）；;，,。]))|(?<=[；;（(])\s*([ⅠⅡⅢⅣⅤⅥⅦⅧA-F]类)\s*(?=[)）])/gu;

/** Gives each task that names a phase as its time limit the phase's end. */
export function applyPhases(items: readonly Item[], phases: ReadonlyMap<string, string>): void {
  if (phases.size === 0) return;
  for (const item of items) {
    for (const m of item.text.matchAll(BY_PHASE)) {
      const date = phases.get((m[1] ?? m[2]) as string);
      if (!date || item.deadlines.some((d) => d.date === date)) continue;
      const deadline: Deadline = {
        text: m[0],
        date,
        approximate: false,
        yearFromContext: true,
        recurring: false,
        sentence: m[0],
      };
      item.deadlines.push(deadline);
    }
  }
}
