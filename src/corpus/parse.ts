/**
 * Raw page text → typed {@link Plan}. Generic over plans of this family: a title block, a preamble,
 * sections 一、… and items (一)… (half- or full-width brackets, numbered per section or across
 * sections, one paragraph or several), department parentheses anywhere in an item, and web-page chrome
 * around it all that is dropped.
 */
import { parseDeadlines } from "./deadlines.js";
import { canonicalDepartment, departmentFolds, sharedDepartments } from "./departments.js";
import { formatSmallNumeral, parseSmallNumeral } from "./numerals.js";
import { buildProfile, type GenreData, type ProfileFile } from "./profile.js";
import { parseQuantities } from "./quantities.js";
import { findBrackets, parseResponsibility } from "./responsibility.js";
import {
  type DepartmentRef,
  type IsoDate,
  type Item,
  type Part,
  Plan,
  type PlanMeta,
  type Section,
  type StandingNote,
} from "./schema.js";

/** Options for {@link parsePlan}. */
export interface ParseOptions {
  /** The genre's data (provinces, title words, departments): completes the document's profile. */
  genre: GenreData;
  /** The document's own profile file, when it has one. */
  profile?: ProfileFile | null;
}

/** A line of the source with its offsets. */
interface Line {
  text: string;
  start: number;
  end: number;
}

function splitLines(source: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (const raw of source.split("\n")) {
    const text = raw.replace(/\r$/, "");
    lines.push({ text, start, end: start + text.length });
    start += raw.length + 1;
  }
  return lines;
}

const SECTION = /^([一二三四五六七八九十]{1,3})、\s*(.+)$/;
const ITEM = /^[(（]([一二三四五六七八九十]{1,4})[)）]\s*(.*)$/;
const DOC_NUMBER = /[\u4e00-\u9fa5]{1,8}〔\d{4}〕\d+号/g;
const NOTICE_TITLE = /^.{2,80}(?:的通知|的决定|的意见|办法|方案|计划)$/;

/**
 * Web-page furniture: navigation, toolbars, share and print links, page metadata fields. A line is
 * chrome when it carries one of these marks and is not a sentence of the document.
 */
const CHROME =
  /站群导航|加入收藏|设为首页|手机版|适老版|无障碍|您的位置|全文检索|索引号|发布机构|生效日期|废止日期|文\s*号|所属主题|来源[:：]|发布时间|浏览次数|【字体|字体[:：]|打印正文|分享到|用户登录|^[|×]$|^信息公开|政府信息公开$|人民政府$|^首页/;

function isChrome(line: string): boolean {
  const t = line.trim();
  if (t === "") return false;
  if (/[。；]$/.test(t)) return false; // a sentence of the document
  return CHROME.test(t) || /^[|｜×]+$/.test(t) || /\s\|\s|^\|/.test(t);
}

/** A labelled field on the page ("生效日期: 2024-08-19"), or null. */
function field(lines: readonly Line[], label: RegExp): string | null {
  for (const { text } of lines) {
    const m = new RegExp(`${label.source}\\s*[:：]\\s*([^\\s]+)`).exec(text);
    if (m?.[1] && !/[:：]$/.test(m[1])) return m[1];
  }
  return null;
}

function dashedDate(text: string | null): IsoDate | null {
  const m = text && /(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})/.exec(text);
  return m ? `${m[1]}-${(m[2] as string).padStart(2, "0")}-${(m[3] as string).padStart(2, "0")}` : null;
}

/** The head sentence: after the number, up to the first full stop or line end, without the stop. */
function headSentence(itemText: string): string {
  const firstLine = (itemText.split("\n")[0] as string).replace(/^[(（][一二三四五六七八九十]+[)）]/, "");
  return firstLine.split("。")[0]?.trim() || firstLine.trim();
}

/**
 * Parses one document. `doc` is its id (the corpus file name without extension).
 * Throws when the text has no sections or items: that is not a plan this parser understands.
 * Parsing also makes the document's departments known to the shared department directory.
 */
