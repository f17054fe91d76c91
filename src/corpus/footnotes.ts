/**
 * Footnotes that carry a task's departments and time limit: a marker after the task ([1], ［12］) and a
 * note list after the body (注释： then [1] 牵头单位：X；配合单位：Y；完成时限：2025年12月底前。). The note
 * speaks for the task that carries its marker, as a bracket at the task's end would.
 */
import { trimmed } from "./lines.js";

/** The heading of a note list: 注释： / 注： / 附注 / 备注：, alone on its line. */
const NOTES_HEADING = /^(?:注释|注|附注|备注|说明)\s*[:：]?$/;

/** A note of the list: [1] …, ［1］…, 〔1〕…, 【1】…. */
const NOTE = /^[[［〔【]\s*(\d{1,3})\s*[\]］〕】]\s*(.+)$/;

/** A marker in a task's text. */
const MARKER = /[[［〔【]\s*(\d{1,3})\s*[\]］〕】]/g;

/** The note list after the body: the line that heads it, and each note's text by its number. */
export interface Footnotes {
  /** Index of the heading's line: the body ends there. */
  heading: number;
  notes: Map<number, string>;
}

/**
 * The note list of a document's lines, when it has one: a heading line followed by at least three
 * numbered notes (fewer is a remark, not a list the tasks point to).
 */
export function readFootnotes(lines: readonly string[], from: number): Footnotes | null {
  for (let i = from; i < lines.length; i++) {
    if (!NOTES_HEADING.test(trimmed(lines[i] as string))) continue;
    const notes = new Map<number, string>();
    for (let j = i + 1; j < lines.length; j++) {
      const t = trimmed(lines[j] as string);
      if (t === "") continue;
      const m = NOTE.exec(t);
      if (!m) break;
      notes.set(Number(m[1]), m[2] as string);
    }
    if (notes.size >= 3) return { heading: i, notes };
  }
  return null;
}

/** The note numbers a task's text carries: …整治。[3] → [3]. */
export function markersOf(text: string): number[] {
  return [...text.matchAll(MARKER)].map((m) => Number(m[1]));
}

/** The notes a task's text points to, in order: [2] … [3] → the texts of notes 2 and 3. */
export function notesOf(text: string, notes: ReadonlyMap<number, string>): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(MARKER)) {
    const note = notes.get(Number(m[1]));
    if (note !== undefined && !out.includes(note)) out.push(note);
  }
  return out;
}
