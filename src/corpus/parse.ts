/**
 * Raw page text → typed {@link Plan}. Generic over plans of the genre: a title block (or none), a
 * notice, a preamble, sections 一、 with entries numbered (一) → 1. → (1) below them (numbered per
 * section or across sections, one paragraph or several), department clauses anywhere in an entry,
 * and the page around it all — navigation above, toolbars, link lists, footers, the attachment list
 * and the signature below — which is never part of an entry.
 */
import {
  applyDispatchLines,
  applyDivisionPoints,
  applyItemParagraphs,
  applyNamesForPoints,
  applyNumberedAssignments,
  applyPartPointers,
  applySameBelow,
  applySectionDefaults,
  datePointsByNumber,
  dateTasksByNumber,
  dutyLineDepartments,
  followReferences,
  inheritGroupDepartments,
  takeNumberedAssignments,
} from "./assignments.js";
import {
  bracketClause,
  chainClause,
  definesRoleSets,
  expandChainBracket,
  expandCodes,
  expandRoleSets,
  expandShortForms,
  expandTeams,
  expandUnitModes,
  expandValueRoles,
  leadMarkedLabels,
  markedLabels,
  markedLine,
  numberBracketClause,
  openingVerbRole,
  type PlanConventions,
  placesCarryOut,
  readPlanConventions,
  rolesByForm,
  type TaskKindRule,
  withCountedDates,
  withFieldColons,
  withNamedDates,
  withRoleWords,
  withSentenceRole,
  withWeightRoles,
} from "./conventions.js";
import { parseDeadlines, SAME_TIME_AS } from "./deadlines.js";
import type { ProfileDepartment } from "./department-data.js";
import { canonicalDepartment, departmentFolds, escapeRegExp, sharedDepartments } from "./departments.js";
import { notesOf, readFootnotes } from "./footnotes.js";
import { reflowLayoutTable } from "./layout-table.js";
import { type Line, splitInlinePoints, splitLines, trimmed } from "./lines.js";
import { applyMarkLists, isMarkListLine } from "./mark-lists.js";
import { readMeta, type Signature } from "./meta.js";
import { readUnitKey, withoutUnitKey, withUnitNames } from "./numbered-units.js";
import { dateLine, isChineseDateLine, isChrome, isIssuerLine, isTailMarker, signatureLine } from "./page.js";
import { parsePeriods } from "./periods.js";
import {
  applyCountedTimes,
  applyNamedTimes,
  applyPhases,
  readCountedTimes,
  readNamedTimes,
  readPhases,
} from "./phases.js";
import { pipeTableRows } from "./pipe-table.js";
import { applyDepartmentLists, applyPointingSections, applySameTimes, applyTaskBlocks } from "./pointers.js";
import { buildProfile, type GenreData, type ProfileFile } from "./profile.js";
import { parseQuantities } from "./quantities.js";
import {
  type Bracket,
  findBrackets,
  hasRoleVerb,
  headedDepartments,
  isDepartmentName,
  isDivisionLine,
  isRoleSentence,
  isTimeLabelLine,
  isTimeLimit,
  openingDepartments,
  outsideBrackets,
  parseBareNames,
  parseLabelledResponsibility,
  parseResponsibility,
  parseSubjectDepartments,
  splitTopLevel,
  startsWithLabel,
  strongestRoles,
} from "./responsibility.js";
import {
  type DepartmentRef,
  type Item,
  type Part,
  Plan,
  type Role,
  type Section,
  type StandingNote,
} from "./schema.js";
import { type Draft, readStructure } from "./structure.js";
import {
  type Cell,
  isTableHeader,
  readDivisionTable,
  readTableColumns,
  rowCells,
  rowResponsibility,
  rowTask,
  splitMergedGroups,
  withMergedCells,
} from "./table.js";
import { isPlanTitle, readTitleBlock } from "./title-block.js";

/** Options for {@link parsePlan}. */
export interface ParseOptions {
  /** The genre's data (provinces, title words, departments): completes the document's profile. */
  genre: GenreData;
  /** The document's own profile file, when it has one. */
  profile?: ProfileFile | null;
}

/** A task said to have no end: its time limit is that it goes on. */
const STANDING_TIME = /[；;，,（(](?:长期坚持|(?:全年|常态化)?持续推进|常态化推进|长期推进)[）)]/;

/** Brackets holding only time limits: （2025年12月底前）, （长期坚持）. */
/** Angle brackets holding labelled lists (〈领衔：X｜协同：Y｜时限：…〉), not a name's own 〈市、区〉. */
const ANGLED_LABELS = /〈([^〈〉\n]*?[:：][^〈〉\n]*)〉/g;

/** 未注明年份的，均为2025年 / 时限未标明年份的指2025年: the year a notice gives dates written without one. */
const UNDATED_YEAR =
  /未(?:注明|标明|写明|明确|标注)年份的[^。；;月]{0,16}?(?:均|一律)?(?:为|指|是|按)(20\d\d)年/;
/**
 * 时限一律省略年份：写明4月至12月的，指2025年；写明1月至3月的，指2026年 — the year of a year-less date by its month, where
 * the notice says its dates leave the year out.
 */
const YEAR_LEFT_OUT = /(?:省略|略去|不写|未写|未注明|不注明)年份/;
const MONTHS_YEAR = /(\d{1,2})月(?:至|到|—|-|~)(\d{1,2})月的?[，,]?\s*(?:均|一律)?(?:指|为|是|按)(20\d\d)年/g;

/** The years a notice gives year-less dates by their months (see {@link YEAR_LEFT_OUT}); empty when it gives none. */
function monthYears(text: string): Array<{ from: number; to: number; year: number }> {
  if (!YEAR_LEFT_OUT.test(text)) return [];
  return [...text.matchAll(MONTHS_YEAR)].map((m) => ({
    from: Number(m[1]),
    to: Number(m[2]),
    year: Number(m[3]),
  }));
}
const TIME_BRACKETS = /^(?:[(（][^（）()]*(?:\d{4}年|\d{1,2}月|年底|长期|持续|常态化)[^（）()]*[)）])+$/;

/** 上述第2—3项： opening a bracket: it speaks for those tasks of the level. */
const COVERS = /^\s*(?:上述|以上)?第(\d{1,2})(?:\s*[—–\-~至到、]\s*(\d{1,2}))?项\s*[:：]\s*/;
/** 第1点、第2点：… — the points of the task a part of its closing bracket is for (括号内“第×点”指…第×个要点). */
const FOR_POINTS = /(?:^|[；;])\s*((?:第\d{1,2}点\s*[、，,和及]?\s*)+)[:：]/g;

/**
 * （第1点、第2点：X牵头，Y配合，date；第3点：A、B，date）: the parts of a bracket closing a task's points,
 * each with the numbers of the points it is for. Empty for any other bracket.
 */
function partsForPoints(inner: string): Array<{ points: number[]; clause: string }> {
  const heads = [...inner.matchAll(FOR_POINTS)];
  if (heads.length === 0 || (heads[0]?.index ?? 0) > 0) return [];
  return heads.map((m, i) => {
    const from = (m.index ?? 0) + m[0].length;
    const to = heads[i + 1]?.index ?? inner.length;
    const points = [...(m[1] as string).matchAll(/第(\d{1,2})点/g)].map((p) => Number(p[1]));
    return { points, clause: inner.slice(from, to).trim() };
  });
}

/** …；下同 closing a bracket: it holds for the tasks after it too. */
const SAME_BELOW = /\s*[；;，,]\s*下同\s*$/;

/** A section heading 一、, 第一章 or 行动一： (the first one starts the body's structure). */
const FIRST_SECTION = /^一\s*[、．]\s*\S|^第一(?:章|部分)\s*\S|^行动一\s*[：:、]\s*\S/;

/**
 * The line of the body's first section heading. A contents list (目录: 一、… 二、… on the lines after
 * each other, nothing between) is passed over: the body starts where its first heading comes again.
 */
function findFirstSection(lines: readonly Line[]): {
  index: number;
  contents: [number, number];
  /** Whether the notice numbered points of its own (一、…) that are not the plan's sections. */
  noticePoints: boolean;
} {
  let first = lines.findIndex((l) => FIRST_SECTION.test(trimmed(l)));
  let noticePoints = false;
  // A notice numbering its own points (一、《方案》各项任务后括号内…) before its signature and the plan's
  // title (or before the title its own title names): the plan's sections start at the 一、 after that title.
  for (;;) {
    const next = lines.findIndex((l, i) => i > first && FIRST_SECTION.test(trimmed(l)));
    if (first < 0 || next < 0) break;
    const between = lines.slice(first + 1, next);
    const signed = between.some((l) => isChineseDateLine(l.text));
    const titled = between.some((l) => isPlanTitle(l.text) && !FIRST_SECTION.test(trimmed(l)));
    // …or, unsigned there, the plan's own title on a line of its own, as the notice's title names it.
    const noticeTitle = lines
      .slice(0, first)
      .map((l) => l.text)
      .join("");
    const named = between.some(
      (l) => isPlanTitle(l.text) && trimmed(l).length >= 8 && noticeTitle.includes(trimmed(l)),
    );
    if (!((signed && titled) || named)) break;
    first = next;
    noticePoints = true;
  }
  const none = { index: first, contents: [0, 0] as [number, number], noticePoints };
  if (first < 0) return none;
  const next = lines.slice(first + 1).find((l) => trimmed(l) !== "");
  const listed =
    next !== undefined && /^(?:二\s*[、．]|第二(?:章|部分)|行动二\s*[：:、])\S{1,30}$/.test(trimmed(next));
  if (!listed) return none;
  const heading = trimmed(lines[first] as Line);
  const again = lines.findIndex((l, i) => i > first + 1 && trimmed(l) === heading);
  if (again < 0) return none;
  // The list runs from its first heading to its last line before a blank line.
  let end = first;
  while (end < again && trimmed(lines[end] as Line) !== "") end++;
  return { index: again, contents: [first, end], noticePoints };
}

/** Where a line's text begins and ends in the source, without the spaces around it. */
function contentSpan(line: Line): { start: number; end: number } {
  // A rebuilt table row spans its lines in the source, spaces and all.
  if (line.reflowed) return { start: line.start, end: line.end };
  const t = trimmed(line);
  const at = line.text.indexOf(t);
  return { start: line.start + at, end: line.start + at + t.length };
}

/**
 * Where the body ends: the first line after the first section that is page footer, an attachment
 * list or the signature (issuer lines with a date line under them, a date line alone, or
 * "X办公室 2025年6月13日印发"). Returns the index of that line (or the line count) and the signature.
 */
function findBodyEnd(lines: readonly Line[], from: number): { end: number; signature: Signature | null } {
  for (let i = from; i < lines.length; i++) {
    const text = (lines[i] as Line).text;
    if (trimmed(text) === "") continue;
    // An attachment list may stand above the signature (附件：1.… 2.… / X县人民政府办公室 / 2025年4月15日).
    if (isTailMarker(text))
      return { end: i, signature: ATTACHMENT_LIST.test(trimmed(text)) ? signatureAfterList(lines, i) : null };
    const signature = signatureAt(lines, i);
    if (signature) return { end: i, signature };
  }
  return { end: lines.length, signature: null };
}

/** An attachment list's first line (附件：1.…, 附件1, 附件) and the entries under it (2.…, 附件2：…). */
const ATTACHMENT_LIST = /^附\s*件/;
const ATTACHMENT_ENTRY = /^(?:附\s*件\s*)?\d{1,2}\s*[.．、:：]/;

/** The signature right under an attachment list that starts at `at`, if one stands there. */
function signatureAfterList(lines: readonly Line[], at: number): Signature | null {
  for (let i = at + 1; i < lines.length; i++) {
    const text = trimmed(lines[i] as Line);
    if (text === "" || ATTACHMENT_ENTRY.test(text)) continue;
    return signatureAt(lines, i);
  }
  return null;
}

/**
 * The signature that starts at line `i`: "X办公室 2025年6月13日印发" on one line, a date line alone, or
 * issuer lines — one, or several for a joint notice — with the date under them.
 */
function signatureAt(lines: readonly Line[], i: number): Signature | null {
  const text = (lines[i] as Line).text;
  const nextContent = (k: number) => {
    for (let j = k + 1; j < lines.length; j++) if (trimmed(lines[j] as Line) !== "") return j;
    return -1;
  };
  const oneLine = signatureLine(text);
  if (oneLine) return oneLine;
  if (isChineseDateLine(text)) return { issuer: null, date: dateLine(text) };
  if (!isIssuerLine(text)) return null;
  const issuers = [trimmed(lines[i] as Line)];
  let next = nextContent(i);
  while (next >= 0 && isIssuerLine((lines[next] as Line).text)) {
    issuers.push(trimmed(lines[next] as Line));
    next = nextContent(next);
  }
  return next >= 0 && isChineseDateLine((lines[next] as Line).text)
    ? { issuer: issuers.join("、"), date: dateLine((lines[next] as Line).text) }
    : null;
}

