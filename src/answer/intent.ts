/**
 * What kind of question this is, beyond "find the clause": a department's task list, a deadline
 * timeline, or a question about one named plan. Pure functions over the normalised question.
 */
import { isoDate } from "../corpus/deadlines.js";

const HEATING_SEASON_START = { month: 11, day: 15 };

import type { Plan, Role } from "../corpus/schema.js";
import type { DeadlineFilter } from "./engine.js";

/** Words that ask what a department does. */
const DEPARTMENT_ASK =
  /负责|牵头|配合|任务|职责|职能|分工|干什么|做什么|管什么|管哪些|管啥|干啥|做啥|干哪些|要做|要干|工作|参与|涉及|相关|有关|哪几条|哪些条|responsib|\bleads?\b|\btasks?\b|in charge|\broles?\b|\bduties\b|\bdoes\b|\bdo\b|involv|related|concern/i;

/** Words that carry no topic in a department or deadline question, removed before measuring what is left. */
export const LISTING_FILLER =
  /什么时候|何时|时候|负责|牵头|配合|任务|职责|分工|职能|干什么|做什么|管什么|管哪些|管啥|干啥|做啥|干哪些|活|到底|要做|要干|工作|参与|涉及|相关|有关|哪几条|哪些条|哪些|什么|有哪些|分别|各项|全年|以内|完成|实现|目标|需要|要求|事项|事情|内容|期限|截止|到期|时间|时限|节点|前|之前|以前|年底|月底|年|月|日|号|底|条款|条|项|计划|行动计划|行动|方案|文件|日期|多少|空气质量|承担|担负|这个|里|中|内|商丘|市|全部|所有|列出|清单|deadlines?|due|tasks?|responsib\w*|leads?|roles?|duties|items?|what|which|must|be|done|by|end|of|the|is|are|for|does|do|in charge|involv\w*|related|concern\w*|list|all|plan/gi;

/** The role a department question singles out (城管局牵头哪些 → lead, 配合 → support); 负责 is generic. */
export function askedRole(text: string): Role | null {
  const lead = /牵头|\blead(?:s|ing)?\b/i.test(text);
  const support = /配合|协助|\bsupport(?:s|ing)?\b|\bassist/i.test(text);
  const responsible = /(?<!牵头)负责|\bresponsible\b/i.test(text);
  // "配合或负责" asks about both: no single role to put first.
  if (lead && !support && !responsible) return "lead";
  if (support && !lead && !responsible) return "support";
  return null;
}

/** True when a question names departments and asks what they do. */
export function asksDepartmentTasks(text: string, departments: readonly string[]): boolean {
  return departments.length > 0 && DEPARTMENT_ASK.test(text);
}

