/**
 * Task lists published as tables (附件：重点任务清单 with columns 序号 | 重点任务 | 具体措施 | 牵头单位 |
 * 配合单位 | 完成时限). Copied from a page, a table arrives one cell per line, or one row per line with
 * its cells parted by tabs or bars. Its rows are the plan's entries under the section rows (一、…);
 * their cells say the task, the measures and, by column, who leads, who supports and the deadline.
 */
import { type Line, trimmed } from "./lines.js";
import { isChrome, isTailMarker } from "./page.js";
import { isDepartmentName } from "./responsibility.js";

/** The column a header cell names, by what it holds. */
export type ColumnKind =
  | "number"
  | "item"
  | "task"
  | "lead"
  | "support"
  | "responsible"
  | "deadline"
  | "group"
  | "other";

const COLUMN_KINDS: ReadonlyArray<readonly [RegExp, ColumnKind]> = [
  [/^(?:序号|编号)$/, "number"],
  // The body item a row of a division-of-labour table (分工表) stands for: 二（三）.
  [
    /^(?:方案条目|对应条目|条目|对应条款|方案条款|任务条目|对应任务|方案任务|文件条目|任务序号|对应序号)$/,
    "item",
  ],
  [/^(?:牵头单位|牵头部门|主责单位)$/, "lead"],
  [/^(?:配合单位|配合部门|参与单位|协同单位|协办单位)$/, "support"],
  [/^(?:责任单位|责任部门|主要责任单位|实施单位|落实单位)$/, "responsible"],
  [/^(?:完成时限|完成时间|时间节点|时限要求|完成期限)$/, "deadline"],
  [/^(?:重点任务|主要任务|工作任务|任务名称|任务|项目名称|重点工作)$/, "task"],
  // A category over several rows (类别: 产业结构调整), written on the first row of its group.
  [/^(?:类别|分类|类型|领域|任务类别|工作类别|重点领域)$/, "group"],
  [/^(?:具体措施|工作措施|主要措施|任务措施|工作内容|主要内容|具体内容|目标任务|工作目标|备注)$/, "other"],
];

/** The label a role column's cell is read with (the labelled-list parser knows these words). */
export const COLUMN_LABEL: Readonly<Partial<Record<ColumnKind, string>>> = {
  lead: "牵头单位",
  support: "配合单位",
  responsible: "责任单位",
};

/** Cells of a row written on one line: parted by a tab, a bar or a run of spaces. */
const CELL_BREAK = /\t+|\s*[|｜]\s*|[ \u3000]{2,}/;

/**
 * The cells of one line. Parted by tabs, an empty cell stays (a category written only on the first
 * row of its group leaves the others' first cell empty: 2⇥⇥淘汰落后产能⇥…); otherwise empty pieces go.
 */
function lineCells(line: string): string[] {
  if (line.includes("\t"))
    return line
      .replace(/^\s+|\s+$/g, "")
      .split("\t")
      .map((c) => c.trim());
  return line
    .split(CELL_BREAK)
    .map((c) => c.trim())
    .filter((c) => c !== "");
}

function kindOf(cell: string): ColumnKind | null {
  const c = cell.replace(/\s+/g, "");
  return COLUMN_KINDS.find(([re]) => re.test(c))?.[1] ?? null;
}

/**
 * The columns of a task table, read from its header: a 序号 cell followed by at least two more
 * column names (one per line, or on the same line). Null when the lines hold no such header.
 */
export function readTableColumns(lines: readonly Line[]): ColumnKind[] | null {
  const found = findHeader(lines);
  // A table whose rows name body items divides the body's tasks; its rows are no entries.
  return found && !found.columns.includes("item") ? found.columns : null;
}

/** Whether cells are a task table's header: a 序号 cell and at least two more column names. */
export function isTableHeader(cells: readonly string[]): boolean {
  const kinds = cells.map(kindOf);
  return kinds[0] === "number" && kinds.length >= 3 && kinds.every((k) => k !== null);
}