/**
 * A task's text up to a box set apart after it (专栏2　重点项目, listing projects with dates of their
 * own): the box is read with the task, but its dates are its projects', not the task's.
 */
function withoutBox(text: string): string {
  return text.split(/\n[\s　]*专栏\s*[\d一二三四五六七八九十]{1,3}(?=[\s　：:、])/)[0] as string;
}

/** A time limit in lenticular brackets before a task: 【2025年6月底前】, 【持续推进】. */
const TIME_TAG =
  /^【\s*(?:[^】]*\d{1,2}\s*[月日][^】]*|[^】]*年底前|持续推进|长期坚持|持续开展|常态化推进)\s*】\s*/;

/** The head sentence of an entry: after its number, up to the first full stop or the line's end. */
function headSentence(firstLine: string): string {
  // 【2025年6月底前】完成… — a time limit tagged before the task is no part of its title.
  const line = firstLine.trim().replace(TIME_TAG, "");
  // 【严把项目准入关】责任单位：… — a title in lenticular brackets is the whole title.
  const titled = /^【([^】]+)】/.exec(line);
  if (titled) return titled[1] as string;
  const head = line.split("。")[0]?.trim() ?? "";
  return head || line;
}

/**
 * Parses one document. `doc` is its id (the corpus file name without extension). Metadata the page
 * lacks is null. Throws only when the text has no sections (一、…): that is not a plan of the genre.
 * Parsing also makes the document's departments known to the shared department directory.
 */
