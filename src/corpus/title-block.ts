/**
 * The title block of a page: where the document's title stands, what it says, and the header lines
 * right under it (document number, a lone issuer line, the page's date, reading counters) that come
 * before the body. Real pages vary: a notice title with the issuer in it or on its own line above it,
 * a plan title with no notice, a page that opens with the notice's text and only later has the title.
 */
import { type Line, trimmed } from "./lines.js";
import { dateLine, isChineseDateLine, isChrome, isIssuerLine } from "./page.js";

/** A notice that issues a plan: X关于印发…的通知 (also 决定, 批复, 函). */
const NOTICE_TITLE = /^[^。；，,：:！？]{0,60}关于[^。；，,：:！？]{2,120}的(?:通知|决定|批复|函)$/;

/** A plan's own title: a line without sentence punctuation ending in a kind of plan (and its years: （2024—2025年）). */
const PLAN_TITLE =
  /^[^。；，,：:！？]{3,120}(?:行动计划|实施方案|行动方案|工作方案|攻坚方案|方案|计划|指导意见|实施意见|意见|规划|办法|细则|要点|措施)(?:\s*[（(]\s*\d{4}\s*(?:年\s*)?(?:[—–\-－~至]+\s*\d{4}\s*年?\s*)?[）)])?$/;

/** A document number on a line of its own, as written (许政〔2024〕 17号 keeps its space). */
export const DOC_NUMBER_LINE = /^[\u4e00-\u9fa5]{1,10}\s*[〔［[(（]\s*\d{4}\s*[〕］\])）]\s*\d+\s*号$/;

const isNumbered = (t: string) =>
  /^(?:[一二三四五六七八九十]+[、．]|[(（][一二三四五六七八九十\d]+[)）]|\d+[.．、])/.test(t);

/** Whether a line reads as a notice's title. */
export function isNoticeTitle(text: string): boolean {
  const t = trimmed(text);
  return NOTICE_TITLE.test(t) && !isNumbered(t);
}

/** Whether a line reads as a plan's own title (and not as a notice's). */
export function isPlanTitle(text: string): boolean {
  const t = trimmed(text);
  return PLAN_TITLE.test(t) && !isNoticeTitle(t) && !isNumbered(t) && !/^现将|印发给/.test(t);
}

/** What the title block says. */
export interface TitleBlock {
  /** Index of the title line, or -1 when the page has none before its first section. */
  titleIndex: number;
  /** Index of the first line of the body. */
  bodyFirst: number;
  /** The notice's title with its issuer (a lone issuer line above 关于… is part of it), or null. */
  title: string | null;
  /** Index of the plan's own title line (the last one before the first section), or -1. */
  planTitleIndex: number;
  /** The issuer the title block names: in the title, on a line above 关于…, or on a line under the title. */
  issuer: string | null;
  /** The document number on a line of its own under the title, as written. */
  docNumber: string | null;
  /** A date standing alone under the title (2024-03-22): the page's date. */
  pageDate: string | null;
}

/** The previous non-empty line before index `i`, or -1. */
function previousContent(lines: readonly Line[], i: number): number {
  for (let j = i - 1; j >= 0; j--) if (trimmed(lines[j] as Line) !== "") return j;
  return -1;
}

/**
 * Reads the title block from the lines before the first section (`firstSection` is that line's
 * index). Never throws: what the page does not say is null or -1.
 */
export function readTitleBlock(lines: readonly Line[], firstSection: number): TitleBlock {
  const head = lines.slice(0, firstSection);
  const titleIndex = head.findIndex(
    (l) => !isChrome(l.text) && (isNoticeTitle(l.text) || isPlanTitle(l.text)),
  );
  let planTitleIndex = -1;
  for (let i = Math.max(titleIndex, 0); i < firstSection; i++)
    if (titleIndex >= 0 && isPlanTitle((lines[i] as Line).text)) planTitleIndex = i;

  let title: string | null = null;
  let issuer: string | null = null;
  if (titleIndex >= 0) {
    const text = trimmed(lines[titleIndex] as Line);
    const before = previousContent(lines, titleIndex);
    const lone =
      before >= 0 && isIssuerLine((lines[before] as Line).text) ? trimmed(lines[before] as Line) : null;
    const named = /^(.+?)关于/.exec(text)?.[1] ?? null;
    if (isNoticeTitle(text)) title = !named && lone ? `${lone}${text}` : text;
    issuer = named ?? (text.startsWith("关于") ? lone : null);
    // A plan titled as no kind of plan (…重点工作任务) still heads its text with the title the notice issues.
    const issued = title ? /关于印发(.+?)的通知$/.exec(title)?.[1] : undefined;
    if (planTitleIndex < 0 && issued)
      for (let i = titleIndex + 1; i < firstSection; i++)
        if (trimmed(lines[i] as Line) === issued) planTitleIndex = i;
  }

  // Header lines under the title, before the body: number, issuer, page date, page furniture.
  let docNumber: string | null = null;
  let pageDate: string | null = null;
  let bodyFirst = titleIndex + 1;
  if (titleIndex >= 0) {
    while (bodyFirst < firstSection) {
      const line = lines[bodyFirst] as Line;
      const t = trimmed(line);
      if (t === "" || isChrome(line.text)) bodyFirst++;
      else if (!docNumber && DOC_NUMBER_LINE.test(t)) {
        docNumber = t;
        bodyFirst++;
      } else if (!pageDate && dateLine(t) && !isChineseDateLine(t)) {
        pageDate = dateLine(t);
        bodyFirst++;
      } else if (!issuer && isIssuerLine(t)) {
        issuer = t;
        bodyFirst++;
      } else break;
    }
  } else {
    bodyFirst = 0;
    while (bodyFirst < firstSection) {
      const line = lines[bodyFirst] as Line;
      if (trimmed(line) === "" || isChrome(line.text)) bodyFirst++;
      else break;
    }
  }
  return { titleIndex, bodyFirst, title, planTitleIndex, issuer, docNumber, pageDate };
}
