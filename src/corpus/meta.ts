/**
 * A document's metadata from what its page says: the title block, the notice around the plan (its
 * date, its issuer's line, the plans issued with it), the page fields, the preamble (the documents it
 * implements) and the signature that closes it. Whatever the page does not say is null.
 */
import { type Line, trimmed } from "./lines.js";
import { dateLine, isChineseDateLine, isChrome, isIssuerLine, pageField } from "./page.js";
import type { IsoDate, PlanMeta } from "./schema.js";
import { DOC_NUMBER_LINE, type TitleBlock } from "./title-block.js";

/** A document number anywhere in a text (国发〔2023〕24号, 许政〔2024〕 17号). */
const DOC_NUMBER = /[\u4e00-\u9fa5]{1,10}〔\d{4}〕\s*\d+号/g;

/** A document number without its spaces: 许政〔2024〕 17号 and 许政〔2024〕17号 are the same number. */
export function docNumberKey(number: string): string {
  return number.replace(/\s+/g, "");
}

/** Titles in 《》 (keeping 〈〉 inside them), each with the offset after its closing 》. */
function bookTitles(text: string): Array<{ title: string; end: number }> {
  return [...text.matchAll(/《([^《》]+)》/g)].map((m) => ({
    title: m[1] as string,
    end: m.index + m[0].length,
  }));
}

/** Issuers written on one line with spaces between them (生态环境部　发展改革委) as a list: A、B. */
function issuers(written: string | null): string | null {
  if (!written) return null;
  const parts = written.trim().split(/[\s\u3000]+/);
  return parts.length > 1 && parts.every((p) => isIssuerLine(p)) ? parts.join("、") : written.trim();
}

/** An issuer named by its level alone: 县政府办公室, 市人民政府. */
const LEVEL_ONLY = /^(?:[省市县区]|自治区)(?:人民)?政府(?:办公室|办公厅)?$/;

/** Words of a clause that says which document a plan carries out. */
const IMPLEMENTING = /贯彻|落实|根据|依据|按照/;

/** The signature that closes the body, when there is one. */
export interface Signature {
  issuer: string | null;
  date: IsoDate | null;
}

/** What {@link readMeta} reads from. */
export interface MetaSources {
  lines: readonly Line[];
  block: TitleBlock;
  /** Index of the first section heading. */
  firstSection: number;
  signature: Signature | null;
}

const isoFromField = (text: string | null): IsoDate | null => {
  const m = text && /(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})/.exec(text);
  return m ? `${m[1]}-${(m[2] as string).padStart(2, "0")}-${(m[3] as string).padStart(2, "0")}` : null;
};

/** The metadata as read; the plan's title is null when the page gives none (the caller names it). */
export type ReadMeta = Omit<PlanMeta, "planTitle"> & { planTitle: string | null };