export function parsePlan(doc: string, source: string, options: ParseOptions): Plan {
  // Points that run on in one paragraph ((1)…；(2)…) are entries as on lines of their own.
  // A Markdown pipe table's rows are read as a pasted table's tab-parted rows.
  const sourceLines = splitInlinePoints(pipeTableRows(splitLines(source)));
  const { index: firstSection, contents, noticePoints } = findFirstSection(sourceLines);
  // A contents list before the body is no structure: its headings are read as blank lines.
  const lines = sourceLines.map((l, i) => (i >= contents[0] && i < contents[1] ? { ...l, text: "" } : l));
  if (firstSection < 0) throw new Error(`${doc}: no sections (一、…) found`);

  const titleBlock = readTitleBlock(lines, firstSection);
  // The notice's own numbered points stay the notice's: the body starts at the plan's title.
  const block =
    noticePoints && titleBlock.planTitleIndex > titleBlock.bodyFirst
      ? { ...titleBlock, bodyFirst: titleBlock.planTitleIndex }
      : titleBlock;
  const found = findBodyEnd(lines, firstSection + 1);
  const signature = found.signature;
  // A note list after the body (注释：[1] 牵头单位：…) gives the tasks that carry its markers their
  // departments and time limits; the body ends where it begins.
  const footnotes = readFootnotes(
    lines.map((l) => l.text),
    firstSection + 1,
  );
  const end = footnotes && footnotes.heading < found.end ? footnotes.heading : found.end;
  let last = end - 1;
  while (
    last > block.bodyFirst &&
    (trimmed(lines[last] as Line) === "" || isChrome((lines[last] as Line).text))
  )
    last--;
  const first = block.bodyFirst;
  const body = { start: (lines[first] as Line).start, end: contentSpan(lines[last] as Line).end };
  // A task list published as a table: its rows are the entries, its columns say the roles.
  const table = splitMergedGroups(
    reflowLayoutTable(lines.slice(first, last + 1), isTableHeader),
    readTableColumns(lines.slice(0, last + 1)),
  );
  const folds = departmentFolds(options.profile?.departments ?? []);
  const canonical = (written: string) => canonicalDepartment(written, folds);
  // What the opening says once for every task: the order of a 责任单位 list, who carries out all.
  const opening = lines
    .slice(block.bodyFirst, firstSection)
    .map((l) => l.text)
    .join("\n");
  // The notice that issues the plan may state how its brackets read (括号内所列单位为牵头单位).
  const notice = lines
    .slice(0, block.bodyFirst)
    .map((l) => l.text)
    .join("\n");
  // …and the rest of the document: some state their rules at the end (注：…, 明确部门分工).
  const rest = lines
    .slice(firstSection)
    .map((l) => l.text)
    .join("\n");
  const conventions = readPlanConventions(opening, canonical, notice, rest);
  const columns = table.columns;
  // 【统筹】 opening a line is a field when the notice makes it a label, no titled item.
  const { sections, drafts } = readStructure(table.lines, {
    rows: columns !== null,
    isLabel: (word) => conventions.definedWords.has(word) || conventions.fieldNames.has(word),
  });
  if (sections.length === 0) throw new Error(`${doc}: no sections (一、…) found`);

  const parts: Part[] = drafts.map((d, i) => ({
    kind: d.kind,
    ref: d.ref,
    span: { start: d.start, end: drafts[i + 1]?.start ?? body.end },
  }));

  // The notice (its signature and date among its lines) is read as in any document: from the title block on.
  const read = readMeta({ lines, block: titleBlock, firstSection, signature });
  const meta = { ...read, planTitle: read.planTitle ?? doc };
  const profile = buildProfile(
    doc,
    meta,
    source.slice(body.start, body.end),
    options.genre,
    options.profile ?? null,
    source,
  );

  // A plan about one year (…2025年大气污染防治攻坚行动方案, not 2024—2025年): its year-less deadlines fall in it.
  const titleYears = [...meta.planTitle.matchAll(/(20\d\d)\s*年/g)].map((m) => Number(m[1]));
  const planYear =
    titleYears.length === 1 && !/\d{4}\s*[—–\-~至到]\s*\d{4}/.test(meta.planTitle) ? titleYears[0] : null;
  const signedYear = meta.signed ? Number(meta.signed.slice(0, 4)) : null;
  // 县发展和改革局〔召集〕: the plan's tag of a lead, read as （牵头）.
  const withLeadTag = (text: string) =>
    conventions.leadTag ? text.split(conventions.leadTag).join("（牵头）") : text;
  // 〖分工〗 is a label as 【分工】 is; 〈领衔：X｜协同：Y〉 a bracket of labels as （领衔：X；协同：Y） is;
  // the words the notice defines read as their roles.
  // 落实单位：区发改局①，区行政审批局② — names the notice's marks give their roles, as labelled lists.
  // 责任单位：市住建局√、市城管执法局 — a line whose leads carry the plan's mark of a lead, likewise.
  const { leadMark } = conventions;
  const withMarkedLists = (text: string) =>
    conventions.lineMarks.size === 0 && !leadMark
      ? text
      : text
          .split("\n")
          .map(
            (line) =>
              (conventions.lineMarks.size > 0 ? markedLabels(line, conventions.lineMarks) : null) ??
              (leadMark
                ? leadMarkedLabels(
                    line,
                    leadMark,
                    conventions.unmarkedBesideLead ?? "support",
                    conventions.localRole,
                  )
                : null) ??
              line,
          )
          .join("\n");
  const weighted = (text: string) =>
    conventions.weights ? withWeightRoles(text, conventions.weights) : text;
  const opensWithLabel = (line: string) =>
    startsWithLabel(withRoleWords(weighted(line), conventions.roleWords)) ||
    (conventions.lineMarks.size > 0 && markedLabels(line, conventions.lineMarks) !== null);
  // 限办：6月 — the words the notice defines as the time limit's label are its label (时限：).
  const timeLabel =
    conventions.timeWords.length > 0
      ? new RegExp(
          `(?<=^|[（(［\\[〔【】；;，,。\\s])(?:本点|该点|此点)?(?:${conventions.timeWords.map(escapeRegExp).join("|")})(?=\\s*[:：])`,
          "g",
        )
      : null;
  const withTimeLabel = (text: string) => (timeLabel ? text.replace(timeLabel, "时限") : text);
  // （X领跑，Y陪跑；10月冲线） — the word after a time that says it is the time limit ("冲线"前为完成时限) reads as 前.
  // (A word of one character — “效”后为完成时限 — is a label only: 见实效 is no time.)
  const suffixWords = conventions.timeWords.filter((word) => word.length >= 2);
  const timeSuffix =
    suffixWords.length > 0
      ? new RegExp(
          `(前)?(?<=[\\p{Script=Han}\\d])(?:${suffixWords.map(escapeRegExp).join("|")})(?=\\s*(?:[）)；;，,。]|$))`,
          "gu",
        )
      : null;
  const withTimeSuffix = (text: string) => (timeSuffix ? text.replace(timeSuffix, "前") : text);
  const labelled = (text: string) =>
    parseLabelledResponsibility(
      withRoleWords(
        withMarkedLists(withLeadTag(weighted(withTimeLabel(text))))
          .replace(/〖([^〖〗\n]{1,6})〗/g, "【$1】")
          .replace(ANGLED_LABELS, (_, inner: string) => `（${inner.replace(/[｜|]/g, "；")}）`),
        conventions.roleWords,
      ),
      canonical,
      conventions.othersAfterLead,
      conventions.unmarkedBesideLead,
    );
  // A document about a season across the year's end (2025—2026年秋冬季), signed in its first year.
  const season = /(20\d\d)\s*[—–\-~至到]\s*(20\d\d)\s*年/.exec(meta.planTitle);
  const seasonFrom =
    season && Number(season[2]) === Number(season[1]) + 1 && signedYear === Number(season[1])
      ? meta.signed
      : null;
  // 完成期限未注明年份的，均为2025年: the notice's year for year-less dates, where the title gives none.
  const statedYear = UNDATED_YEAR.exec(`${notice}\n${opening}`)?.[1];
  const deadlineOptions = {
    heatingSeason: profile.heatingSeason,
    year: planYear ?? (statedYear ? Number(statedYear) : null),
    since: signedYear,
    seasonFrom,
    issued: meta.signed,
    timeLabels: conventions.timeWords,
    monthDayYear: conventions.monthDayYear,
    monthAloneDay: conventions.monthAloneDay,
    monthYears: monthYears(`${notice}\n${opening}`),
  };
  const items: Item[] = [];
  // A note of the opening covers every entry ("" is before the first).
  const standingNotes: StandingNote[] = conventions.standingNote
    ? [{ ...conventions.standingNote, from: "" }]
    : [];
  const entries = drafts.filter((d) => d.kind === "item");
  // A section's closing paragraph that assigns its tasks by number is no part of its last task.
  // (Lists of units marking their tasks by number, 分工标注, are taken with them.)
  const numberedAssignments = takeNumberedAssignments(entries, (line) =>
    isMarkListLine(line, conventions.lineMarks),
  );
  // Departments of a clause closing an item's points, owed to the item itself: parent id → refs.
  const owed = new Map<string, DepartmentRef[]>();
  // Units a point's bracket adds to those it has from its item (（另由X护攀）): point → refs.
  const added = new Map<Item, DepartmentRef[]>();
  // The time limit of a division line after an item's last point (…落实。销号时限：2024年9月30日。): the item's too.
  const owedTimes = new Map<string, string[]>();
  // A last point's text without the lines it closes that say they are its item's (本条落实责任：…).
  const pointsOwnText = new Map<Item, string>();
  // A chain line's units (责任链：A→B、C→D), by the rings the notice defines; none when the text has no chain.
  const chainDepartments = (text: string): DepartmentRef[] => {
    const chain = chainClause(
      text,
      conventions.chainRoles,
      conventions.chainMark,
      conventions.chainRolesByCount,
      conventions.chainLabel,
      conventions.chainWords,
    );
    return chain ? (parseResponsibility(chain, canonical)?.departments ?? []) : [];
  };
  // A point's text without the line of roles and time closing its item: what dates the point.
  const datedText = new Map<Item, string>();
  // Items one of whose points has a clause of its own: their last point's clause is its own too.
  const pointsWithClause = new Set<string>();
  // 本条… paragraphs after an item's last point, by the item's id.
  const itemParagraphs = new Map<string, string[]>();
  // The items whose points closed with a bracket of their own at a line's end, or on a line of its own.
  const inlineClauses = new Set<string>();
  const ownLineClauses = new Set<string>();
  // The items whose points closed with a sentence of roles on their own first line (…，X抓统筹，Y抓落地。),
  // or on a line of its own.
  const inlineSentences = new Set<string>();
  // The items whose points wrote their own labelled fields at the ends of their first lines (…取缔。时序：…): lines
  // of such fields after the last point are then the item's.
  const inlineLabelled = new Set<string>();
  const ownLineSentences = new Set<string>();
  // The items whose points closed with lines saying they are the point's (本点冲刺分工：…).
  const pointsSayOwn = new Set<string>();
  // Labels a point writes as its own (本点领航：…, 本点冲线：…): a line under the bare label (【航标】领航：…；靠岸：…,
  // 冲线：…) after the last point is then its task's (任务末行“冲线”为完成时限).
  const pointOwnLabels = new Set(
    [...source.matchAll(POINT_OWN_LABEL)].map((m) => (m[1] ?? m[2] ?? m[3]) as string),
  );
  const underTasksLabel = (line: string) => {
    // (【签办】主签：… where points write 本点签办：…; 〔克期〕… where points write 〔本点克期〕…)
    const head = /^[【〔]([^】〕\n]{1,6})[】〕]/.exec(line);
    if (head && pointOwnLabels.has(head[1] as string)) return true;
    const m = LABELLED_LINE.exec(line.replace(/^【[^】\n]{1,6}】\s*/, ""));
    // (包保责任：… where points write 本点包保：…)
    return (
      m !== null && [m[1], m[1]?.replace(/(?:责任|分工)$/, "")].some((l) => pointOwnLabels.has(l as string))
    );
  };
  // Table rows: their cells say their departments, never a sentence's subject.
  const rows = new Set<Item>();
  // The cells of the table row before, for a row whose cells merge with it.
  let previousRow: Cell[] | null = null;
  const mergedDeadline = new Map<Item, string>();
  // Items holding a bracket that speaks for several tasks before it (上述第2—3项：…).
  const covered: Array<{ item: Item; from: number; to: number }> = [];
  // Items whose bracket says 下同.
  const sameBelow = new Set<string>();
  // The parts of a bracket closing a task's points that name the points they are for, by the task's id.
  const forPoints = new Map<string, { text: string; parts: Array<{ points: number[]; clause: string }> }>();
  // Whether the plan's tasks close on clauses of their own, read from all its tasks: the first task with
  // points (（二）…。1.… 2.… 3.…（X牵头，Y配合）) comes before most of the tasks that show it.
  const laterTasksClose = draftsCloseOnClauses(entries);
  for (const [n, d] of entries.entries()) {
    const item = toItem(doc, d, source, sections);
    const departments: DepartmentRef[] = [];
    const closing = closingClauseOfPoints(d, entries[n + 1]);
    // Only points written （1）（2）… or 1）2）… — the parts of one task — are closed by one clause;
    // tasks 1. 2. under a heading each answer for themselves…
    const lastPoint = /\(?\d+\)$/.test(item.label) && isLastPoint(d, entries[n + 1]);
    // …unless there are several, none with parts or a clause of its own, under a heading that names no one:
    // then the one clause, closing the last, is the heading's (（十五）…。1.… 2.… 3.…。（X牵头，Y负责）).
    // (A sole 1. is the task itself.)
    // (Only where the tasks before have closed on their own clauses: a plan dividing its tasks in a later block
    // has named no one yet.)
    const lastTask =
      /\d+[.．、]$/.test(item.label) &&
      isLastPoint(d, entries[n + 1]) &&
      items.some((i) => i.parent !== null && i.parent === item.parent) &&
      !items.some((i) => isBelowPoint(i, item.parent)) &&
      (tasksCloseOnClauses(items) || laterTasksClose);
    const end = item.text.replace(/[。；;\s]+$/, "").length;
    // Brackets already read by the plan's rules: their labelled lists are not read again as they stand.
    const read: Array<{ start: number; end: number }> = [];
    // Whether a point before this one had its own clause (this point's own bracket is no earlier point's).
    const earlierPointsOwn = item.parent !== null && pointsWithClause.has(item.parent);
    let inlineClauseRead = false;
    // Units a task numbers on a line of its own (责任单位：①A　②B), named by number in its brackets (①牵头，②配合)
    // and in its points'.
    const unitKey =
      readUnitKey(item.text) ??
      (item.parent ? readUnitKey(items.find((i) => i.id === item.parent)?.text ?? "") : null);
    const brackets = findBrackets(item.text).map((b) =>
      unitKey ? { ...b, inner: withUnitNames(b.inner, unitKey) } : b,
    );
    // （X）（Y）（Z） after the task, each bracket's names in the role of its place (（—） for none).
    const ordered = conventions.bracketOrder
      ? orderedRun(item.text, brackets, conventions.bracketOrder.length)
      : [];
    ordered.forEach((b, place) => {
      const role = conventions.bracketOrder?.[place];
      const r = role && !/^[—–\-－\s]*$/.test(b.inner) ? parseBareNames(b.inner, role, canonical) : null;
      if (r) departments.push(...r.departments);
      read.push(b);
    });
    if (ordered.length > 0 && item.parent && (d.path?.length ?? 0) >= 3) pointsWithClause.add(item.parent);
    for (const bracket of brackets) {
      if (ordered.includes(bracket)) continue;
      // A bracket of bare names closing the item (（自治区发展改革委、自治区工业和信息化厅）): the role the
      // plan gives such brackets, else they carry the task out.
      // It stands after a sentence, not after a name it explains (办公室（设在市生态环境局）).
      const afterSentence = /[。；;！!\s]$|^$/.test(item.text.slice(0, bracket.start));
      // A plan that writes its departments by short names (生态环境牵头) says which ones they are.
      // 〔经信、生态环境｜11月底前〕: a bar before the time limit parts it as a semicolon does (unless the
      // plan's bars part lead, support and time limit).
      // (Times the notice names or counts — 供热前, 供热前15日 — read as the dates they are.)
      const dated = withNamedDates(
        withCountedDates(bracket.inner, conventions.countedTimes),
        conventions.namedTimes,
      );
      const barred = conventions.slashParts ? bracket.inner : timeAfterBar(dated);
      const parted = withLeadTag(barred);
      const expanded = conventions.shortForms
        ? expandShortForms(parted, conventions.shortForms, source)
        : { text: parted, shortOf: new Map<string, string>() };
      if (conventions.formRoles && conventions.shortForms)
        expanded.text = rolesByForm(expanded.text, expanded.shortOf, conventions.formRoles);
      // （第1点、第2点：…；第3点：…） closing the points: each part is the points' own (read after them all).
      const parts = closing && item.parent ? partsForPoints(expanded.text) : [];
      if (parts.length > 0 && item.parent) {
        forPoints.set(item.parent, { text: item.text.slice(bracket.start, bracket.end), parts });
        read.push(bracket);
        continue;
      }
      // （上述第2—3项：X牵头，Y配合；…）: a bracket after several tasks speaks for each of them.
      const covers = COVERS.exec(expanded.text);
      if (covers) {
        expanded.text = expanded.text.slice(covers[0].length);
        covered.push({ item, from: Number(covers[1]), to: Number(covers[2] ?? covers[1]) });
      }
      // …；第5项：X牵头 — a part naming its own task: its names still read as names.
      expanded.text = expanded.text.replace(/(^|[；;])\s*第\d{1,2}项\s*[:：]\s*/g, "$1");
      expanded.text = expandValueRoles(
        expandUnitModes(expanded.text, conventions.unitModes),
        conventions.valueRoles,
      );
      // 组织…（市经信局；2025年5月底前）。实施…（各镇） — the sentence's first word gives its bracket's units their role.
      expanded.text = withSentenceRole(
        expanded.text,
        openingVerbRole(item.text, bracket.start, conventions.openingVerbs),
      );
      expanded.text = expandChainBracket(
        expanded.text,
        conventions.chainRoles,
        conventions.chainMark,
        conventions.chainRolesByCount,
      );
      expanded.text = expandRoleSets(
        expandCodes(expandTeams(expanded.text, conventions.teams), conventions.codes),
        conventions.roleSets,
      );
      // （X牵头，Y参与；下同）: the later tasks of the section that name none take it too.
      if (SAME_BELOW.test(expanded.text)) {
        expanded.text = expanded.text.replace(SAME_BELOW, "");
        sameBelow.add(item.id);
      }
      // A plan's rules rewrite a bracket of names into a clause (带★的为牵头单位, the semicolon rule, …).
      // (本条兑现：8月底前 in a point's own bracket is its 兑现 field.)
      const fieldsOwn = withFieldColons(
        expanded.text
          .replace(/(^|[；;])\s*(?:本条|本点|该点|此点)[\s\u3000]*(?=[\u4e00-\u9fa5]{2,4}\s*[:：])/g, "$1")
          // (本点：X盯，Y帮 — the point's own clause after a bare 本点：)
          .replace(/^\s*(?:本条|本点|该点|此点)\s*[:：]\s*/, ""),
        [...conventions.definedWords, ...conventions.timeWords],
      );
      const inner = withAddedUnits(
        withRoleWords(
          withTimeSuffix(withTimeLabel(bracketClause(fieldsOwn, conventions))),
          conventions.roleWords,
        ),
      );
      // 另由X配合 (本条助诺增加：X) adds to the departments the task has from above — its section's (read with them, see
      // applySectionDefaults) or its item's, which a point's own names complement: it never closes the points.
      const alsoBracket = /^另(?:由|请)/.test(inner.trim());
      // A bracket right after the task's title (（一）严格项目准入（甲、乙）。…) names who does it, as one
      // closing the task does.
      const afterTitle = bracket.start <= 40 && !/[。；;！!]/.test(item.text.slice(0, bracket.start));
      const bareRole = conventions.bracketRole === "lead" ? "lead" : "responsible";
      // …（甲、乙）（2025年12月底前）: a bracket of the time limit after it still leaves it closing the task.
      const rest = item.text.slice(bracket.end).replace(/[。；;\s]/g, "");
      // …（甲，date）\n协同单位：乙 — labelled lines after it still leave it closing the task.
      const [sameLine = "", ...linesAfter] = item.text.slice(bracket.end).split("\n");
      const labelsAfter =
        linesAfter.length > 0 &&
        sameLine.replace(/[。；;\s]/g, "") === "" &&
        linesAfter.every((l) => l.trim() === "" || opensWithLabel(l.trim()));
      const closesTask = (bracket.end >= end || TIME_BRACKETS.test(rest) || labelsAfter) && afterSentence;
      // Beside a title, only full names count (not 管委会, 场所 explaining a word of the title).
      const titled = !closesTask && afterTitle ? parseBareNames(inner, bareRole, canonical) : null;
      // A bracket of labelled lists (〔责任：甲（主）、乙〕, (责任单位：…；完成时限：…)) is read as such, by the
      // plan's rules for its lists.
      // (In a bracket of fields, one the genre has no label for may come first: 责任领导：分管副市长；牵头部门：….)
      const fields = splitTopLevel(inner, /[；;]/);
      const ofFields =
        fields.every((part) => /^[\u4e00-\u9fa5]{2,6}[:：]/.test(part)) &&
        fields.some((part) => startsWithLabel(part));
      const listed = startsWithLabel(inner.trim()) || ofFields ? labelled(inner) : [];
      // A kind of bracket the notice gives a role (圆括号…为牵头单位，方括号…为配合单位), among those closing
      // the task: its names take that role.
      // So do those opening the task, at its start or after its title (〔X〕严格…（Y）【date】).
      const kind = conventions.bracketKinds.get(item.text[bracket.start] as string);
      const inClosingRun = outsideBrackets(item.text.slice(bracket.end)).replace(/[。；;\s]/g, "") === "";
      const before = outsideBrackets(item.text.slice(0, bracket.start))
        .replace(/。+/g, "。")
        .replace(/^[。\s]+/, "")
        .trim();
      const opensTask = before.length <= 40 && /^[^。；;！!]*[。.]?$/.test(before);
      const r =
        (kind && (inClosingRun || opensTask) ? parseBareNames(inner, kind, canonical) : null) ??
        (listed.length > 0 ? { departments: listed, standingNote: null } : null) ??
        parseResponsibility(inner, canonical, conventions.unmarkedBesideLead) ??
        (closesTask ? parseBareNames(inner, bareRole, canonical) : null) ??
        (titled?.departments.every((d) => d.name.length >= 4) ? titled : null);
      if (!r) continue;
      read.push(bracket);
      if (alsoBracket) added.set(item, [...(added.get(item) ?? []), ...r.departments]);
      // 负责单位只有一个的，该单位即为牵头单位.
      if (conventions.soleResponsibleLeads) soleLeads(r.departments);
      // The title is the task's words, not who does it.
      if (afterTitle) item.title = item.title.replace(item.text.slice(bracket.start, bracket.end), "").trim();
      // A name is kept as the document writes it (生态环境 for 省生态环境厅).
      for (const d of r.departments) d.written = expanded.shortOf.get(d.written) ?? d.written;
      // The clause closing the last point, when no point before it had one of its own, speaks for the
      // whole item: （1）…（2）…（3）…。（省工业和信息化厅牵头，…配合）; after points that each had theirs,
      // it is the last point's own.
      // So does one on a line of its own after the last point (…。\n（X牵头，Y配合）) when the points before
      // closed on their own lines' ends: the change of layout says it closes them all.
      const startsLine = /\n\s*$/.test(item.text.slice(0, bracket.start));
      // 本项战位〔…〕 on the line after the last point: the task's, as the line says, whatever the points wrote.
      const saidOfItem =
        item.parent !== null &&
        bracket.end >= end &&
        isLastPoint(d, entries[n + 1]) &&
        ITEM_BRACKET_LABEL.test(
          item.text.slice(item.text.lastIndexOf("\n", bracket.start) + 1, bracket.start),
        );
      // (…or where points write their own brackets as 本点’s — （本点系数：…） — one that does not say so.)
      const ownLine =
        item.parent !== null &&
        startsLine &&
        bracket.end >= end &&
        isLastPoint(d, entries[n + 1]) &&
        (((inlineClauses.has(item.parent) || inlineClauseRead) && !ownLineClauses.has(item.parent)) ||
          (pointOwnLabels.size > 0 && !/^(?:本点|该点|此点)/.test(bracket.inner.trim())));
      // A point under a task naming its own units at its title (3. 加强扬尘治理。（X商Y办理）→ （1）（2）…（Z办理）)
      // closes only itself: the task's units are already said.
      // (So does one closing the last point's line under a point whose own item named them: 5.（一）（X）→
      // 1. title → （1）（2）…（Y）; on a line of its own after the points, it is still the task's.)
      const parentNames = startsLine
        ? (items.find((i) => i.id === item.parent)?.departments.length ?? 0)
        : namedAbove(items, item.parent);
      const closesPoints =
        item.parent !== null &&
        !alsoBracket &&
        ((!pointsWithClause.has(item.parent) &&
          (parentNames === 0 || !/\(?\d+\)$/.test(item.label)) &&
          ((closing !== null && bracket.start >= item.text.length - closing.length) ||
            (lastPoint && bracket.end >= end))) ||
          (lastTask && parentNames === 0 && !pointsWithClause.has(item.parent) && bracket.end >= end) ||
          ownLine ||
          saidOfItem);
      if (closesPoints && item.parent) {
        owed.set(item.parent, [...(owed.get(item.parent) ?? []), ...r.departments]);
        // Its time limit too: the points' own lines stand above it (and a bracket on a line of its own dates the
        // task, not the last point above it).
        if (ownLine || startsLine || saidOfItem) {
          const written = item.text.slice(bracket.start, bracket.end);
          owedTimes.set(item.parent, [...(owedTimes.get(item.parent) ?? []), written]);
          if (startsLine || saidOfItem)
            datedText.set(item, (datedText.get(item) ?? item.text).replace(written, ""));
        }
      } else {
        if (item.parent !== null && startsLine) ownLineClauses.add(item.parent);
        else if (item.parent !== null) inlineClauseRead = true;
        departments.push(...r.departments);
        if (item.parent && (d.path?.length ?? 0) >= 3) pointsWithClause.add(item.parent);
      }
      if (r.standingNote) standingNotes.push({ ...r.standingNote, from: item.id });
    }
    if (inlineClauseRead && item.parent !== null) inlineClauses.add(item.parent);
    // A 责任分工：… line of its own, or a ——X牵头，Y配合 sentence, after the last point (① or （1）) when
    // no point before it had its own: the whole item's.
    // So does a labelled line of its own (牵头：X　协同：Y) after the last of tasks 1. 2. 3. none of which
    // had its own.
    const closesItem =
      item.parent !== null &&
      !earlierPointsOwn &&
      /(?:\(?\d+\)|[\u2460-\u2473]|\d+[.．、])$/.test(item.label) &&
      isLastPoint(d, entries[n + 1]);
    const pointLike = /(?:\(?\d+\)|[\u2460-\u2473])$/.test(item.label);
    const lastLine = trimmed(d.lines.at(-1) as Line);
    // The lines closing the entry that are labelled lists or time limits (〔责任单位〕… / 〔完成时限〕…).
    const closingLines: string[] = [];
    for (const line of d.lines.slice(1).map(trimmed).reverse()) {
      if (line === "" && closingLines.length === 0) continue;
      if (!opensWithLabel(line) && !isTimeLabelLine(withTimeLabel(line)) && !isDivisionLine(line)) break;
      closingLines.unshift(line);
    }
    // 本条落实责任：… / 本条落实时限：… after the last point, its points having lines of their own (本点…):
    // lines that say they are the item's.
    const itemsLines: string[] = [];
    // 本条第1、2点分别由A、B牵头… / 本条由X牵头…: read after every entry, point by point (see applyItemParagraphs);
    // 本项以X为主体，… is read as 本项由X牵头，… where the notice defines the frame (see withRoleWords).
    const paragraphs: string[] = [];
    if (item.parent !== null && isLastPoint(d, entries[n + 1]))
      for (const line of d.lines.slice(1).map(trimmed).reverse()) {
        if (line === "") continue;
        const paragraph = ITEM_PARAGRAPH.test(withRoleWords(line, conventions.roleWords));
        if (
          !SAID_OF_ITEM.test(line) &&
          !paragraph &&
          !itemsField(line, conventions) &&
          !underTasksLabel(line)
        )
          break;
        itemsLines.unshift(line);
        if (paragraph) paragraphs.unshift(line);
      }
    if (paragraphs.length > 0 && item.parent)
      itemParagraphs.set(item.parent, [...(itemParagraphs.get(item.parent) ?? []), ...paragraphs]);
    const saidLines = itemsLines.filter((line) => !paragraphs.includes(line));
    // A line of nothing but roles (in the words the notice defines) and a time — not one read above as said of the
    // item (本项由X牵头…).
    const lastLineRolesOnly =
      !itemsLines.includes(lastLine) &&
      (isDivisionLine(lastLine) ||
        isRoleSentence(
          withRoleWords(withNamedDates(lastLine, conventions.namedTimes), conventions.roleWords),
        ));
    if (saidLines.length > 0 && item.parent) {
      // 本条落实责任：X牵头 is a labelled list; 本条任务，责成X牵头，Y协助 a sentence.
      const lists = labelled(saidLines.join("\n"));
      const sentences = saidLines
        .join("。")
        .replace(/(^|。)(?:(?:本条|本项|此项|此条|该项)(?:工作|任务)[，,]|以上各点均?(?=由))\s*/g, "$1");
      const closing = lists.length > 0 ? [] : closingSentence(sentences, canonical, conventions);
      // (验收链：A自验→B复核→C终验 under the task's label, its points writing 本点验收链：…: a chain of the task's.)
      const said =
        lists.length > 0 ? lists : closing.length > 0 ? closing : chainDepartments(saidLines.join("\n"));
      // 本条… after a point's own points (（十）→ 2. → （2）) speaks for the 条, the numbered item.
      const path = d.path ?? [];
      const owner =
        /^本条/.test(saidLines[0] as string) && path.length > 3 ? path.slice(0, 2).join(".") : item.parent;
      // (A time alone under the task's label dates the task; its points still take its units.)
      if (said.length > 0 || !saidLines.every(underTasksLabel))
        owed.set(owner, [...(owed.get(owner) ?? []), ...said]);
      owedTimes.set(owner, saidLines);
    }
    // A bracket read above — as the item's own or as the whole item's, closing its points — is not read
    // again as a labelled list.
    const pointsText = itemsLines.reduce((t, line) => t.replace(line, ""), item.text);
    if (itemsLines.length > 0) pointsOwnText.set(item, pointsText);
    const own = labelled(
      withoutUnitKey(
        itemsLines.reduce(
          (t, line) => t.replace(line, ""),
          read.reduceRight((t, b) => t.slice(0, b.start) + t.slice(b.end), item.text),
        ),
      ),
    );
    const sentence =
      own.length > 0 ? [] : closingSentence(withoutUnitKey(pointsText), canonical, conventions);
    // Points that closed with brackets at their lines' ends leave a labelled line after the last one the
    // item's: the change of layout says so, as for a bracket on a line of its own.
    const layoutChanged =
      item.parent !== null &&
      inlineClauses.has(item.parent) &&
      !ownLineClauses.has(item.parent) &&
      isLastPoint(d, entries[n + 1]);
    // An item that named its own units above its points: the last point's own line is the point's, as each
    // point before it may have.
    const itemNamedOwn = items.some(
      (i) => i.id === item.parent && i.departments.some((x) => x.from === undefined),
    );
    // A last point that closed its own paragraph with its roles (…Y抓落地，date见效。), or whose points before it
    // closed theirs on their first lines or on lines saying they are the point's (本点冲刺分工：…), then a line of
    // nothing but roles and a time not so said: the line closes the item (任务末尾的分工表述适用于该任务各点), as each
    // point's own sentence stands in its paragraph.
    const beforeLastLine = d.lines.length > 1 ? item.text.slice(0, item.text.lastIndexOf(lastLine)) : "";
    const readOwn = (text: string) => {
      const labels = labelled(withoutUnitKey(text));
      return labels.length > 0 ? labels : closingSentence(text, canonical, conventions);
    };
    // (A point whose own are labelled fields — 责任单位：… — is complemented by a line after them: 备注：X牵头.)
    // (本点冲刺分工：… says it is the point's own: the line after it is no complement to it.)
    const beforeLines = beforeLastLine
      .split("\n")
      .map((line) => line.trim())
      .filter(Boolean);
    const complemented = () =>
      !POINT_SAYS_OWN.test(beforeLines.at(-1) ?? "") && labelled(withoutUnitKey(beforeLastLine)).length > 0;
    // (Read only for a last point closed by such a line: parsing reads every entry.)
    const candidate =
      item.parent !== null &&
      (d.path?.length ?? 0) >= 3 &&
      itemsLines.length === 0 &&
      lastLineRolesOnly &&
      d.lines.length > 1 &&
      isLastPoint(d, entries[n + 1]) &&
      !POINT_SAYS_OWN.test(lastLine);
    const lastLineOwn = candidate ? readOwn(lastLine) : [];
    const pointOwnSentence = lastLineOwn.length > 0 ? readOwn(beforeLastLine) : [];
    const lineClosesItem =
      item.parent !== null &&
      lastLineOwn.length > 0 &&
      !complemented() &&
      (pointOwnSentence.length > 0 ||
        pointsSayOwn.has(item.parent) ||
        (inlineSentences.has(item.parent) && !ownLineSentences.has(item.parent)));
    // (…this point's own line too.)
    const inlineField = /[。；]\s*([\u4e00-\u9fa5]{2,4}\s*[:：].*)$/.exec(trimmed(d.lines[0] as Line))?.[1];
    if (
      item.parent !== null &&
      inlineField &&
      (opensWithLabel(inlineField) || isTimeLabelLine(withTimeLabel(inlineField)))
    )
      inlineLabelled.add(item.parent);
    const labelledLayoutChanged =
      item.parent !== null &&
      inlineLabelled.has(item.parent) &&
      isLastPoint(d, entries[n + 1]) &&
      closingLines.length > 0 &&
      closingLines.some((line) => opensWithLabel(line) || isTimeLabelLine(withTimeLabel(line)));
    const owedToItem =
      !lineClosesItem &&
      (labelledLayoutChanged ||
        (layoutChanged && own.length > 0 && closingLines.some(opensWithLabel)) ||
        (closesItem &&
          ((own.length > 0 && closingLines.some(opensWithLabel) && !itemNamedOwn) ||
            // 责任落实：X牵头，Y协同，Z落实。— a division line of its own after the last point; so is a line of
            // nothing but roles and a time (在X配合下，由Y牵头，长期坚持。).
            (own.length + sentence.length > 0 && d.lines.length > 1 && lastLineRolesOnly && !itemNamedOwn) ||
            (pointLike && sentence.length > 0 && /——[^—]+$/.test(item.text)))));
    // A last point that gave its own labelled roles on its own line (…。【首问】X　【协同】Y), then a line of labelled
    // roles of its own: a point has one division, so the line is its item's.
    const firstLine = trimmed(d.lines[0] as Line);
    const secondDivision =
      item.parent !== null &&
      (d.path?.length ?? 0) >= 3 &&
      d.lines.length > 1 &&
      itemsLines.length === 0 &&
      isLastPoint(d, entries[n + 1]) &&
      lastLine !== firstLine &&
      opensWithLabel(lastLine) &&
      labelled(withoutUnitKey(lastLine)).length > 0 &&
      labelled(withoutUnitKey(firstLine)).length > 0;
    if (labelledLayoutChanged && item.parent) {
      // The labelled lines under the last point are the item's; the point keeps the fields of its own line.
      const itemsOwn = labelled(closingLines.join("\n"));
      if (itemsOwn.length > 0) owed.set(item.parent, [...(owed.get(item.parent) ?? []), ...itemsOwn]);
      owedTimes.set(item.parent, closingLines);
      const pointsOwn = closingLines.reduce((t, line) => t.replace(line, ""), item.text);
      datedText.set(item, pointsOwn);
      pointsOwnText.set(item, pointsOwn);
      departments.push(...labelled(withoutUnitKey(pointsOwn)));
    } else if (secondDivision && item.parent) {
      owed.set(item.parent, [...(owed.get(item.parent) ?? []), ...labelled(withoutUnitKey(lastLine))]);
      owedTimes.set(item.parent, [...(owedTimes.get(item.parent) ?? []), lastLine]);
      const pointsOwn = item.text.replace(lastLine, "");
      datedText.set(item, pointsOwn);
      pointsOwnText.set(item, (pointsOwnText.get(item) ?? item.text).replace(lastLine, ""));
      departments.push(...labelled(withoutUnitKey(pointsOwn)));
      pointsWithClause.add(item.parent);
    } else if (lineClosesItem && item.parent) {
      owed.set(item.parent, [...(owed.get(item.parent) ?? []), ...lastLineOwn]);
      owedTimes.set(item.parent, [lastLine]);
      datedText.set(item, item.text.replace(lastLine, ""));
      pointsOwnText.set(item, (pointsOwnText.get(item) ?? item.text).replace(lastLine, ""));
      departments.push(...pointOwnSentence);
      if (pointOwnSentence.length > 0) pointsWithClause.add(item.parent);
    } else if (owedToItem && item.parent) {
      // (本点【督战】… among the lines is the point's own; the others are the item's.)
      // (Under a point's own points — （1）（2） — 本点 is that point: all the lines are above this entry.)
      const pointsLines =
        (d.path?.length ?? 0) === 3 ? closingLines.filter((line) => POINT_SAYS_OWN.test(line)) : [];
      const itemsOwn =
        pointsLines.length > 0 && pointsLines.length < closingLines.length
          ? labelled(withoutUnitKey(closingLines.filter((line) => !pointsLines.includes(line)).join("\n")))
          : own;
      if (itemsOwn !== own)
        departments.push(
          ...labelled(withoutUnitKey(pointsLines.map((l) => l.replace(POINT_SAYS_OWN, "")).join("\n"))),
        );
      owed.set(item.parent, [...(owed.get(item.parent) ?? []), ...itemsOwn, ...sentence]);
      // The line given to the item names no subject of the point's own sentences.
      if (d.lines.length > 1 && lastLineRolesOnly)
        pointsOwnText.set(item, (pointsOwnText.get(item) ?? item.text).replace(lastLine, ""));
      // (本点撞线：… among them stays the point's: the others date the item, not the point.)
      const pointsOwnLines = closingLines.filter((line) => POINT_SAYS_OWN.test(line));
      if (pointsOwnLines.length > 0 && pointsOwnLines.length < closingLines.length) {
        const itemsLinesClosing = closingLines.filter((line) => !pointsOwnLines.includes(line));
        owedTimes.set(item.parent, itemsLinesClosing);
        datedText.set(
          item,
          itemsLinesClosing.reduce((t, line) => t.replace(line, ""), item.text),
        );
      } else if (closingLines.length > 0) {
        owedTimes.set(item.parent, closingLines);
        // (The lines are the item's: they date it, not the point above them.)
        datedText.set(
          item,
          closingLines.reduce((t, line) => t.replace(line, ""), item.text),
        );
      }
      // A line of nothing but roles and a time (X抓统筹，Y抓落地，年内见效。) dates the item, not the point.
      else if (d.lines.length > 1 && lastLineRolesOnly) {
        owedTimes.set(item.parent, [lastLine]);
        datedText.set(item, item.text.replace(lastLine, ""));
      }
      // (…本点验收链：A自验→B终验 in the point's own sentence: the point's chain, the lines after it the item's.)
      if (departments.length === 0)
        departments.push(
          ...chainDepartments(closingLines.reduce((t, line) => t.replace(line, ""), item.text)),
        );
      // A point given its clause by the line closing its own points (1. →（1）（2）→ 分工：…) is a point
      // with a clause of its own among its item's points.
      const above = item.parent.split(".");
      if (above.length >= 3) pointsWithClause.add(above.slice(0, -1).join("."));
    } else {
      departments.push(...own);
      // (X) after the title and a closing …Y配合，date: the sentence adds the supports.
      if (departments.length === 0 || sentence.every((x) => x.role === "support"))
        departments.push(...sentence);
      // 由X总负责，Y具体承办，Z协助办理。 opening the task, before what it is to do: a sentence of nothing but roles.
      if (departments.every((x) => x.role === "support"))
        departments.push(...openingRoles(item.text, canonical, conventions.roleWords));
      // 责任链：A→B、C→D — a chain line read by the rings the notice defines (not one after the last point that is
      // its task's).
      if (departments.length === 0)
        departments.push(...chainDepartments(pointsOwnText.get(item) ?? item.text));
      // Units on lines of their own under the task, each with its duty (区经济促进局：推动…).
      if (departments.length === 0)
        departments.push(
          ...dutyLineDepartments(item.text.split("\n").slice(1), canonical, conventions.othersAfterLead),
        );
      if (item.parent && (own.length > 0 || sentence.length > 0) && (d.path?.length ?? 0) >= 3) {
        pointsWithClause.add(item.parent);
        (d.lines.length > 1 && readOwn(lastLine).length > 0 ? ownLineSentences : inlineSentences).add(
          item.parent,
        );
        if (d.lines.length > 1 && lastLineRolesOnly && POINT_SAYS_OWN.test(lastLine))
          pointsSayOwn.add(item.parent);
      }
    }
    if (d.row && columns) {
      rows.add(item);
      const written = rowCells(item.text, columns);
      const cells = withMergedCells(written, previousRow);
      previousRow = cells;
      departments.push(...labelled(rowResponsibility(cells)));
      item.title = rowTask(cells) ?? item.title;
      // A deadline cell merged with the row above is not in the row's own text.
      const due = written.find((c) => c.kind === "deadline" && c.merged);
      if (due) mergedDeadline.set(item, cells.find((c) => c.kind === "deadline")?.text ?? "");
    }
    const notes = footnotes ? notesOf(item.text, footnotes.notes) : [];
    for (const note of notes) departments.push(...labelled(note));
    item.departments = strongestRoles(departments);
    // 「甲、乙」 after the task's number (任务序号后「」内所列单位为牵头单位): the plan's rule for the whole task.
    const numbered = conventions.numberBracket
      ? numberBracketClause(item.text, conventions.numberBracket)
      : null;
    if (numbered && conventions.numberBracket) {
      item.departments = parseResponsibility(numbered, canonical)?.departments ?? item.departments;
      const { open, close } = conventions.numberBracket;
      item.title = item.title.replace(
        new RegExp(`^${escapeRegExp(open)}[^${escapeRegExp(close)}]*${escapeRegExp(close)}`),
        "",
      );
    }
    // The plan's rule that a task's opening names lead it (开头的单位为牵头单位): its sentence's subject.
    if (conventions.openingUnitsLead)
      item.departments = strongestRoles([...openingDepartments(item.text, canonical), ...item.departments]);
    // The plan's rule that its 责任单位 support a lead named beside them.
    if (conventions.responsibleSupportsLead && item.departments.some((x) => x.role === "lead"))
      item.departments = item.departments.map((x) =>
        x.role === "responsible" ? { ...x, role: "support" } : x,
      );
    // The plan's rule that the first of several names in the lead's place leads (排在首位的为牵头单位，其余
    // 为共同责任单位): the others take the role it gives them.
    if (conventions.othersAfterLead)
      item.departments = firstOfSeveral(
        item.departments,
        conventions.othersAfterLead,
        conventions.firstLeadsAlone,
      );
    if (conventions.firstOfLevel) item.departments = leadOfLevel(item.departments);
    if (conventions.severalLeadsShare && item.departments.filter((x) => x.role === "lead").length > 1)
      item.departments = item.departments.map((x) => (x.role === "lead" ? { ...x, role: "responsible" } : x));
    item.deadlines = [
      ...parseDeadlines(
        withoutBox(
          // (A field line the notice gives the item — 【落实】 after 【本点落实】 — dates the item, not this point; so
          // does a line that says it is the item's — 此项工作，…须在…前完成.)
          // So does the line closing the item after this point's own sentence of roles.
          withoutPointDates(datedText.get(item) ?? item.text, paragraphs, deadlineOptions).replace(
            itemsLines.filter((line) => itemsField(line, conventions) || saidLines.includes(line)).join("\n"),
            "",
          ),
        ),
        deadlineOptions,
      ),
      ...parseDeadlines(mergedDeadline.get(item) ?? "", deadlineOptions),
    ];
    // A note's time limit repeats, as often as not, the date its task states.
    for (const d of notes.flatMap((note) => parseDeadlines(note, deadlineOptions)))
      if (!item.deadlines.some((x) => x.date === d.date)) item.deadlines.push(d);
    item.periods = parsePeriods(item.text, { year: deadlineOptions.year });
    items.push(item);
  }
  if (items.length === 0) throw new Error(`${doc}: no entries under its sections`);
  for (const { item, from, to } of covered) {
    const siblings = items.filter(
      (i) => i.parent === item.parent && i.section === item.section && i.level === item.level,
    );
    for (const task of siblings)
      if (task !== item && task.number >= from && task.number <= to && to - from < 10)
        task.departments = strongestRoles([...task.departments, ...item.departments.map((d) => ({ ...d }))]);
  }
  for (const [parent, { text, parts }] of forPoints) {
    // Each point takes what the parts naming it say — not what the bracket's words read as a sentence
    // gave the point that holds it.
    const own = new Map<Item, { departments: DepartmentRef[]; clauses: string[] }>();
    for (const { points, clause } of parts)
      for (const point of items.filter((i) => i.parent === parent && points.includes(i.number))) {
        // Who, without the time limits after them (…配合，每年6月底前、每年11月底前); names with no role word
        // (第3点：A、B，date) carry the task out together.
        const who = clause
          .split(/[，,]/)
          .filter((piece) => !isTimeLimit(piece) && parseDeadlines(piece, deadlineOptions).length === 0)
          .join("，");
        const read =
          parseResponsibility(withRoleWords(who, conventions.roleWords), canonical) ??
          parseBareNames(who, "responsible", canonical);
        const got = own.get(point) ?? { departments: [], clauses: [] };
        got.departments.push(...(read?.departments ?? []));
        got.clauses.push(clause);
        own.set(point, got);
      }
    for (const [point, { departments, clauses }] of own) {
      point.departments = strongestRoles(departments);
      point.deadlines = [
        ...parseDeadlines(withoutBox(point.text.replace(text, "")), deadlineOptions),
        ...clauses.flatMap((clause) => parseDeadlines(clause, deadlineOptions)),
      ];
    }
  }
  // 紧接任务正文的第一行为牵头单位，第二行为配合单位，最后一行为完成时限: the bare lines closing each task (those
  // after a task's last point are the task's).
  // (Its points take them from the task, as from a bracket of the task's own.)
  const positioned = conventions.positionalLines
    ? applyPositionalLines(items, conventions.positionalLines, canonical, deadlineOptions)
    : new Set<string>();
  const readParagraphClause = (clause: string) =>
    parseResponsibility(withRoleWords(clause, conventions.roleWords), canonical)?.departments ?? null;
  for (const parent of new Set([...owed.keys(), ...owedTimes.keys()])) {
    const item = items.find((i) => i.id === parent);
    if (item && owed.has(parent))
      item.departments = strongestRoles([...item.departments, ...(owed.get(parent) ?? [])]);
    if (item && owed.has(parent) && conventions.firstOfLevel)
      item.departments = leadOfLevel(item.departments);
    // Each line on its own: a deadline quotes its line as the document writes it.
    const times = item
      ? (owedTimes.get(parent) ?? []).flatMap((line) => parseDeadlines(line, deadlineOptions))
      : [];
    for (const d of times) if (!item?.deadlines.some((x) => x.date === d.date)) item?.deadlines.push(d);
  }
  // 协同单位：甲（1、3）、乙 after the last point: 甲 is points 1 and 3's.
  applyNamesForPoints(items);
  for (const [id, lines] of itemParagraphs) {
    const item = items.find((i) => i.id === id);
    if (item)
      // (本项由X领攀，…，南天门节点登顶 — a time the notice names is a date as any other.)
      applyItemParagraphs(item, items, lines, readParagraphClause, deadlineOptions, (clause) =>
        withRoleWords(withNamedDates(clause, conventions.namedTimes), conventions.roleWords),
      );
  }
  // Tasks listed under a heading that names their department (三、部门任务分工 → （二）区发展和改革局 → 1．…).
  for (const heading of items.filter((i) => i.level === 2 && i.departments.length === 0)) {
    const tasks = items.filter((i) => i.parent === heading.id && i.departments.length === 0);
    if (tasks.length === 0) continue;
    for (const task of tasks) task.departments = headedDepartments(heading.title, task.text, canonical);
  }
  const readClause = (clause: string) =>
    parseResponsibility(clause, canonical, conventions.unmarkedBesideLead)?.departments ?? null;
  applyNumberedAssignments(items, numberedAssignments, readClause);
  applyPartPointers(items, numberedAssignments, readClause);
  // 派单3　（二）2　承办：X　协办：Y　回单时限：… lines after a section's tasks.
  const dispatched = applyDispatchLines(items, numberedAssignments, labelled, deadlineOptions);
  // Words the whole document defines as dates (“采暖期前”是指…, 第N周, 第N轮), read once for every use below.
  const namedTimes = readNamedTimes(source);
  // 分工标注 — 市生态环境局：（一）●　（二）3◎ and 完成时限：（二）…，其中（二）2为… after a section's tasks.
  const marked = applyMarkLists(
    items,
    numberedAssignments.filter((a) => isMarkListLine(a.text, conventions.lineMarks)),
    conventions.lineMarks,
    canonical,
    deadlineOptions,
    namedTimes,
  );
  // Sections listing departments and dates by pointing to tasks (六、职责分工 / 七、进度安排).
  const pointing = applyPointingSections(items, sections, canonical, deadlineOptions);
  // A list by department after the body (附件：责任清单 — 县发改委 / 牵头任务：二（一）1 …).
  if (end < lines.length)
    applyDepartmentLists(
      items,
      lines.slice(end).map((l) => l.text),
      canonical,
    );
  // 附件：重点任务分解表 — 作业面二（二）1　title, then 主采：X / 贯通：date lines: tasks' units and times by code.
  const blocked =
    end < lines.length
      ? applyTaskBlocks(
          items,
          lines.slice(end).map((l) => l.text),
          labelled,
          // The time line's value as written (贯通：2025年9月30日前 → its date, quoted from the attachment).
          (line) =>
            withTimeLabel(line).startsWith("时限")
              ? parseDeadlines(line.replace(/^[^：:]{1,6}[：:]\s*/, ""), deadlineOptions)
              : [],
        )
      : new Set<Item>();
  inheritGroupDepartments(
    items,
    new Set(owed.keys()),
    conventions.overriddenLeadSupports,
    conventions.pointsFollowTask,
    new Set([
      ...dispatched,
      ...marked,
      ...itemParagraphs.keys(),
      ...positioned,
      ...[...blocked].map((i) => i.id),
    ]),
    conventions.unlistedRolesFollowTask,
    conventions.pointBracketRules,
    conventions.pointsTakeClosingBracket,
  );
  const divisions = applyDivisionPoints(items, readClause, deadlineOptions);
  applySameBelow(items, sameBelow);
  applySectionDefaults(items, sections, readClause, conventions.overriddenLeadSupports);
  followReferences(items, readClause);
  // A point's 另由X护攀 comes on top of every unit its item has.
  for (const [point, units] of added) {
    const above = items.find((i) => i.id === point.parent);
    if (above && above.level >= 2 && above.departments.length > 0)
      point.departments = strongestRoles([
        ...above.departments.map((d) => ({ ...d, from: above.id })),
        ...units,
      ]);
  }
  datePointsByNumber(items, deadlineOptions);
  dateTasksByNumber(items, numberedAssignments, deadlineOptions);
  // Time limits given as phases a later section defines (推进时段：集中攻坚阶段).
  applyPhases(items, readPhases(source));
  // Words the notice defines as dates (“采暖期前”是指2025年10月15日前).
  // (A point's line of roles and time given to its item, or its item's paragraph after it — 本项由X揭榜…，年内交榜 —
  // dates the item, not the point.)
  const timedText = (item: Item) => {
    const itemsOwn = item.parent ? (itemParagraphs.get(item.parent) ?? []) : [];
    const text = itemsOwn.reduce((t, line) => t.replace(line, ""), datedText.get(item) ?? item.text);
    return [text, ...(owedTimes.get(item.id) ?? []), ...(itemParagraphs.get(item.id) ?? [])].join("\n");
  };
  applyNamedTimes(items, namedTimes, timedText);
  // Days counted back from a word the notice dates (“供热前N日”指自2025年10月1日往前推算N日).
  applyCountedTimes(items, readCountedTimes(source, namedTimes), timedText);
  // A time limit given as another task's (与本方案三（二）同步完成): that task's, once every task is dated.
  applySameTimes(items, timedText);
  // Tasks tagged with a kind the notice defines (【属地类】): their units, and their points', take the kind's roles.
  applyTaskKinds(items, conventions.taskKinds);
  // An action whose departments stand in an entry of their own ((二)责任单位 beside (一)工作内容 and
  // (三)时间安排): they carry out every task of the action that names none of its own.
  for (const assigner of items.filter((i) => i.level === 2 && ASSIGNING_ENTRY.test(i.title))) {
    if (assigner.departments.length === 0) continue;
    for (const item of items)
      if (item.section === assigner.section && item !== assigner && item.departments.length === 0)
        item.departments = assigner.departments.map((d) => ({ ...d, from: assigner.id }));
  }
  // In a plan that assigns its tasks to departments, an item with no clause may still name the
  // department that acts as its sentence's subject (保障措施: 县财政局要统筹安排…). A plan that assigns
  // none (a ministries' notice: 生态环境部要…) is not read so.
  if (items.some((i) => i.departments.length > 0)) {
    for (const item of items)
      if (item.departments.length === 0 && !rows.has(item) && !pointing.has(item) && !divisions.has(item))
        item.departments = parseSubjectDepartments(pointsOwnText.get(item) ?? item.text, canonical);
  } else {
    // A plan whose every measure opens with who does it (县生态环境局会同县工信局，…) assigns by its
    // sentences — or one section of it does (四、职责分工: 县发改局：负责…); one where only a few do is a
    // notice that names no assignments.
    const read = items.map((item) =>
      rows.has(item) || pointing.has(item) || divisions.has(item)
        ? []
        : parseSubjectDepartments(pointsOwnText.get(item) ?? item.text, canonical),
    );
    const all = items.map((_, i) => i);
    const assigns = (group: readonly number[], read: (i: number) => boolean) =>
      group.filter(read).length * 2 >= group.length;
    // A section of its own that assigns by department: its entries open 县发改局：负责….
    const colonFirst = (i: number) =>
      (read[i]?.length ?? 0) > 0 && DEPARTMENT_COLON.test(items[i]?.text.slice(0, 40) ?? "");
    const bySection = sections.map((s) => all.filter((i) => items[i]?.section === s.number));
    const assigning = assigns(all, (i) => (read[i]?.length ?? 0) > 0)
      ? [all]
      : bySection.filter((g) => g.length >= 3 && assigns(g, colonFirst));
    for (const group of assigning) for (const i of group) (items[i] as Item).departments = read[i] ?? [];
  }
  // A lead the opening gives the tasks of some sections that name none (未标明责任单位的措施，由X牵头).
  const defaultLead = conventions.defaultLead;
  if (defaultLead) {
    const [from, to] = defaultLead.sections ?? [1, sections.length];
    // With no sections named, the tasks are those of sections most of whose items name departments:
    // a closing 保障措施 section that names few is no list of tasks.
    const assigning = (section: number) => {
      const own = items.filter((i) => i.section === section && i.level >= 2);
      return (
        defaultLead.sections !== null || own.filter((i) => i.departments.length > 0).length * 2 > own.length
      );
    };
    const tasks = new Set(sections.map((s) => s.number).filter(assigning));
    for (const item of items)
      if (
        item.departments.length === 0 &&
        item.level >= 2 &&
        item.section >= from &&
        item.section <= to &&
        tasks.has(item.section)
      )
        item.departments = defaultLead.departments.map((d) => ({ ...d }));
  }
  // (Once every item has its names, wherever they came from: a line closing the points, a heading, a pointer.)
  if (conventions.supportingPlacesCarryOut)
    for (const item of items) item.departments = placesCarryOut(item.departments);
  settleDepartmentNames(items);
  // A division-of-labour table after the body (附件：重点任务分工表) gives each item it names its
  // departments and deadlines.
  // Only when the rows reach the body: a table of something else (targets by county) assigns nothing.
  for (const row of end < lines.length ? readDivisionTable(lines.slice(end)) : []) {
    const key = labelKey(row.item);
    const item = row.byNumber
      ? numbered(items, Number(row.item))
      : items.find((i) => labelKey(i.label) === key);
    if (!item) continue;
    item.departments = strongestRoles([...item.departments, ...labelled(rowResponsibility(row.cells))]);
    const due = row.cells.find((c) => c.kind === "deadline")?.text ?? "";
    const dated = new Set(item.deadlines.map((d) => d.date));
    for (const d of parseDeadlines(due, deadlineOptions))
      if (!dated.has(d.date)) item.deadlines.push({ ...d, sentence: due });
  }
  // A section named by its deadline (二、上半年完成的任务（2025年6月30日前）): its tasks are due then,
  // unless they say a date of their own.
  for (const section of sections) {
    const [due, ...more] = parseDeadlines(section.title, deadlineOptions);
    if (!due || more.length > 0) continue;
    for (const item of items)
      if (item.section === section.number && item.deadlines.length === 0 && item.path.length > 1)
        item.deadlines.push({ ...due, sentence: section.title });
  }
  // A heading that ends in its time limit (（一）淘汰落后低效产能（2025年9月底前）) dates its points that name
  // none of their own: the limit is the task's, its points are how it is done.
  for (const heading of items) {
    const line = heading.text.split("\n")[0]?.trim() ?? "";
    const bracket = /[（(][^（）()]*[)）]$/.exec(line)?.[0];
    if (!bracket || !TIME_BRACKETS.test(bracket) || heading.deadlines.length === 0) continue;
    if (line.length - bracket.length > 40) continue; // a sentence ending in a date, not a heading
    for (const point of items)
      if (point.parent === heading.id && point.deadlines.length === 0)
        point.deadlines.push(...heading.deadlines.map((d) => ({ ...d })));
  }
  // A date the plan gives every task that names none (未注明完成时限的任务，完成时限均为…), or every
  // such task it marks (标注“*”的任务…).
  const byDefault = conventions.defaultDeadline;
  const [fallback] = byDefault ? parseDeadlines(`${byDefault.date}前`, deadlineOptions) : [];
  if (fallback && byDefault)
    for (const item of items)
      if (
        item.deadlines.length === 0 &&
        item.departments.length > 0 &&
        item.level >= 2 &&
        // A task said to go on (长期坚持, 持续推进) has no date to default — unless the word is the mark
        // the date is given for (标注“常态推进”的，于…前进行年度交账).
        (!STANDING_TIME.test(item.text) || (byDefault.mark?.length ?? 0) > 1) &&
        (byDefault.mark === null || item.text.includes(byDefault.mark))
      ) {
        // A point whose units are its item's (the item's line covers its points) is due when the item is.
        const parent = items.find((i) => i.id === item.parent);
        const covered =
          parent && parent.deadlines.length > 0 && item.departments.every((d) => d.from === parent.id);
        item.deadlines.push(
          ...(covered
            ? parent.deadlines.map((d) => ({ ...d }))
            : [{ ...fallback, sentence: byDefault.date }]),
        );
      }
  // A section of codes and what they stand for (七、责任组合对照 — 组合甲：X牵头，…) gives no task to anyone.
  for (const item of items) if (definesRoleSets(item.text, conventions.roleSets)) item.departments = [];
  // A standing note covers every entry after the one that states it.
  for (const note of standingNotes) {
    const from = items.findIndex((i) => i.id === note.from);
    for (const item of items.slice(from + 1)) item.standingNote = note;
  }

  // Words of two characters or more: one-character labels (牵：, 配：) are no words a question uses.
  const roleWords = Object.fromEntries([...conventions.roleWords].filter(([word]) => word.length >= 2));
  const plan = Plan.parse({
    doc,
    meta,
    profile,
    source,
    body,
    parts,
    sections,
    items,
    standingNotes,
    roleWords,
    timeWords: conventions.timeWords.filter((word) => word.length >= 2),
  });
  registerDepartments(plan, options.profile?.departments ?? []);
  return plan;
}