/** The first table header in the lines: its columns and the index of the line after it. */
function findHeader(lines: readonly Line[]): { columns: ColumnKind[]; after: number } | null {
  for (let i = 0; i < lines.length; i++) {
    const cells = trimmed(lines[i] as Line)
      .split(CELL_BREAK)
      .filter((c) => c !== "");
    // A category column may come first (类别 | 序号 | …), its cell merged over its group's rows.
    const numberFirst = kindOf(cells[0] ?? "") === "number";
    const groupFirst = kindOf(cells[0] ?? "") === "group" && kindOf(cells[1] ?? "") === "number";
    if (!numberFirst && !groupFirst) continue;
    const kinds = cells.map(kindOf);
    if (cells.length > 1) {
      if (kinds.every((k) => k !== null) && kinds.length >= 3)
        return { columns: kinds as ColumnKind[], after: i + 1 };
      continue;
    }
    const columns: ColumnKind[] = ["number"];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const t = trimmed(lines[j] as Line);
      if (t === "") continue;
      const kind = kindOf(t);
      if (!kind) break;
      columns.push(kind);
    }
    if (columns.length >= 3) return { columns, after: j };
  }
  return null;
}

/** A division-of-labour table (重点任务分工表): per row, the body item it names and its cells. */
export interface DivisionRow {
  /** The item as the row writes it: 二（三）, or its printed number (5) when `byNumber`. */
  item: string;
  /** The row names its task by the printed number alone (a table with no 方案条目 column). */
  byNumber: boolean;
  cells: Array<{ kind: ColumnKind; text: string }>;
}

/**
 * The rows of a table that assigns the body's items (序号 | 方案条目 | 重点任务 | 牵头单位 | 责任单位 |
 * 完成时限, or 序号 | 重点任务 | 责任单位 | 配合单位 | 完成时限 numbered as the body is), usually in an
 * attachment after the signature. Empty when the lines hold none.
 */
export function readDivisionTable(lines: readonly Line[]): DivisionRow[] {
  const header = findHeader(lines);
  if (!header) return readMatrix(lines);
  // Without a column naming the body item, a row's 序号 is the printed number of the task it assigns
  // (a body numbered 1.…34. through its sections).
  const itemColumn = header.columns.includes("item") ? "item" : "number";
  // A table with a 配合单位 column beside its 责任单位 one and no 牵头单位 column: 责任单位 leads.
  const columns = header.columns.map((c) =>
    c === "responsible" && header.columns.includes("support") && !header.columns.includes("lead")
      ? "lead"
      : c,
  );
  const texts: string[] = [];
  for (const line of lines.slice(header.after)) {
    const t = trimmed(line);
    if (t === "") continue;
    // The page goes on after the table: its footer, a note under it.
    if (isChrome(t) || isTailMarker(t) || /^(?:注|备注|说明)\s*[:：]/.test(t)) break;
    if (ROW_NUMBER.test(t)) texts.push(t);
    else if (texts.length > 0) texts[texts.length - 1] += `\n${t}`;
  }
  return texts.flatMap((text) => {
    const cells = rowCells(text, columns);
    const item = cells.find((c) => c.kind === itemColumn)?.text;
    return item ? [{ item, byNumber: itemColumn === "number", cells }] : [];
  });
}

/**
 * A table whose first column is a category merged over its group's rows (类别 | 序号 | …): the
 * group's first row carries it (（一）产业结构调整⇥1⇥…), the others start at their number. Such a
 * first row is split in two lines — the category, an entry of its own, and the row — and the rows'
 * columns are the table's without the category.
 */