/** Reads the metadata from the title block, the notice, the page fields, the preamble and the signature. */
export function readMeta({ lines, block, firstSection, signature }: MetaSources): ReadMeta {
  const text = (i: number) => trimmed(lines[i] as Line);
  const range = (from: number, to: number) =>
    Array.from({ length: Math.max(0, to - from) }, (_, k) => from + k).filter(
      (i) => text(i) !== "" && !isChrome((lines[i] as Line).text),
    );

  // The notice: what stands before the plan's own title (above the title block too, when the page
  // opens with the notice's text), without the title block itself.
  const planAt = block.planTitleIndex >= 0 ? block.planTitleIndex : block.titleIndex;
  const noticeEnd = planAt >= 0 ? planAt : block.bodyFirst;
  const notice = range(0, noticeEnd).filter(
    (i) => i !== block.titleIndex && (i >= block.bodyFirst || i < block.titleIndex),
  );
  const preamble = range(block.bodyFirst, firstSection);
  // The page's fields (文　　号：…) stand above the title block or among the notice's lines.
  const fieldLines = lines.slice(0, Math.max(block.bodyFirst, noticeEnd)).map((l) => l.text);

  const planTitle =
    (block.planTitleIndex >= 0 ? text(block.planTitleIndex) : null) ??
    (block.title
      ? (bookTitles(block.title)[0]?.title ?? /关于印发(.+?)的通知/.exec(block.title)?.[1] ?? null)
      : null) ??
    // A notice that issues nothing (关于做好…工作的通知) is the document itself.
    (block.title && !/印发|转发/.test(block.title) ? block.title : null) ??
    null;

  // The notice's own date and the issuer lines that sign it (X市人民政府 / 2024年7月31日; a joint
  // notice stacks its issuers, one a line, above the date).
  const dateAt = notice.find((i) => isChineseDateLine(text(i)));
  const signedInNotice = dateAt !== undefined ? dateLine(text(dateAt)) : null;
  const signers: string[] = [];
  for (let at = dateAt === undefined ? -1 : dateAt - 1; at >= 0 && notice.includes(at); at--) {
    if (!isIssuerLine(text(at))) break;
    signers.unshift(text(at).trim());
  }
  const noticeSigner = signers.length > 0 ? signers.join("、") : null;

  // Titles in the notice and the preamble: those in the clause that issues (现将《A》《B》印发给你们)
  // are issued with the plan; those in other clauses (为贯彻落实《C》) are what it implements.
  // …or on a line of its own in the notice, under a letterhead (X人民政府办公室文件 / X政办发〔2024〕21号).
  const docNumber =
    block.docNumber ??
    pageField(fieldLines, /文\s*号|发文字号/) ??
    // 字号 is the font-size bar on most pages, but a few put the document number there.
    [pageField(fieldLines, /字\s*号/)].find((v) => v !== null && DOC_NUMBER_LINE.test(v)) ??
    notice.map(text).find((l) => DOC_NUMBER_LINE.test(l.trim())) ??
    null;
  const issuedWith: string[] = [];
  const implementsNumbers: string[] = [];
  const implementsTitles: string[] = [];
  for (const i of [...notice, ...preamble]) {
    const line = text(i);
    for (const m of line.matchAll(DOC_NUMBER)) {
      if (!preamble.includes(i)) break;
      const key = docNumberKey(m[0]);
      if (docNumber && key === docNumberKey(docNumber)) continue;
      if (!implementsNumbers.some((n) => docNumberKey(n) === key)) implementsNumbers.push(m[0]);
    }
    const inNotice = notice.includes(i);
    if (!inNotice && /印发给/.test(line)) continue; // the notice issuing the plan, not a document it implements
    for (const sentence of line.split(/(?<=[。；;])/)) {
      const issuing = inNotice && /印发/.test(sentence);
      for (const clause of sentence.split(/(?<=[，,])/)) {
        // 为贯彻落实《…》 names what the plan carries out, even in the sentence that issues it.
        const implementing = IMPLEMENTING.test(clause) && !/印发/.test(clause);
        if (inNotice && !issuing && !implementing) continue;
        for (const { title, end } of bookTitles(clause)) {
          if (title === planTitle) continue;
          if (issuing && !implementing) {
            if (!issuedWith.includes(title)) issuedWith.push(title);
            continue;
          }
          const numbered = /^\s*[(（][^)）]*〔\d{4}〕/.test(clause.slice(end));
          if (numbered || issuedWith.includes(title) || implementsTitles.includes(title)) continue;
          implementsTitles.push(title);
        }
      }
    }
  }

  return {
    title: block.title,
    planTitle,
    issuer: issuers(
      // A notice title's 县政府办公室 (the level alone) gives way to the full name the page or the
      // signature writes (某县人民政府办公室).
      [
        block.issuer,
        pageField(fieldLines, /发文机关|发文单位|发布机构/),
        noticeSigner,
        signature?.issuer,
      ].find((i): i is string => !!i && !LEVEL_ONLY.test(i)) ??
        block.issuer ??
        null,
    ),
    signed: signedInNotice ?? signature?.date ?? isoFromField(pageField(fieldLines, /成文日期|发文日期/)),
    published: isoFromField(pageField(fieldLines, /发布时间|发布日期|网站发布/)) ?? block.pageDate,
    effective: isoFromField(pageField(fieldLines, /生效日期|施行日期/)),
    docNumber,
    indexNumber: pageField(fieldLines, /索引号/),
    sourceOffice: pageField(fieldLines, /来源|发布机构/),
    implements: implementsNumbers,
    implementsTitles,
    issuedWith,
  };
}