/**
 * Makes a plan's departments (and its profile's aliases) known to the shared directory questions are
 * read with; a plan read back from the cache, not parsed, must be registered too.
 */
export function registerDepartments(plan: Plan, profileDepartments: readonly ProfileDepartment[]): void {
  sharedDepartments().addDocument(
    profileDepartments,
    [...plan.items.flatMap((i) => i.departments), ...plan.standingNotes.flatMap((n) => n.departments)].map(
      (d) => d.name,
    ),
  );
}

/** A bracket's only responsible unit, beside no lead, leads (the plan says so): changed in place. */
function soleLeads(departments: DepartmentRef[]): void {
  const responsible = departments.filter((d) => d.role === "responsible");
  if (responsible.length === 1 && !departments.some((d) => d.role === "lead"))
    (responsible[0] as DepartmentRef).role = "lead";
}

/** The last run of `size` brackets standing side by side (only spaces between) in a task's text, or none. */
function orderedRun(text: string, brackets: readonly Bracket[], size: number): Bracket[] {
  for (let i = brackets.length - size; i >= 0; i--) {
    const run = brackets.slice(i, i + size);
    const together = run.every(
      (b, k) => k === 0 || /^\s*$/.test(text.slice((run[k - 1] as Bracket).end, b.start)),
    );
    if (together) return run;
  }
  return [];
}