export function splitMergedGroups(
  lines: readonly Line[],
  columns: readonly ColumnKind[] | null,
): { lines: Line[]; columns: ColumnKind[] | null } {
  if (!columns || columns[0] !== "group")
    return { lines: [...lines], columns: columns ? [...columns] : null };
  const out: Line[] = [];
  for (const line of lines) {
    const m = /^([\s\u3000]*[(（][一二三四五六七八九十]{1,3}[)）][^\t]{1,30})\t+(?=\d{1,3}\t)/.exec(
      line.text,
    );
    if (!m) {
      out.push(line);
      continue;
    }
    const cut = m[0].length;
    out.push({
      text: (m[1] as string).trimEnd(),
      start: line.start,
      end: line.start + (m[1] as string).trimEnd().length,
    });
    out.push({ text: line.text.slice(cut), start: line.start + cut, end: line.end });
  }
  return { lines: out, columns: columns.slice(1) };
}

/** The marks of a responsibility matrix, as its note says them (●为牵头单位，○为配合单位). */
const MATRIX_MARKS = /[●★◆■▲√✓○☆◇□△]/;
const LEAD_MARK = /([●★◆■▲√✓])\s*(?:为|表示|代表|是)\s*牵头/;
const SUPPORT_MARK = /([○☆◇□△])\s*(?:为|表示|代表|是)\s*(?:配合|参与|协同|协办)/;

/**
 * A responsibility matrix (序号 | 重点任务 | 区发展改革局 | 区工业和信息化局 | …, a mark in a
 * department's column for each task: ● leads, ○ supports, as its note says), read as division rows
 * naming each task's lead and support departments. Empty when the lines hold none.
 */
function readMatrix(lines: readonly Line[]): DivisionRow[] {
  const texts = lines.map((l) => l.text);
  const at = texts.findIndex((t) => {
    const cells = t.split("\t").map((c) => c.trim());
    return (
      t.includes("\t") &&
      (kindOf(cells[0] ?? "") === "number" || kindOf(cells[0] ?? "") === "item") &&
      cells.slice(1).filter((c) => isDepartmentName(c)).length >= 3
    );
  });
  if (at < 0) return [];
  const header = (texts[at] as string).split("\t").map((c) => c.trim());
  const note = texts.slice(at).join("\n");
  const lead = LEAD_MARK.exec(note)?.[1] ?? "●";
  const support = SUPPORT_MARK.exec(note)?.[1] ?? "○";
  const rows: DivisionRow[] = [];
  for (const text of texts.slice(at + 1)) {
    if (!text.includes("\t")) {
      if (text.trim() === "") continue;
      break; // the table ends at its note or the page after it
    }
    const cells = text.split("\t").map((c) => c.trim());
    const item = cells[0] ?? "";
    if (!item || !cells.some((c) => MATRIX_MARKS.test(c))) continue;
    const named = (mark: string) =>
      header
        .filter((name, i) => i > 0 && isDepartmentName(name) && (cells[i] ?? "").includes(mark))
        .join("、");
    const task = cells[1] ?? "";
    rows.push({
      item,
      byNumber: /^\d+$/.test(item),
      cells: [
        { kind: "item", text: item },
        { kind: "task", text: task },
        { kind: "lead", text: named(lead) },
        { kind: "support", text: named(support) },
      ],
    });
  }
  return rows;
}

/** Whether a line is a row's number cell (alone, or first on a row written on one line). */
export const ROW_NUMBER = /^(\d{1,3})(?=$|\t|\s*[|｜]|[ \u3000]{2,})/;

/**
 * A row's cells matched to the columns: the cells of a row are its lines (and the parts of a line
 * parted by tabs or bars); when a cell runs over several lines (a long 具体措施), the columns before
 * it are matched from the start, those after it from the end, and it takes the rest.
 */
