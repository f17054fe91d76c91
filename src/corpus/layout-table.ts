/**
 * A task table as a PDF's text export lays it out: columns lined up by spaces under a header
 * (序号  重点任务  具体措施  牵头单位  配合单位  完成时限), each row a block of lines between blank
 * lines whose cells wrap inside their column (the number standing on a middle line), group rows
 * （一）… on lines of their own, and the header repeated after each page number (— 2 —). Each row is
 * rebuilt as one line of tab-parted cells — its column's pieces joined, as the table printed them —
 * so the table reader takes it as it takes a table copied from a page.
 */
import { type Line, trimmed } from "./lines.js";

/**
 * Display width of a character: full-width and CJK characters take two columns; quotes and other
 * characters of ambiguous width take one, as most exports lay them out.
 */
function width(c: string): number {
  return /[\u1100-\u115f\u2e80-\u303e\u3040-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(
    c,
  )
    ? 2
    : 1;
}

/** Runs of text parted by two or more spaces, with the display column each starts at. */
function runs(text: string): Array<{ text: string; start: number }> {
  const found: Array<{ text: string; start: number }> = [];
  let at = 0;
  let current: { text: string; start: number } | null = null;
  let spaces = 0;
  for (const c of text) {
    if (c === " " || c === "\u3000") {
      spaces += width(c);
      if (spaces >= 2) current = null;
    } else {
      if (!current) {
        current = { text: "", start: at };
        found.push(current);
      } else if (spaces === 1) current.text += " ";
      current.text += c;
      spaces = 0;
    }
    at += width(c);
  }
  return found;
}

/**
 * The pieces of a line under each column: each run of text goes to the last column starting at or
 * before it (a little drift allowed, as characters of ambiguous width shift a line).
 */
function cut(text: string, starts: readonly number[]): string[] {
  const pieces = starts.map(() => "");
  for (const run of runs(text)) {
    let col = starts.length - 1;
    while (col > 0 && run.start + 3 < (starts[col] as number)) col--;
    pieces[col] += run.text;
  }
  return pieces.map((p) => p.trim());
}

const PAGE_NUMBER = /^[—–\-－]\s*\d{1,3}\s*[—–\-－]$/;
const GROUP_ROW = /^[(（][一二三四五六七八九十]{1,3}[)）]\S/;
const SECTION = /^[一二三四五六七八九十]{1,3}\s*[、．]/;
const HEADER_WORD = /^(?:序号|编号)$/;

/** Where each header cell starts, when the line is a header laid out by spaces. */
function readHeader(text: string, isHeader: (cells: string[]) => boolean): number[] | null {
  if (text.includes("\t")) return null;
  const cells = runs(text);
  if (cells.length < 4 || !HEADER_WORD.test(cells[0]?.text ?? "") || !isHeader(cells.map((c) => c.text)))
    return null;
  return cells.map((c) => c.start);
}

/**
 * The lines with a table laid out by spaces rebuilt: each row one line of tab-parted cells (marked
 * `reflowed`, spanning the row's block in the source), the header one such line, group rows as they
 * are; page numbers and repeated headers inside the table dropped. Other lines are returned as they are.
 */
export function reflowLayoutTable(lines: readonly Line[], isHeader: (cells: string[]) => boolean): Line[] {
  const at = lines.findIndex((l) => readHeader(l.text, isHeader) !== null);
  if (at < 0) return [...lines];
  const header = lines[at] as Line;
  const starts = readHeader(header.text, isHeader) as number[];
  const out: Line[] = lines.slice(0, at);
  out.push({ ...header, text: cut(header.text, starts).join("\t"), reflowed: true });
  let block: Line[] = [];
  let row: { cells: string[]; start: number; end: number } | null = null;
  const rows: Array<{ cells: string[]; start: number; end: number } | Line> = [];
  const closeBlock = () => {
    if (block.length === 0) return;
    const cells = starts.map(() => "");
    for (const line of block) for (const [i, piece] of cut(line.text, starts).entries()) cells[i] += piece;
    const start = (block[0] as Line).start;
    const end = (block.at(-1) as Line).end;
    // A block with no number goes on with the row before it, cut by a page break.
    if (!/^\d{1,3}$/.test(cells[0] as string) && row && cells[0] === "") {
      row.cells = row.cells.map((c, i) => c + (cells[i] as string));
      row.end = end;
    } else {
      row = { cells, start, end };
      rows.push(row);
    }
    block = [];
  };
  let n = at + 1;
  for (; n < lines.length; n++) {
    const line = lines[n] as Line;
    const t = trimmed(line);
    if (SECTION.test(t) || /^(?:注|备注|说明)\s*[:：]/.test(t)) break;
    if (t === "") {
      closeBlock();
      continue;
    }
    if (PAGE_NUMBER.test(t) || readHeader(line.text, isHeader) !== null) continue;
    if (GROUP_ROW.test(t) && !/[ \u3000]{2,}/.test(t)) {
      closeBlock();
      row = null;
      rows.push(line);
      continue;
    }
    block.push(line);
  }
  closeBlock();
  for (const r of rows)
    out.push("cells" in r ? { text: r.cells.join("\t"), start: r.start, end: r.end, reflowed: true } : r);
  out.push(...lines.slice(n));
  return out;
}