/** 甲、乙｜11月底前 → 甲、乙；11月底前: a time limit after the last bar of a bracket. */
function timeAfterBar(inner: string): string {
  return inner
    .replace(/[｜|]\s*([^｜|]*)$/, (whole, time: string) => (isTimeLimit(time) ? `；${time}` : whole))
    .replace(SLASHED_FIELD, "；");
}

/**
 * （牵头：甲／参与：乙／时段：…）, （date｜主力：甲｜助力：乙）: a slash or bar before a field's label parts the fields as
 * a semicolon does.
 */
const SLASHED_FIELD = /\s*[／/｜|]\s*(?=[\u4e00-\u9fa5]{2,4}\s*[：:])/g;

/** An entry opening with a department and a colon before its duty (县发改局：负责…). */
const DEPARTMENT_COLON =
  /^[\s\u3000]*(?:\d+[.．、]|[(（][一二三四五六七八九十\d]+[)）])?\s*[^，。：:；]{2,30}[：:]\s*(?:负责|牵头|配合|参与|承担)/;

/** An entry that only says who does its section's tasks: （二）责任单位. */
const ASSIGNING_ENTRY = /^(?:责任单位|责任部门|责任分工|职责分工|任务分工|牵头单位|分工安排|组织实施单位)$/;

/**
 * One name per department across the plan: a name the plan introduces with 以下简称 is the name it
 * goes by; an annotated part of a department (农业农村局（农业机械）) is the department; and a
 * department written once without its level (城市管理和综合执法局) is the one the plan writes with a
 * level elsewhere (市城市管理和综合执法局), when there is exactly one such.
 */