export function rowCells(text: string, columns: readonly ColumnKind[]): Cell[] {
  const lines = text
    .split("\n")
    // A note under the table (注：…) belongs to no column.
    .filter((l) => !/^\s*(?:注|备注|说明)\s*[:：]/.test(l));
  // One line of tab-parted cells, as many as the columns: matched as they stand, empty cells too.
  const first = lines.length === 1 ? lineCells(lines[0] as string) : [];
  if (first.length === columns.length)
    return first.map((c, i) => ({ kind: columns[i] as ColumnKind, text: c }));
  if (first.length >= 3 && first.length < columns.length && (lines[0] as string).includes("\t"))
    return shortRow(first, columns);
  const cells = lines.flatMap(lineCells).filter((c) => c !== "");
  if (cells.length <= columns.length)
    return cells.map((c, i) => ({ kind: columns[i] as ColumnKind, text: c }));
  // The column that runs long: the measures, else the task.
  const long = [columns.indexOf("other"), columns.indexOf("task")].find((i) => i > 0);
  const head = long ?? Math.floor(columns.length / 2);
  const tail = columns.length - head - 1;
  return columns.map((kind, i) => {
    if (i < head) return { kind, text: cells[i] as string };
    if (i >= columns.length - tail)
      return { kind, text: cells[cells.length - (columns.length - i)] as string };
    return { kind, text: cells.slice(head, cells.length - tail).join("\n") };
  });
}

/** A cell that says when: 2025年10月底前, 全年持续推进. */
const DATE_CELL = /(?:\d{4}年|\d{1,2}月|年底|持续|长期|前$)/;

/**
 * A tab-parted row with fewer cells than its table's columns: cells merged over several rows (a
 * lead or deadline shared with the row above) are written on the first of them only. Its number,
 * task and measures are read from the left; of the rest, a cell giving a date is the time limit and
 * the departments fill the role columns from the right (a support list stands beside a merged lead).
 * The columns left are `merged`: the caller takes them from the row above.
 */
function shortRow(cells: readonly string[], columns: readonly ColumnKind[]): Cell[] {
  const out: Cell[] = columns.map((kind) => ({ kind, text: "", merged: true }));
  const roles = new Set<ColumnKind>(["lead", "support", "responsible", "deadline"]);
  let at = 0;
  let i = 0;
  for (; i < columns.length && at < cells.length && !roles.has(columns[i] as ColumnKind); i++, at++)
    out[i] = { kind: columns[i] as ColumnKind, text: cells[at] as string };
  const rest = cells.slice(at);
  const deadline = columns.indexOf("deadline");
  const dated = rest.findIndex((c) => DATE_CELL.test(c));
  if (deadline >= 0 && dated >= 0)
    out[deadline] = { kind: "deadline", text: rest.splice(dated, 1)[0] as string };
  const roleColumns = columns
    .map((kind, n) => ({ kind, n }))
    .filter(({ kind }) => kind === "lead" || kind === "support" || kind === "responsible");
  for (const { kind, n } of roleColumns.reverse()) {
    const text = rest.pop();
    if (text === undefined) break;
    out[n] = { kind, text };
  }
  return out;
}

/** A row's cell under its column; `merged` when the row leaves it to the row above. */
export interface Cell {
  kind: ColumnKind;
  text: string;
  merged?: boolean;
}

/**
 * The row's cells with those merged over the rows above taken from the previous row (a lead or a
 * deadline shared by several tasks).
 */
export function withMergedCells(cells: readonly Cell[], previous: readonly Cell[] | null): Cell[] {
  return cells.map((c) =>
    c.merged ? { kind: c.kind, text: previous?.find((p) => p.kind === c.kind)?.text ?? "" } : c,
  );
}

/** A row's role cells as labelled lists (牵头单位：… / 配合单位：…), one per line, for the department parser. */
export function rowResponsibility(cells: ReadonlyArray<{ kind: ColumnKind; text: string }>): string {
  return cells
    .filter((c) => COLUMN_LABEL[c.kind] && c.text !== "")
    .map((c) => `${COLUMN_LABEL[c.kind]}：${c.text.replace(/\n/g, "")}`)
    .join("\n");
}

/** A row's task name (its 重点任务 cell), when the table has one. */
export function rowTask(cells: ReadonlyArray<{ kind: ColumnKind; text: string }>): string | null {
  return cells.find((c) => c.kind === "task")?.text ?? null;
}
