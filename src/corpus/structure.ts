/**
 * The numbered structure of a plan body: sections 一、 and, below them, the genre's numbering levels
 * (一) → 1. (also 1、 and 1．) → (1) or ①, or paragraphs 第一，第二，…, in whatever order of depth a document
 * uses them. A number opens a
 * part only when it continues the numbering where it stands (the next at its level, or 1 for a new
 * level), so a figure that happens to start a line stays text. Items of the first level may restart
 * in each section or run on across sections, and a deeper level may run on across the headings of
 * its section or of the whole document (measures 1．…35． under (一)…(六)); the printed number is kept
 * either way.
 */
import { type Line, trimmed } from "./lines.js";
import { formatSmallNumeral, parseSmallNumeral } from "./numerals.js";
import type { Part, Section } from "./schema.js";
import { ROW_NUMBER } from "./table.js";

/** A section heading: 一、总体要求 (also 一．), a chapter 第一章　总则 or part 第一部分　总体要求, or a named action 行动一：…. */
const SECTION =
  /^([一二三四五六七八九十]{1,3})\s*[、．]\s*(.+)$|^第([一二三四五六七八九十]{1,3})(章|部分)\s*(.+)$|^行动([一二三四五六七八九十]{1,3})\s*[：:、]\s*(.+)$/;

/** The numbering styles below a section, with how each prints in a label. */
const STYLES = [
  {
    style: "cn",
    pattern: /^[(（]\s*([一二三四五六七八九十]{1,4})\s*[)）]\s*/,
    label: (n: number) => `(${formatSmallNumeral(n)})`,
  },
  // ㈠㈡㈢ — the same in one character each, as pages copied from a word processor have them.
  { style: "cn", pattern: /^([\u3220-\u3229])\s*/, label: (n: number) => `(${formatSmallNumeral(n)})` },
  { style: "paren", pattern: /^[(（]\s*(\d{1,2})\s*[)）]\s*/, label: (n: number) => `(${n})` },
  // 1）2）3） — points numbered with a closing bracket only.
  { style: "half", pattern: /^(\d{1,2})\s*[)）]\s*/, label: (n: number) => `${n})` },
  // a）b）c） — points lettered under a task.
  {
    style: "letter",
    pattern: /^([a-h])\s*[)）]\s*/,
    label: (n: number) => `${String.fromCharCode(96 + n)})`,
  },
  // ⑴⑵⑶ — the same points in one character each.
  { style: "paren", pattern: /^([\u2474-\u2487])\s*/, label: (n: number) => `(${n})` },
  // ①②③ — circled numbers, the lowest level of some plans.
  {
    style: "circled",
    pattern: /^([\u2460-\u2473])\s*/,
    label: (n: number) => String.fromCodePoint(0x2460 + n - 1),
  },
  // 第一条　… — articles of a plan written in chapters, numbered through the whole document.
  {
    style: "article",
    pattern: /^第\s*([一二三四五六七八九十]{1,4})\s*条(?![件款])\s*/,
    label: (n: number) => `第${formatSmallNumeral(n)}条`,
  },
  // 第一，…第二，… — paragraphs counted in words under a section heading.
  {
    style: "ordinal",
    pattern: /^第\s*([一二三四五六七八九十]{1,3})\s*[，,、：:]\s*/,
    label: (n: number) => `、第${formatSmallNumeral(n)}`,
  },
  // 1．2025年10月底前，… or 1.2025/2026年榨季… — a task may open with its year (or a season's two years), a
  // month (1．4月至10月…), a whole number of three digits or more (1．5000平方米…) or a number of 万 or of 蒸吨
  // (1.30万千瓦及以上…, 1.35蒸吨/小时…); a number after the point is otherwise a decimal.
  {
    style: "num",
    pattern:
      /^(\d{1,2})\s*[.．、](?!(?!\d{4}(?:年|[/／]\d{4}年)|\d{1,2}月|[1-9]\d{2,}(?![.．\d])|[1-9]\d{0,2}(?:万|蒸吨))\d)\s*/,
    label: (n: number) => `${n}.`,
  },
  // ⒈⒉⒊ — the same in one character each.
  { style: "num", pattern: /^([\u2488-\u249b])\s*/, label: (n: number) => `${n}.` },
  // 2.3 or 2-3 — numbers whose first part is the section's own (二、 → 2.1, 2.2 …); the label is the
  // number as the section and the item (2.3).
  {
    style: "decimal",
    pattern: /^\d{1,2}\s*[.．\-－—]\s*(\d{1,2})(?![\d.．\-－])\s*/,
    label: (n: number, section = 0) => `${section}.${n}`,
  },
  // 【严把项目准入关】 — an unnumbered item headed by its title in lenticular brackets, counted in order
  // within its section (a label such as 【责任单位】 or 【对标】 is no title).
  {
    style: "titled",
    pattern:
      /^【(?![^】]*(?:单位|部门|时限|时间|分工|责任|牵头|配合|目标任务|工作措施|对标|对应|依据|出处|备注|说明|来源|承接))[^】]{2,30}】\s*/,
    label: (n: number) => `【${n}】`,
  },
  // 任务1　严控高耗能项目准入 — task cards numbered through the plan, their fields on lines below.
  {
    style: "task",
    pattern: /^任务\s*(\d{1,3})(?=[\s　：:、.．])[\s　：:、.．]*/,
    label: (n: number) => `任务${n}`,
  },
  // A table row's number cell (a task list copied from a table): read only in a document with a table.
  { style: "row", pattern: ROW_NUMBER, label: (n: number) => `${n}.` },
  // A plan in chapters and their 节 (a five-year plan): 第一节 under 第一章, then 一、 as a level below it.
  // Read only in such a plan, where 一、 is no section.
  {
    style: "jie",
    pattern: /^第\s*([一二三四五六七八九十]{1,3})\s*节\s*/,
    label: (n: number) => `第${formatSmallNumeral(n)}节`,
  },
  {
    style: "dun",
    pattern: /^([一二三四五六七八九十]{1,3})\s*[、．]\s*/,
    label: (n: number) => `${formatSmallNumeral(n)}、`,
  },
] as const;
type Style = (typeof STYLES)[number]["style"];