function settleDepartmentNames(items: Item[]): void {
  const directory = sharedDepartments();
  // X供电局（以下简称Y供电局）: the document calls it by the short name from then on, and so do we.
  const short = new Map<string, string>();
  for (const d of items.flatMap((i) => i.departments)) {
    const m = /[（(]以下简称([^（）()]+)[）)]$/.exec(d.written ?? "");
    if (m?.[1]) short.set(d.name, m[1].trim());
  }
  // 市农业农村局(农业机械): a part of a department of a level is listed as that department.
  const unqualified = (name: string) => {
    const m = /^(.+)\(([^()]+)\)$/.exec(name);
    return m?.[1] && directory.describe(m[1]).level !== null ? m[1] : name;
  };
  for (const item of items)
    item.departments = item.departments.map((d) => ({
      ...d,
      name: unqualified(short.get(d.name) ?? d.name),
    }));
  const used = new Set(items.flatMap((i) => i.departments.map((d) => d.name)));
  const levels = new Set([...used].map((n) => directory.describe(n).level).filter((l) => l !== null));
  for (const item of items) {
    item.departments = strongestRoles(
      item.departments.map((d) => {
        if (directory.describe(d.name).level !== null) return d;
        const leveled = [...levels].map((l) => `${l}${d.name}`).filter((n) => used.has(n));
        return leveled.length === 1 ? { ...d, name: leveled[0] as string } : d;
      }),
    );
  }
}