export function parsePlan(doc: string, source: string, options: ParseOptions): Plan {
  const lines = splitLines(source);

  // Title block: the first line that reads like a document title, after any page chrome.
  const titleIndex = lines.findIndex((l) => !isChrome(l.text) && NOTICE_TITLE.test(l.text.trim()));
  if (titleIndex < 0) throw new Error(`${doc}: no document title found`);
  const title = (lines[titleIndex] as Line).text.trim();

  // Body: from the first content line after the title to the last content line.
  let first = titleIndex + 1;
  let docNumber: string | null = null;
  while (first < lines.length) {
    const t = (lines[first] as Line).text.trim();
    if (t === "" || isChrome(t)) first++;
    else if (/^[\u4e00-\u9fa5]{1,8}〔\d{4}〕\d+号$/.test(t)) {
      docNumber = t;
      first++;
    } else break;
  }
  let last = lines.length - 1;
  while (last > first && ((lines[last] as Line).text.trim() === "" || isChrome((lines[last] as Line).text)))
    last--;
  const bodyLines = lines.slice(first, last + 1);
  const body = { start: (lines[first] as Line).start, end: (lines[last] as Line).end };

  // Structure: every non-empty body line opens a part or continues the current one.
  interface Draft {
    kind: Part["kind"];
    ref: string;
    start: number;
    lines: Line[];
  }
  const drafts: Draft[] = [];
  const sections: Section[] = [];
  let section = 0;
  let lastNumber = 0;
  let preambleCount = 0;
  for (const line of bodyLines) {
    const t = line.text.trim();
    if (t === "") continue;
    const sm = SECTION.exec(t);
    const sectionNumber = sm ? parseSmallNumeral(sm[1] as string) : null;
    if (sm && sectionNumber === section + 1) {
      section = sectionNumber;
      sections.push({
        number: section,
        label: sm[1] as string,
        title: (sm[2] as string).trim(),
        span: { start: line.start, end: line.end },
      });
      drafts.push({ kind: "heading", ref: String(section), start: line.start, lines: [line] });
      continue;
    }
    const im = section > 0 ? ITEM.exec(t) : null;
    const itemNumber = im ? parseSmallNumeral(im[1] as string) : null;
    if (im && itemNumber !== null) {
      const current = drafts.at(-1);
      const firstInSection = current?.kind === "heading";
      // Numbering either restarts at (一) in each section or runs on across them.
      const expected = firstInSection ? [1, lastNumber + 1] : [lastNumber + 1];
      if (expected.includes(itemNumber)) {
        lastNumber = itemNumber;
        drafts.push({ kind: "item", ref: `${section}.${itemNumber}`, start: line.start, lines: [line] });
        continue;
      }
    }
    const current = drafts.at(-1);
    if (section === 0 || !current) {
      drafts.push({ kind: "preamble", ref: String(preambleCount++), start: line.start, lines: [line] });
    } else {
      current.lines.push(line); // a further paragraph of the same item (or heading)
    }
  }
  if (sections.length === 0) throw new Error(`${doc}: no sections (一、…) found`);

  const parts: Part[] = drafts.map((d, i) => ({
    kind: d.kind,
    ref: d.ref,
    span: { start: d.start, end: drafts[i + 1]?.start ?? body.end },
  }));

  // Items.
  const items: Item[] = [];
  const standingNotes: StandingNote[] = [];
  const folds = departmentFolds(options.profile?.departments ?? []);
  const canonical = (written: string) => canonicalDepartment(written, folds);
  for (const d of drafts) {
    if (d.kind !== "item") continue;
    const start = d.start;
    const end = (d.lines.at(-1) as Line).end;
    const text = source.slice(start, end);
    const [sec, num] = d.ref.split(".").map(Number) as [number, number];
    const sectionLabel = (sections[sec - 1] as Section).label;
    const departments: DepartmentRef[] = [];
    for (const bracket of findBrackets(text)) {
      const r = parseResponsibility(bracket.inner, canonical);
      if (!r) continue;
      departments.push(...r.departments);
      if (r.standingNote) standingNotes.push({ ...r.standingNote, from: d.ref });
    }
    items.push({
      doc,
      id: d.ref,
      path: [sec, num],
      level: 2,
      parent: null,
      label: `${sectionLabel}(${formatSmallNumeral(num)})`,
      section: sec,
      number: num,
      title: headSentence(text),
      text,
      span: { start, end },
      departments,
      deadlines: [],
      quantities: parseQuantities(text),
      standingNote: null,
    });
  }
  if (items.length === 0) throw new Error(`${doc}: no items ((一)…) found`);
  for (const note of standingNotes) {
    const from = items.findIndex((i) => i.id === note.from);
    for (const item of items.slice(from + 1)) item.standingNote = note;
  }

  const meta = parseMeta(lines.slice(0, first), title, docNumber, drafts);
  const profile = buildProfile(
    doc,
    meta,
    source.slice(body.start, body.end),
    options.genre,
    options.profile ?? null,
  );
  for (const item of items)
    item.deadlines = parseDeadlines(item.text, { heatingSeason: profile.heatingSeason });
  const plan = Plan.parse({ doc, meta, profile, source, body, parts, sections, items, standingNotes });
  sharedDepartments().addDocument(
    options.profile?.departments ?? [],
    [...plan.items.flatMap((i) => i.departments), ...plan.standingNotes.flatMap((n) => n.departments)].map(
      (d) => d.name,
    ),
  );
  return plan;
}

/** Metadata from the page fields above the title and from the preamble (signing date, cited plans). */
function parseMeta(
  head: readonly Line[],
  title: string,
  docNumber: string | null,
  drafts: ReadonlyArray<{ kind: Part["kind"]; lines: Line[] }>,
): PlanMeta {
  const preamble = drafts
    .filter((d) => d.kind === "preamble")
    .flatMap((d) => d.lines.map((l) => l.text.trim()));
  const planTitle = /《(.+?)》/.exec(title)?.[1] ?? /关于印发(.+?)的通知/.exec(title)?.[1] ?? title;
  const issuer =
    /^(.+?)关于/.exec(title)?.[1] ?? preamble.find((l) => /(政府|国务院|办公厅|委员会)$/.test(l)) ?? "";
  const signedLine = preamble.find((l) => /^\d{4}年\d{1,2}月\d{1,2}日$/.test(l));
  const implementsNumbers: string[] = [];
  for (const line of preamble) {
    for (const m of line.matchAll(DOC_NUMBER)) {
      if (m[0] !== docNumber && !implementsNumbers.includes(m[0])) implementsNumbers.push(m[0]);
    }
  }
  return {
    title,
    planTitle,
    issuer,
    signed: dashedDate(signedLine ?? null),
    published: dashedDate(field(head, /发布时间/)),
    effective: dashedDate(field(head, /生效日期/)),
    docNumber: docNumber ?? field(head, /文\s*号/),
    indexNumber: field(head, /索引号/),
    sourceOffice: field(head, /来源/),
    implements: implementsNumbers,
    implementsTitles: [],
  };
}