/** Numbering levels below a section: (一) → 1. → (1). */
const MAX_DEPTH = 3;

/** A numbered marker at the start of a line. */
interface Marker {
  style: Style;
  number: number;
  /** Characters the marker takes, with the spaces after it. */
  length: number;
}

function readMarker(
  line: string,
  rows: boolean,
  section: number,
  chapters = false,
  isLabel: (word: string) => boolean = () => false,
): Marker | null {
  // １．（１） — full-width digits, as pages typed in a word processor have them, number as 1. (1).
  const text = line.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  for (const { style, pattern } of STYLES) {
    if (style === "row" && !rows) continue;
    if ((style === "jie" || style === "dun") && !chapters) continue;
    const m = pattern.exec(text);
    if (!m) continue;
    if (style === "decimal" && Number.parseInt(m[0], 10) !== section) continue;
    // Titled items carry no number: accept() counts them.
    if (style === "titled") {
      if (isLabel((/^【([^】]+)】/.exec(text)?.[1] ?? "").trim())) continue;
      return { style, number: 0, length: 0 };
    }
    const number =
      style === "letter" ? (m[1] as string).charCodeAt(0) - 96 : parseSmallNumeral(m[1] as string);
    if (number !== null && number > 0) return { style, number, length: m[0].length };
  }
  return null;
}

/** The label piece a style prints for a number: (一), 1., (1), and 2.3 for a decimal of section 2. */
export function labelPiece(style: Style, n: number, section = 0): string {
  return (STYLES.find((s) => s.style === style) as (typeof STYLES)[number]).label(n, section);
}