/** A label as a table cell or a heading writes it, compared without brackets' width, 、 or a final point. */
const labelKey = (label: string) =>
  label
    .replace(/\s/g, "")
    .replace(/（/g, "(")
    .replace(/）/g, ")")
    .replace(/[、.．]+$/, "")
    .replace(/、/g, "");

/** Whether an entry is the last of its item's points (三(一)3.(3) before 三(一)4.). */
/**
 * Whether most tasks so far have named their departments, on themselves or a point, as they closed (two at
 * least; a plan's opening guidance and goals name no one).
 */
function tasksCloseOnClauses(items: readonly Item[]): boolean {
  const tasks = items.filter((i) => i.parent === null);
  const named = tasks.filter((t) =>
    items.some((i) => i.departments.length > 0 && (i === t || i.id.startsWith(`${t.id}.`))),
  ).length;
  return named >= 2 && named * 2 >= tasks.length - 2;
}

/**
 * Whether most of a plan's tasks, read as drafted, close on a bracket of roles (（X牵头，Y配合）) — in their own
 * text or their points' — as {@link tasksCloseOnClauses} judges of the tasks parsed so far.
 */
function draftsCloseOnClauses(entries: readonly Draft[]): boolean {
  const tasks = entries.filter((d) => d.kind === "item" && d.path?.length === 2);
  const named = tasks.filter((t) =>
    entries.some(
      (d) =>
        d.path !== undefined &&
        d.path.length >= 2 &&
        t.path?.every((n, k) => d.path?.[k] === n) &&
        d.lines.some((l) => ROLE_BRACKET.test(l.text)),
    ),
  ).length;
  return named >= 2 && named * 2 >= tasks.length - 2;
}

/** A bracket naming who leads, does or helps (（市X局牵头，市Y局配合）). */
const ROLE_BRACKET =
  /[（(〔][^（）()〔〕]*(?:牵头|负责|配合|参与)[^（）()〔〕]*(?:[（(][^（）()]*[）)][^（）()〔〕]*)*[）)〕]\s*[。；;]?\s*$/;

/** An item below a point of the task `parent` (its 1. 2. have parts (1)(2) of their own). */
function isBelowPoint(item: Item, parent: string | null): boolean {
  return (
    parent !== null && item.parent !== null && item.parent !== parent && item.parent.startsWith(`${parent}.`)
  );
}

function isLastPoint(d: Draft, next: Draft | undefined): boolean {
  const path = d.path ?? [];
  if (path.length < 3) return false;
  const nextPath = next?.path ?? [];
  return !(nextPath.length === path.length && path.slice(0, -1).every((n, i) => nextPath[i] === n));
}

/** A unit below the plan's level, named for a place: a town, a street, a park or zone, a village. */
const LOCAL_UNIT = /(?:镇|乡|街道|街|办事处|镇街|园区|园|管委会|开发区|社区|村)(?:人民政府|政府)?$|^各/;

/**
 * By the rule that the first department of the plan's level leads (列于首位的区级部门为牵头单位): towns, streets
 * and parks carry the task out where they are, wherever they stand in the list, and the first department
 * leads.
 */
function leadOfLevel(departments: DepartmentRef[]): DepartmentRef[] {
  const local = (d: DepartmentRef) => LOCAL_UNIT.test(d.name);
  const placed = departments.map((d) => (local(d) ? { ...d, role: "responsible" as Role } : d));
  if (placed.some((d) => d.role === "lead")) return placed;
  const first = placed.find((d) => !local(d));
  return placed.map((d) => (d === first ? { ...d, role: "lead" as Role } : d));
}

/**
 * The clause on a line of its own that closes the last point of an item — （1）…（2）…（3）… then
 * 〔县经信局牵头，…参与〕 — and so speaks for the whole item, not the last point. Null otherwise.
 */
function closingClauseOfPoints(d: Draft, next: Draft | undefined): string | null {
  const path = d.path ?? [];
  if (path.length < 3 || d.lines.length < 2) return null;
  const nextPath = next?.path ?? [];
  const sibling = nextPath.length === path.length && path.slice(0, -1).every((n, i) => nextPath[i] === n);
  if (sibling) return null;
  const last = trimmed(d.lines.at(-1) as Line);
  // A name's own bracket inside (各区〔县〕人民政府, 各县（市、区）) does not close the clause.
  return /^[〔（(【][^〔〕（）()【】]*(?:[（(〔][^（）()〔〕]*[）)〕][^〔〕（）()【】]*)*[〕）)】]$/.test(
    last,
  )
    ? last
    : null;
}

/**
 * The times closing a sentence of roles (…配合，长期坚持 / …负责，2020年底前完成 / …，与本方案三（二）同步完成), with
 * earlier stages' times before them (…配合，2025年5月底前完成排查，9月底前完成治理).
 */
const CLOSING_TIMES = new RegExp(
  `(?:[，,](?:\\d{4}年|\\d{1,2}月)[^，,]*)*[，,](?:长期坚持|(?:全年|常态化)?持续推进|长期|持续|${SAME_TIME_AS.source}|[^，,]*(?:\\d{4}年|年底|月底)[^，,]*)$`,
  "u",
);

/**
 * A text without the dates that paragraphs after its points give points by number (本项分解：…限期：第1点2025年5月底前；
 * 第2点…): those are the points' own (see applyItemParagraphs), not the last point's, under whose text they stand.
 */
function withoutPointDates(
  text: string,
  paragraphs: readonly string[],
  options: Parameters<typeof parseDeadlines>[1],
): string {
  // A point dated in its own words (…达到要求。（2025年9月底前）) keeps its date: the paragraph's is its item's.
  const own = paragraphs.reduce((t, line) => t.replace(line, ""), text);
  if (paragraphs.length > 0 && parseDeadlines(own, options).length > 0) return own;
  return paragraphs.reduce(
    (t, line) => t.replace(line, line.replace(/第\s*\d{1,2}\s*点[^；;。，,]*/g, "")),
    text,
  );
}

/**
 * A field line the notice gives an item as well as each point (【落实】 beside 【本点落实】): without 本点, after
 * the last point, it is the item's.
 */
function itemsField(line: string, { fieldNames }: PlanConventions): boolean {
  const field = /^【([^】]+)】/.exec(line)?.[1];
  return field !== undefined && fieldNames.has(field) && fieldNames.has(`本点${field}`);
}

/** How many units the nearest entry above a point that names any names (0 when none does). */
function namedAbove(items: readonly Item[], parent: string | null): number {
  for (let id = parent; id !== null; ) {
    const above = items.find((i) => i.id === id);
    if (!above) return 0;
    if (above.departments.length > 0) return above.departments.length;
    id = above.parent;
  }
  return 0;
}

/** A line saying it is the point's own (本点冲刺分工：…, 该点…). */
const POINT_SAYS_OWN = /^(?:本点|该点|此点)/;
/** 本点冲线： / 本点【攻坚】 — a label a point writes as its own (global). */
const POINT_OWN_LABEL =
  /(?:本点|该点|此点)(?:【([\u4e00-\u9fa5]{2,4})】|([\u4e00-\u9fa5]{2,4})\s*[:：])|[〔【](?:本点|该点|此点)([\u4e00-\u9fa5]{2,4})[〕】]/g;
/** 冲线：2025年10月底前。 / 领航：X；… — a label and what it says, on a line of its own. */
const LABELLED_LINE = /^([\u4e00-\u9fa5]{2,4})\s*[:：]\s*(.+)$/;

/** The words before a bracket on a line of its own that say it is the task's (本项战位〔…〕, 本条分工【…】). */
const ITEM_BRACKET_LABEL = /^\s*(?:本条|本项|该项|本任务|该任务)[\u4e00-\u9fa5]{0,6}\s*$/;

/** A line saying it is the item's, not its last point's (本条落实责任：…, 本项完成时限：…, 此项工作，…, 以上各点由…). */
const SAID_OF_ITEM =
  /^(?:(?:本条|本项|该项|本任务|该任务)[\u4e00-\u9fa5]{0,6}[:：]|(?:本条|本项|此项|此条|该项)(?:工作|任务)[，,]|责成|以上各点均?(?=由))/;
/**
 * 本条由X牵头… / 本条各点均由X牵头… / 本条第1、2点分别由A、B牵头… / 本项分解：X统筹本项；Y负责第1点: a paragraph
 * dividing an item among its points.
 */
