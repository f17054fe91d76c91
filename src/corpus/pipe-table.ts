/**
 * Markdown pipe tables (| 序号 | 重点任务 | … |, a separator row | --- | under the header): a page
 * converted to Markdown keeps a plan's task table so. Their rows are read as the tab-parted rows the
 * genre's pasted task tables are read as; the separator row is a blank line.
 */
import type { Line } from "./lines.js";

/** | a | b | c | — a row of a pipe table, at least two cells. */
const ROW = /^\s*\|(?:[^|\n]*\|){2,}\s*$/;
/** | --- | :---: | — the row under a pipe table's header. */
const SEPARATOR = /^\s*\|(?:\s*:?-{3,}:?\s*\|)+\s*$/;

/** The cells of a row, without the pipes that open and close it. */
const cells = (text: string) =>
  text
    .trim()
    .slice(1, -1)
    .split("|")
    .map((c) => c.trim());

/**
 * The lines with every pipe table's rows rebuilt as tab-parted text (where they stand in the source
 * kept) and its separator row blank. A run of pipe rows with no separator row is no table: left alone.
 */
export function pipeTableRows(lines: readonly Line[]): Line[] {
  const out = [...lines];
  let i = 0;
  while (i < lines.length) {
    if (!ROW.test((lines[i] as Line).text)) {
      i++;
      continue;
    }
    let j = i;
    while (j < lines.length && ROW.test((lines[j] as Line).text)) j++;
    if (lines.slice(i, j).some((l) => SEPARATOR.test(l.text)))
      for (let k = i; k < j; k++) {
        const line = lines[k] as Line;
        const text = SEPARATOR.test(line.text) ? "" : cells(line.text).join("\t").replace(/\t+$/, "");
        out[k] = { ...line, text, reflowed: true };
      }
    i = j;
  }
  return out;
}