/** A part of the body being collected: its lines, and for an entry its place in the numbering. */
export interface Draft {
  kind: Part["kind"];
  /** Section number for a heading, entry id for an entry, paragraph index for preamble. */
  ref: string;
  /** Offset where the part begins (its first line's start, indentation included). */
  start: number;
  /** Its non-empty lines. */
  lines: Line[];
  /** For an entry: section number, then the printed number at each level below it. */
  path?: number[];
  /** For an entry: the label pieces below the section, e.g. ["(一)", "1."]. */
  pieces?: string[];
  /** For an entry: characters of its first line taken by its number. */
  markerLength?: number;
  /** For an entry: it is a row of a task table (its lines are cells). */
  row?: boolean;
}

/** The body's sections and its parts in order; entries are the parts of kind "item". */
export interface Structure {
  sections: Section[];
  drafts: Draft[];
}

/** Options for {@link readStructure}. */
export interface StructureOptions {
  /** The document has a task table: a line holding only a number (its 序号 cell) opens a row. */
  rows?: boolean;
  /**
   * Words the plan's notice makes labels (“【统筹】”后所列为牵头单位): 【统筹】 opening a line is a field of the
   * task above, no title of an unnumbered item.
   */
  isLabel?: (word: string) => boolean;
}

/**
 * （一）经办：X　协理：Y　结项：… — a line giving a task, by its number, its units and time in fields parted by spaces,
 * with no sentence of its own: one of a block that assigns a section's tasks (本部分分工), no task itself.
 */
export const ASSIGNMENT_LINE =
  /^[（(]([一二三四五六七八九十]{1,3})[）)]\s*(?=\p{Script=Han}{2,4}\s*[:：][^。；;\s\u3000]+[\s\u3000]+\p{Script=Han}{2,4}\s*[:：][^。]*$)/u;