const ITEM_PARAGRAPH =
  /^(?:本条|本项)(?:各点均?由|由|第\s*[\d、，,和及至到\-—～~\s]+点分别由|[\u4e00-\u9fa5]{0,4}[:：][^。]*?(?:第\s*[\d、，,和及]+\s*点|本项|本条)(?:[；;。]|$))/;

/** 本条配合增加：X、Y (助诺 read as 配合) — units added to the task's in a role: 另由X、Y配合. */
function withAddedUnits(text: string): string {
  return text.replace(
    /(^|[；;])\s*(?:本条|本项|本点|该点|此点)?(牵头|负责|配合|参与|协同|协助)(?:单位)?增加\s*[:：]\s*([^；;]+)/g,
    "$1另由$3$2",
  );
}

/** A line of bare time (2025年10月, 持续推进) closing a task's lines of names. */
const BARE_TIME_LINE = /^(?:\d{4}年\d{1,2}月(?:\d{1,2}日)?(?:底|末)?(?:之?前)?|持续推进|长期坚持|常态化)$/;

/**
 * Lines of nothing but names after a task, parted by spaces, each a role by its place, and a last line of its time
 * (县发展改革局 / 县工业和信息化局　县自然资源局 / 2025年10月): the task's units and deadline — the item's when they
 * follow its last point. A month alone is by its end.
 */
function applyPositionalLines(
  items: Item[],
  roles: readonly Role[],
  canonical: (written: string) => string,
  options: Parameters<typeof parseDeadlines>[1],
): Set<string> {
  const given = new Set<string>();
  for (const [at, item] of items.entries()) {
    const lines = item.text
      .split("\n")
      .slice(1)
      .map((l) => l.trim())
      .filter(Boolean);
    const block: string[] = [];
    for (const line of [...lines].reverse()) {
      const names = line.split(/[\s\u3000]+/);
      const isTime = block.length === 0 && BARE_TIME_LINE.test(line);
      if (!isTime && !names.every((n) => isDepartmentName(n))) break;
      block.unshift(line);
    }
    if (block.length === 0) continue;
    const time = BARE_TIME_LINE.test(block.at(-1) as string) ? (block.pop() as string) : null;
    const lastPoint = item.parent !== null && items[at + 1]?.parent !== item.parent && item.level >= 3;
    const target = lastPoint ? items.find((i) => i.id === item.parent) : item;
    if (!target) continue;
    const units = block.flatMap((line, k) =>
      line.split(/[\s\u3000]+/).map((written) => ({
        name: canonical(written),
        role: roles[block.length === 1 ? 0 : k] ?? "support",
        written,
      })),
    );
    if (units.length > 0) target.departments = strongestRoles([...target.departments, ...units]);
    given.add(target.id);
    if (time) {
      // (Read as 2025年10月底前, quoted as written.)
      const due = /月$/.test(time) ? `${time}底前` : time;
      for (const d of parseDeadlines(due, options))
        if (!target.deadlines.some((x) => x.date === d.date))
          target.deadlines.push({ ...d, text: time, sentence: time });
    }
  }
  return given;
}

/** A clause ending in a role verb (由甲负责实施 and 由甲联合乙实施, as notices define them, end in 实施). */
const ENDS_IN_ROLE = /(?:牵头|负责|配合|参与|落实|协同|协助|协办|责任|实施)$/;

/**
 * A sentence without the clauses after its last role verb when they say when (…联合乙实施，2025年6月下旬前完成
 * 登记，路检全年持续开展): the clause that assigns, before them.
 */
function beforeTimes(sentence: string): string {
  const pieces = sentence.split(/[，,]/);
  for (let k = pieces.length - 1; k >= 1; k--) {
    const head = pieces.slice(0, k).join("，");
    if (!ENDS_IN_ROLE.test(head)) continue;
    // Every clause after it says when (a clause of what to do is the task's, and its sentence no clause).
    const timed = pieces
      .slice(k)
      .every(
        (piece) =>
          isTimeLimit(piece) ||
          /\d{1,2}月(?:上旬|中旬|下旬|底|末|\d{1,2}日|前)|年底|年内|持续|常态|长期|全年/.test(piece),
      );
    return timed ? head : sentence;
  }
  return sentence;
}

/**
 * The departments of an item that ends in a sentence of its own naming them, outside any bracket:
 * 由市城市管理局牵头，市交通运输局、市生态环境局配合。 (a last sentence such as 长期坚持 may follow, or a
 * time close the sentence).
 */
function closingSentence(
  written: string,
  canonical: (written: string) => string,
  { roleWords, lineMarks, namedTimes }: PlanConventions,
): DepartmentRef[] {
  // (…助跑，入冬前撞线: a time the notice names closes the clause as a date does.)
  const text = withNamedDates(written, namedTimes);
  // Outside bracketed clauses: those have been read already (or belong to the item above); a name's
  // own bracket (各县（市、区）人民政府) stays.
  // (A bracket in the notice's own words — X挂图作战；Y对表推进｜元旦前 — is a clause as much as any.)
  const outside = outsideBrackets(
    text,
    (b) => parseResponsibility(withRoleWords(timeAfterBar(b.inner), roleWords)) !== null,
  );
  // 分工：X牵头；Y负责；Z配合。时限：… — a line whose clauses, parted by semicolons, are read together.
  const division = [...outside.split("\n")].reverse().find(isDivisionLine);
  if (division) {
    const clause = withRoleWords(division.trim().split("。")[0] as string, roleWords);
    const read = parseResponsibility(clause, canonical);
    if (read && read.departments.length > 0) return read.departments;
  }
  const sentences = outside
    .split(/[。；;]|(?=——)/)
    .map((x) => x.trim())
    .filter((x) => x !== "");
  for (const written of sentences.slice(-2).reverse()) {
    // ■区发改局　□区工信局　△2025年9月底前: names after the marks the notice defines.
    const marked = markedLine(written, lineMarks);
    const read = marked ? parseResponsibility(marked, canonical) : null;
    if (read && read.departments.length > 0) return read.departments;
    // ——市生态环境局牵头，市工信局配合 / ——市能源局: a dash sets the departments off; one named with no
    // verb carries the task out.
    const dashed = /^[—–]+/.test(written);
    // ▲X牵头负责，Y配合 / ※X挑头；Y落地 — a mark opening the line sets it off as the task's division of labour; the
    // role words the notice defines (本项由X负首责，Y协同) read as their roles.
    // 【责任与时限】X总协调，Y承办 / 推进机制：X总牵头，Y抓推进 — a field's name over the sentence says no one.
    const head = SENTENCE_HEAD.exec(written);
    const headless =
      head && !isDepartmentName((head[1] ?? head[2]) as string) ? written.slice(head[0].length) : written;
    const sentence = withRoleWords(headless.replace(/^[—–]+|^[▲△►▶◆◇■□●○※]\s*/, ""), roleWords);
    if (dashed && !hasRoleVerb(sentence)) {
      const read = parseBareNames(sentence, "responsible", canonical);
      if (read && read.departments.length > 0) return read.departments;
    }
    // A time may close the sentence (…配合，长期坚持 / …负责，2020年底前完成), or times of stages
    // (…配合，2025年5月底前完成排查，9月底前完成治理): the clause before them.
    const untimed = sentence.replace(CLOSING_TIMES, "");
    for (const clause of new Set([sentence, untimed, beforeTimes(sentence)])) {
      // (由甲负责实施 / 由甲联合乙实施, as the notice defines them, end in 实施.)
      if (clause.length > 160 || !ENDS_IN_ROLE.test(clause)) continue;
      const read = parseResponsibility(clause, canonical);
      if (read && read.departments.length > 0) return read.departments;
    }
  }
  return [];
}

/**
 * The roles a task's opening sentence says when it says nothing else (（一）严格项目准入。由X总负责，Y具体承办。坚决…):
 * one of its first two sentences, on its first line, outside brackets. Empty when neither is such a sentence.
 */
function openingRoles(
  text: string,
  canonical: (written: string) => string,
  roleWords: ReadonlyMap<string, Role>,
): DepartmentRef[] {
  const firstLine = outsideBrackets(text.split("\n")[0] ?? "", (b) => parseResponsibility(b.inner) !== null);
  for (const written of firstLine.split("。").slice(0, 2)) {
    // （二）加快退出落后产能——X领跑，Y并跑: the dash sets the roles off from the task's title.
    const dash = written.lastIndexOf("——");
    const sentence = withRoleWords(
      (dash >= 0 ? written.slice(dash + 2) : written).replace(
        /^\s*(?:[(（][一二三四五六七八九十\d]+[)）]|\d+[.．、])?\s*/,
        "",
      ),
      roleWords,
    );
    if (isRoleSentence(sentence)) return parseResponsibility(sentence, canonical)?.departments ?? [];
  }
  return [];
}

/**
 * A task whose heading carries a kind the notice defines (（一）【属地类】压实…): its bracket's units take their roles
 * by the kind's rule, and so do its points' own (按所在任务的类别确定责任分工).
 */
function applyTaskKinds(items: readonly Item[], kinds: ReadonlyMap<string, TaskKindRule>): void {
  if (kinds.size === 0) return;
  const kindOf = (item: Item | undefined): TaskKindRule | null => {
    for (let at = item; at; at = items.find((i) => i.id === at?.parent)) {
      const tag = /【([^】\n]{1,6})】/.exec(at.text.split("\n")[0] ?? "")?.[1];
      if (tag && kinds.has(tag)) return kinds.get(tag) ?? null;
    }
    return null;
  };
  for (const item of items) {
    const kind = kindOf(item);
    if (kind?.rule !== "local") continue;
    const local = (name: string) =>
      kind.locals.includes(name) || /乡镇|街道|(?:镇|乡)人民政府|办事处/.test(name);
    item.departments = item.departments.map((d) =>
      d.from === undefined ? { ...d, role: local(d.name) || local(d.written) ? "responsible" : "lead" } : d,
    );
  }
}

/** A field's name opening a sentence of roles: 【责任与时限】, 推进机制：. */
const SENTENCE_HEAD = /^(?:[【〔［[]([^】〕］\]]{1,8})[】〕］\]]|([\u4e00-\u9fa5]{2,6})[:：])\s*/;

/** An entry draft as an item (departments and deadlines are filled in by the caller). */
function toItem(doc: string, d: Draft, source: string, sections: readonly Section[]): Item {
  const path = d.path as number[];
  const section = sections[(path[0] as number) - 1] as Section;
  const first = d.lines[0] as Line;
  const { start } = contentSpan(first);
  const { end } = contentSpan(d.lines.at(-1) as Line);
  // A row rebuilt from a table laid out in columns is quoted as rebuilt: its cells, not the layout.
  const reflowed = d.lines.some((l) => l.reflowed);
  const text = reflowed
    ? d.lines.map((l) => (l.reflowed ? l.text : trimmed(l))).join("\n")
    : source.slice(start, end);
  const own = path.length === 1;
  const firstLine = trimmed(first).slice(d.markerLength ?? 0);
  return {
    doc,
    id: path.join("."),
    path,
    level: path.length,
    parent: path.length > 2 ? path.slice(0, -1).join(".") : null,
    // A decimal number (2.3) names its section itself.
    label: /^\d+\.\d+/.test(d.pieces?.[0] ?? "")
      ? (d.pieces ?? []).join("")
      : `${section.label}${(d.pieces ?? []).join("")}`,
    section: section.number,
    number: path.at(-1) as number,
    title: own ? section.title : headSentence(firstLine) || section.title,
    text,
    span: { start, end },
    departments: [],
    deadlines: [],
    periods: [],
    quantities: parseQuantities(text),
    standingNote: null,
    ...(reflowed ? { reflowed } : {}),
  };
}

/**
 * The one entry printed with number n. (1.…34. through the sections), or none when the number is
 * not printed once only (a body that restarts its count in each section).
 */
function numbered(items: readonly Item[], n: number): Item | undefined {
  const found = items.filter((i) => i.number === n && /\d+\.$/.test(i.label));
  return found.length === 1 ? found[0] : undefined;
}

/**
 * Departments with the first of several leads (or, with no lead, of several responsible) leading and
 * the others taking `others`: the plan's rule for a place that names more than one.
 */
function firstOfSeveral(departments: DepartmentRef[], others: Role, alone: boolean): DepartmentRef[] {
  const leads = departments.filter((d) => d.role === "lead");
  const slot =
    leads.length > 1 ? leads : leads.length === 0 ? departments.filter((d) => d.role === "responsible") : [];
  // A rule for places with no lead marked (未列牵头单位的，由第一位牵头) takes a name standing alone too.
  if (slot.length < (alone && leads.length === 0 ? 1 : 2)) return departments;
  return departments.map((d) =>
    d === slot[0] ? { ...d, role: "lead" } : slot.includes(d) ? { ...d, role: others } : d,
  );
}