const MONTHS: Readonly<Record<string, number>> = {
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  may: 5,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** Words that ask for deadlines. */
const DEADLINE_ASK =
  /哪些|什么|任务|完成|到期|期限|截止|时间节点|时限|deadline|due|must be done|what|which|tasks?|overdue|逾期|过期/i;

/** A deadline question's filter, and the words that expressed it (to be removed before topic checks). */
export interface DeadlineQuery {
  filter: DeadlineFilter;
  /** The heating-season convention (采暖季前) rather than a written date. */
  heatingSeason: boolean;
  matched: string[];
}

/**
 * Reads the date a question asks about: 2024年年底前, 2025年8月底前, 到2025年, 2024年采暖季前,
 * "end of 2024", "by August 2025", a bare year with 到期/deadline, overdue or still open.
 * Null when the question names no date and asks for no deadline state.
 */
export function parseDeadlineQuery(text: string): DeadlineQuery | null {
  const lower = text.toLowerCase();
  const monthNames = Object.keys(MONTHS).join("|");
  const endOfMonth = (year: number, month: number): DeadlineFilter => ({
    date: isoDate(year, month, lastDay(year, month)),
  });
  const endOfYear = (year: number): DeadlineFilter => ({ date: isoDate(year, 12, 31) });
  // First match wins: the most precise forms come first.
  const forms: ReadonlyArray<readonly [RegExp, (m: RegExpExecArray) => DeadlineFilter, boolean?]> = [
    [/(\d{4})年(\d{1,2})月(?:底|末)?/, (m) => endOfMonth(Number(m[1]), Number(m[2]))],
    [
      /(\d{4})年?采暖季/,
      (m) => ({ date: isoDate(Number(m[1]), HEATING_SEASON_START.month, HEATING_SEASON_START.day) }),
      true,
    ],
    [/采暖季|heating season/, () => ({}), true],
    [/(?:到)?(\d{4})年(?:年底|底|年末|末)/, (m) => endOfYear(Number(m[1]))],
    [/end of (\d{4})|year-end (\d{4})/, (m) => endOfYear(Number(m[1] ?? m[2]))],
    [
      new RegExp(`(${monthNames}) (\\d{4})`),
      (m) => endOfMonth(Number(m[2]), MONTHS[m[1] as string] as number),
    ],
    [/到(\d{4})年/, (m) => endOfYear(Number(m[1]))],
  ];
  const matched: string[] = [];
  let filter: DeadlineFilter | null = null;
  let heatingSeason = false;
  for (const [pattern, toFilter, heating] of forms) {
    const m = pattern.exec(lower);
    if (!m) continue;
    matched.push(m[0]);
    filter = toFilter(m);
    heatingSeason = heating === true;
    break;
  }
  const year = /(\d{4})(?:年)?/.exec(lower);
  const asksDeadlines = /到期|期限|截止|时间节点|时限|deadlines?|due dates?|\bdue\b/.test(lower);
  if (!filter && year && asksDeadlines) {
    matched.push(year[0]);
    filter = { year: Number(year[1]) };
  }
  if (!filter && asksDeadlines) filter = {}; // every deadline of the plan
  if (/overdue|逾期|已过期|过期|已经过了|passed|已到期/.test(lower)) {
    filter = { ...(filter ?? {}), state: "passed" };
    matched.push("overdue");
  } else if (/还没到期|未到期|尚未到期|\bopen\b|still due|upcoming|未过期/.test(lower)) {
    filter = { ...(filter ?? {}), state: "open" };
  }
  if (!filter) return null;
  if (!DEADLINE_ASK.test(lower) && !heatingSeason) return null;
  return { filter, heatingSeason, matched };
}

/** "出自哪条", "which item says": the person wants the source, not a verdict. */
export function asksForSource(text: string): boolean {
  return /出自|出处|哪一?条|哪一?项|哪个条款|在哪里提到|哪里规定|which (?:item|clause|article)|where does .* (?:say|come from)|source of/i.test(
    text,
  );
}

/** Words that ask about the document itself: who issued it, when, under what number. */
const ABOUT_DOCUMENT =
  /生效|发布|印发|签发|发文|文号|索引号|废止|谁发的|哪个(?:部门|单位|机关)(?:发|印发|出台)|什么时候(?:出台|出的|发的)|出台|贯彻落实哪些|依据(?:哪些|什么)文件|上位文件|(?:多少|几)(?:项|条|部分)|how many (?:items|sections|tasks|parts)|\beffective\b|\bpublished\b|\bissued?\b|\bsigned\b|document number|index number|which documents? does it implement/gi;

/** The words of a question that ask about the document itself (生效, 印发, issued …); empty if none. */
export function documentQuestionWords(text: string): string[] {
  return text.match(ABOUT_DOCUMENT) ?? [];
}

/**
 * The phrase a source question quotes: “应收尽收” in quotes, or what is left of "六个百分之百出自哪条"
 * once the asking words are gone. Null when nothing phrase-like remains.
 */
export function quotedPhrase(text: string): string | null {
  const quoted = /[“"「『‘']([^”"」』’']{2,40})[”"」』’']/.exec(text);
  if (quoted) return quoted[1] as string;
  const rest = text
    .replace(
      /出自哪一?条|出自哪里|出自哪|出处是?|是哪一?条(?:里的|的)?|在哪一?条(?:里)?(?:提到|规定)?的?|哪一?条|哪一?项|哪个条款/g,
      "",
    )
    .replace(/[?？。!！,，\s]|是什么|的$/g, "");
  return rest.length >= 2 && rest.length <= 30 ? rest : null;
}

/** English words that name the national plan. */
const NATIONAL = /state council|national plan|national action plan|国务院|国家(?:的)?(?:行动)?计划|国发/i;

/**
 * The plans a question names (国务院 / State Council / 国发〔2023〕24号 / 商丘), or null when it names
 * none and every plan is in scope.
 */
export function plansNamed(text: string, plans: readonly Plan[]): Plan[] | null {
  const named = plans.filter((p) => {
    const { issuer, docNumber } = p.meta;
    if (docNumber && text.includes(docNumber)) return true;
    if (issuer === "国务院") return NATIONAL.test(text);
    const place = (issuer ?? "").replace(/(?:市|省|县|区)?人民政府$/, "");
    return place.length >= 2 && text.includes(place);
  });
  return named.length > 0 ? named : null;
}