/** Reads the sections and numbered entries of a body, given as its lines. */
export function readStructure(bodyLines: readonly Line[], options: StructureOptions = {}): Structure {
  const drafts: Draft[] = [];
  const sections: Section[] = [];
  let section = 0;
  let preambleCount = 0;
  // Open numbering levels of the current section, outermost first.
  let stack: Array<{ style: Style; number: number }> = [];
  // The first level's style and last number, which may run on across sections.
  let firstLevel: { style: Style; number: number } | null = null;
  // The last number of each deeper style in this section: measures 1．…35． may run on under the
  // headings (一)…(六) that group them.
  let lastInSection = new Map<Style, number>();
  // …and in the document: points 1．…37． may also run on across sections, under each section's (一).
  const lastInDocument = new Map<Style, number>();

  const open = (line: Line, marker: Marker) => {
    const path = [section, ...stack.map((s) => s.number)];
    drafts.push({
      kind: "item",
      ref: path.join("."),
      start: line.start,
      lines: [line],
      path,
      pieces: stack.map((s) => labelPiece(s.style, s.number, section)),
      markerLength: marker.length,
      row: marker.style === "row",
    });
  };

  /** The section's own entry: text standing under its heading, not under a number. */
  const openOwnEntry = (line: Line) => {
    drafts.push({
      kind: "item",
      ref: String(section),
      start: line.start,
      lines: [line],
      path: [section],
      pieces: [],
      markerLength: 0,
    });
  };

  // A plan in 第X章 and 第X节: its chapters are the sections, and 一、 is a level under a 节.
  const chapters =
    bodyLines.some((l) => /^第[一二三四五六七八九十]{1,3}章/.test(trimmed(l))) &&
    bodyLines.some((l) => /^第[一二三四五六七八九十]{1,3}节/.test(trimmed(l)));
  for (const line of bodyLines) {
    const t = trimmed(line);
    if (t === "") continue;
    const found = SECTION.exec(t);
    const sm = chapters && found && found[4] !== "章" ? null : found;
    const sectionNumber = sm ? parseSmallNumeral((sm[1] ?? sm[3] ?? sm[6]) as string) : null;
    if (sm && sectionNumber === section + 1) {
      section = sectionNumber;
      stack = [];
      lastInSection = new Map();
      const heading = ((sm[2] ?? sm[5] ?? sm[7]) as string).replace(/\s+/g, " ").trim();
      // 一、严把项目环境准入。严格落实…（X牵头） — a measure written on its heading's line: the heading is
      // its title, and the line is also the section's own entry.
      const ownText = /^([^。]{2,40})。(.{10,})$/.exec(heading);
      sections.push({
        number: section,
        label: sm[1] ?? (sm[3] ? `第${sm[3]}${sm[4]}` : `行动${sm[6]}`),
        title: ownText ? (ownText[1] as string) : heading,
        span: { start: line.start + line.text.indexOf(t), end: line.start + line.text.indexOf(t) + t.length },
      });
      drafts.push({ kind: "heading", ref: String(section), start: line.start, lines: [line] });
      if (ownText) openOwnEntry(line);
      continue;
    }
    const marker =
      section > 0 && !ASSIGNMENT_LINE.test(t)
        ? readMarker(t, options.rows ?? false, section, chapters, options.isLabel)
        : null;
    if (marker && accept(marker)) {
      open(line, marker);
      continue;
    }
    // 2.65蒸吨/小时及以上… after point 1.: the point the numbering expects, its text opening with a figure.
    const expected = section > 0 ? nextPointOpeningWithFigure(t) : null;
    if (expected && accept(expected)) {
      open(line, expected);
      continue;
    }
    const current = drafts.at(-1);
    if (section === 0 || !current) {
      drafts.push({ kind: "preamble", ref: String(preambleCount++), start: line.start, lines: [line] });
    } else if (current.kind === "heading") {
      // Text standing directly under a heading: the section's own entry.
      openOwnEntry(line);
    } else {
      current.lines.push(line); // a further paragraph of the same part
    }
  }
  return { sections, drafts };

  /** The next point 1. 2. … of the open level when a line opens with its number and then a figure (2.65…). */
  function nextPointOpeningWithFigure(text: string): Marker | null {
    const open = stack.find((s) => s.style === "num");
    if (!open) return null;
    const m = new RegExp(`^${open.number + 1}\\s*[.．](?=\\d)`).exec(text);
    return m ? { style: "num", number: open.number + 1, length: m[0].length } : null;
  }

  /** Whether a marker continues the numbering where it stands; if so, the levels are updated. */
  function accept(found: Marker): boolean {
    // A titled item is the next of its level: one more than the last in its section.
    const marker =
      found.style === "titled"
        ? {
            ...found,
            number: (stack.find((s) => s.style === "titled")?.number ?? 0) + 1,
          }
        : found;
    const depth = stack.findIndex((s) => s.style === marker.style);
    if (depth >= 0) {
      if (marker.number !== (stack[depth] as { number: number }).number + 1) return false;
      stack = [...stack.slice(0, depth), { style: marker.style, number: marker.number }];
    } else if (stack.length === 0) {
      const runsOn = firstLevel?.style === marker.style && marker.number === firstLevel.number + 1;
      if (marker.number !== 1 && !runsOn) return false;
      stack = [{ style: marker.style, number: marker.number }];
    } else {
      // A new level opens at 1, or where the same level left off under the previous heading (ids
      // have at most four parts: the section and three levels).
      const last = lastInSection.get(marker.style) ?? lastInDocument.get(marker.style) ?? -1;
      const runsOn = marker.number === last + 1;
      if ((marker.number !== 1 && !runsOn) || stack.length >= MAX_DEPTH) return false;
      stack = [...stack, { style: marker.style, number: marker.number }];
    }
    if (stack.length === 1) firstLevel = { style: marker.style, number: marker.number };
    else {
      lastInSection.set(marker.style, marker.number);
      lastInDocument.set(marker.style, marker.number);
    }
    return true;
  }
}
