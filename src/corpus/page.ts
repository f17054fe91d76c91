/**
 * The web page around a document: navigation and page fields above it, toolbars, link lists and site
 * footers below it, and the document's own closing lines (attachments, signature) that end its body.
 * Everything here decides about single lines, by marks the pages of the genre carry.
 */
import { trimmed } from "./lines.js";

/**
 * Page furniture above or beside the document: navigation, toolbars, share and print links, page
 * fields. A line is chrome when it carries one of these marks and is not a sentence of the document.
 */
const CHROME =
  /站群导航|加入收藏|设为首页|手机版|适老版|无障碍|您的位置|当前位置|全文检索|索引号|发布机构|生效日期|废止日期|文\s*号[:：]|所属主题|来源[:：]|发布时间|浏览次数|阅读次数|阅读字体|字号[:：]|【\s*字体|字体[:：]|【\s*大\s*中\s*小\s*】|打印正文|分享到|用户登录|^[【[［]\s*(?:标\s*题|来\s*源|发布时间|发布日期|发文日期|成文日期|字\s*号|文\s*号|发文字号|发布机构|索\s*引\s*号|主题分类|浏览次数|有\s*效\s*性)\s*[】\]］]|^[|×]$|^信息公开|政府信息公开$|^首页|>>|>\S+>/;

/** Whether a line is page furniture rather than text of the document. */
export function isChrome(line: string): boolean {
  const t = trimmed(line);
  if (t === "") return false;
  if (/[。；]$/.test(t)) return false; // a sentence of the document
  return CHROME.test(t) || /^[|｜×]+$/.test(t) || /\s\|\s|^\|/.test(t);
}

/**
 * Lines that end a document's body on its page: what follows them is never part of the last item.
 * Print and close buttons, "scan to open on a phone", related-link lists, share bars, site footers
 * (主办单位, 网站标识码, ICP numbers), lists of department sites, and the document's attachment list.
 */
const TAIL =
  /^(?:【\s*(?:(?:我要)?打印(?:本页|此页|正文|文章|页面|本文)?|关闭(?:窗口|本页|此页|页面)?|返回(?:顶部|首页)?)\s*】|(?:打印本页|打印此页|关闭窗口|关闭本页)(?:\s|$)|扫一扫|用手机扫|相关链接|相关文件|相关稿件|相关阅读|相关新闻|相关政策|相关解读|政策解读|分享到|主办单位$|(?:主办单位|主\s*办)\s*[:：]\s*[^、，,\s]*(?:人民政府|办公室|办公厅|网站|信息中心)|承办单位$|(?:承办单位|承\s*办)\s*[:：]\s*[^、，,\s]*(?:网站|信息中心|大数据|数据局|数据中心|电子政务|融媒体)|网站标识码|网站地图|联系我们|版权所有|政府部门网站|部门网站|县\(市、区\)政府网站|.{0,20}ICP备|.{0,20}公网安备|附件\s*[:：\d]|附件$|附件下载|相关附件)/;

/** Whether a line ends the body: page footer, link lists or the attachment list. */
export function isTailMarker(line: string): boolean {
  const t = trimmed(line);
  // 抄送：… closes an official document whatever its punctuation.
  if (/^抄\s*送\s*[:：]/.test(t)) return true;
  if (t === "" || /[。；]$/.test(t)) return false;
  return TAIL.test(t) || /^[^。，,；]{2,30}(?:\s\|\s[^。，,；]{2,30}){2,}$/.test(t);
}

/** Issuers as a signature or a page line names them: a government, its office, a ministry or commission. */
const ISSUER =
  /^(?:国务院(?:办公厅)?|[\u4e00-\u9fa5（）()〈〉、]{2,40}?(?:人民政府办公室|人民政府办公厅|人民政府|办公室|办公厅|委员会|管委会|局|厅|部|委))$/;

/** Whether a line is an issuer's name standing alone (X省人民政府, 国务院). */
export function isIssuerLine(line: string): boolean {
  return ISSUER.test(trimmed(line));
}

/** A date written as a line of its own: 2024年7月31日, 2024-03-22, 2024/8/17. */
const DATE_LINE = /^(\d{4})\s*(?:年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日|[-/.](\d{1,2})[-/.](\d{1,2}))$/;

/** A line that is only a date, as an ISO date; null otherwise. */
export function dateLine(line: string): string | null {
  const m = DATE_LINE.exec(trimmed(line));
  if (!m) return null;
  const month = m[2] ?? m[4];
  const day = m[3] ?? m[5];
  return `${m[1]}-${(month as string).padStart(2, "0")}-${(day as string).padStart(2, "0")}`;
}

/** Whether a date line is written the Chinese way (年月日), as a signature dates a document. */
export function isChineseDateLine(line: string): boolean {
  return /年.*月.*日$/.test(trimmed(line)) && dateLine(line) !== null;
}

/** A signature: issuer, date and 印发 on one line ("X办公室 2025年6月13日印发"). */
const SIGNATURE = /^(\S.{1,40}?)\s*(\d{4})年(\d{1,2})月(\d{1,2})日\s*(?:印发|发布|印)?$/;

/** What a one-line signature says: its issuer (if it names one) and date; null when it is none. */
export function signatureLine(line: string): { issuer: string | null; date: string } | null {
  const t = trimmed(line);
  const m = SIGNATURE.exec(t);
  if (!m) return null;
  const issuer = trimmed(m[1] as string);
  if (!ISSUER.test(issuer)) return null;
  const date = `${m[2]}-${(m[3] as string).padStart(2, "0")}-${(m[4] as string).padStart(2, "0")}`;
  return { issuer, date };
}

/**
 * A page field such as "生效日期: 2024-08-19" or "网站发布:2024/8/17" in the lines given; the first value
 * that is not empty, or null.
 */
export function pageField(lines: readonly string[], label: RegExp): string | null {
  // 【发布时间】2024-09-27: a label in lenticular brackets, as some pages write their fields.
  const pattern = new RegExp(`(?:${label.source})\\s*(?:[:：]|】)\\s*([^\\s【]+)`);
  // A label alone on its line (发文字号：) has its value on the next line, as a table copied as text has.
  const alone = new RegExp(`^\\s*(?:${label.source})\\s*[:：]\\s*$`);
  for (const [i, text] of lines.entries()) {
    const m = pattern.exec(text);
    if (m?.[1] && !/[:：]$/.test(m[1])) return m[1];
    const next = lines[i + 1]?.trim();
    if (alone.test(text) && next && !/[:：]$/.test(next) && !/\s/.test(next)) return next;
  }
  return null;
}
