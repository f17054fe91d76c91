/**
 * Lists after a part's tasks that give each unit the tasks it has, by number, with a mark the notice
 * defines after each (分工标注 — 市生态环境局：（一）●　（二）◎　（二）3○), and a line dating them by number
 * (完成时限：（二）2025年10月底前，其中（二）2为采暖季前；（三）2025年9月底前). A task a unit marks carries the
 * unit in the mark's role; a point marked on its own takes only its own marks (its item's then cover it
 * no more, as the notice says of such points).
 */
import { type DeadlineOptions, parseDeadlines } from "./deadlines.js";
import { escapeRegExp } from "./departments.js";
import { parseSmallNumeral } from "./numerals.js";
import type { DepartmentRef, Item, Role } from "./schema.js";

/** （二） or （二）3: a task of the part by its number, and one of its points. */
const REF = String.raw`[（(]([一二三四五六七八九十]{1,3})[）)]\s*(?:(\d{1,2})(?![\d.．年月日]))?`;

/** 完成时限：（二）…；（三）… — a part's tasks dated by number. */
const TIMES_LINE = new RegExp(
  String.raw`^(?:完成时限|时限|完成时间|时间节点)\s*[:：][\s\u3000]*(?=${REF})`,
  "u",
);

/** A reference, then what it is dated (（二）2为采暖季前). */
const DATED_REF = new RegExp(`^\\s*${REF}\\s*(?:为|是)?\\s*(.+)$`, "u");

/** Each notice's {@link unitLine}, built once: parsing asks it of every line closing an entry. */
const unitLines = new WeakMap<ReadonlyMap<string, Role | "time">, RegExp | null>();

/** The pattern of a unit's line for the marks a notice defines: 单位：（一）◎　（四）●. */
function unitLine(marks: ReadonlyMap<string, Role | "time">): RegExp | null {
  if (unitLines.has(marks)) return unitLines.get(marks) ?? null;
  const pattern = buildUnitLine(marks);
  unitLines.set(marks, pattern);
  return pattern;
}

function buildUnitLine(marks: ReadonlyMap<string, Role | "time">): RegExp | null {
  const roleMarks = [...marks].filter(([, r]) => r !== "time").map(([m]) => m);
  if (roleMarks.length === 0) return null;
  const mark = `[${escapeRegExp(roleMarks.join(""))}]`;
  return new RegExp(
    String.raw`^([^：:\s，,。；;（(]{2,30}(?:[（(][^）)]{1,8}[）)][^：:\s，,。；;（(]{0,12})?)\s*[:：][\s\u3000]*((?:${REF}\s*${mark}[\s\u3000、，,]*)+)$`,
    "u",
  );
}

/** Whether a line is a unit's marked list or a line dating tasks by number, under the notice's marks. */
export function isMarkListLine(line: string, marks: ReadonlyMap<string, Role | "time">): boolean {
  const pattern = unitLine(marks);
  return pattern !== null && (pattern.test(line.trim()) || TIMES_LINE.test(line.trim()));
}

/** The task (or point) of a section a reference names. */
function referred(items: readonly Item[], section: number, task: string, point?: string): Item | undefined {
  const n = parseSmallNumeral(task);
  const item = items.find((i) => i.section === section && i.level === 2 && i.number === n);
  return point ? items.find((i) => i.parent === item?.id && i.number === Number(point)) : item;
}

/**
 * Gives the tasks a section's marked lists name their units (`canonical` names them as the directory
 * does) and the dates its time line gives them; `named` holds the times the notice defines (采暖季前 →
 * 2025-10-25). Returns the tasks marked as a whole: their points without marks of their own are their parts.
 */
export function applyMarkLists(
  items: readonly Item[],
  lines: ReadonlyArray<{ section: number; text: string }>,
  marks: ReadonlyMap<string, Role | "time">,
  canonical: (written: string) => string,
  options: DeadlineOptions,
  named: ReadonlyMap<string, string>,
): Set<string> {
  const whole = new Set<string>();
  const pattern = unitLine(marks);
  if (!pattern) return whole;
  const refs = new RegExp(`${REF}\\s*(\\S)`, "gu");
  for (const { section, text } of lines) {
    const line = text.trim();
    const unit = pattern.exec(line);
    if (unit) {
      const written = (unit[1] as string).trim();
      for (const m of (unit[2] as string).matchAll(refs)) {
        const role = marks.get(m[3] as string);
        const target = referred(items, section, m[1] as string, m[2]);
        if (!target || !role || role === "time") continue;
        const ref: DepartmentRef = { name: canonical(written), role, written };
        if (!target.departments.some((d) => d.name === ref.name)) target.departments.push(ref);
        if (!m[2]) whole.add(target.id);
      }
      continue;
    }
    if (!TIMES_LINE.test(line)) continue;
    // （二）2025年10月底前，其中（二）2为采暖季前: the task's date, and its point's own.
    for (const part of line.replace(TIMES_LINE, "").split(/[；;]/)) {
      for (const clause of part.split(/[，,]\s*其中/)) {
        const m = DATED_REF.exec(clause);
        if (!m) continue;
        const target = referred(items, section, m[1] as string, m[2]);
        if (!target) continue;
        const when = (m[3] as string).trim();
        const word = [...named.keys()].find((w) => when.includes(w));
        const dates = word
          ? [
              {
                text: word,
                date: named.get(word) as string,
                approximate: false,
                yearFromContext: false,
                recurring: false,
                sentence: clause.trim(),
              },
            ]
          : parseDeadlines(when, options).map((d) => ({ ...d, sentence: clause.trim() }));
        for (const d of dates) if (!target.deadlines.some((x) => x.date === d.date)) target.deadlines.push(d);
      }
    }
  }
  return whole;
}
